/** Runs a command as an operator does (`npm run build -- …`) in a fixture project with its own site.config.ts. */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, FIXTURE_SITE, type Fixture } from "./fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LAUNCHER = path.join(ROOT, "src/cli/launch.mjs");
/** The commands package.json's scripts run through the launcher (`npm run build`, `npm start`, …); the others through tsx. */
const LAUNCHED = new Set(
  Object.values(
    (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
      .scripts,
  ).flatMap((script) => /src\/cli\/launch\.mjs (\w+)/.exec(script)?.[1] ?? []),
);

/**
 * Node's arguments that run src/cli/<script> the way its npm script does: the launcher's
 * precompiled bundle for the commands it runs (what operators start; it also spares each spawn
 * tsx's ~1.5 s of CPU compiling the build's modules), tsx for `npm run new`, `schemas`, `cms`.
 * `via: "tsx"` runs any command through tsx, as test/operators/launcher.test.ts compares.
 */
export function commandArgs(script: string, args: string[], via: "npm" | "tsx" = "npm"): string[] {
  const command = script.replace(/\.ts$/, "");
  if (via === "npm" && LAUNCHED.has(command)) return [LAUNCHER, command, ...args];
  return ["--import", import.meta.resolve("tsx"), path.join(ROOT, "src/cli", script), ...args];
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCommand(
  script: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  options: { timeout?: number; via?: "npm" | "tsx" } = {},
): CliRun {
  const result = spawnSync(process.execPath, commandArgs(script, args, options.via), {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GONGKAI_NOW: "2026-06-30 12:00", ...env },
    timeout: options.timeout ?? 120_000,
  });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A fixture site whose root also holds site.config.ts, so the commands run in it as in a clone. */
export function projectWith(files: Record<string, string | Buffer>, site = FIXTURE_SITE): Fixture {
  const fixture = createFixture(files, site);
  writeFileSync(path.join(fixture.root, "site.config.ts"), `export default ${JSON.stringify(site)};\n`);
  return fixture;
}
