/** Runs a command as an operator does (`npm run build -- …`) in a fixture project with its own site.config.ts. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, FIXTURE_SITE, type Fixture } from "./fixture.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

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
  options: { timeout?: number } = {},
): CliRun {
  const result = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), path.join(ROOT, "src/cli", script), ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, GONGKAI_NOW: "2026-06-30 12:00", ...env },
      timeout: options.timeout ?? 120_000,
    },
  );
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A fixture site whose root also holds site.config.ts, so the commands run in it as in a clone. */
export function projectWith(files: Record<string, string | Buffer>, site = FIXTURE_SITE): Fixture {
  const fixture = createFixture(files, site);
  writeFileSync(path.join(fixture.root, "site.config.ts"), `export default ${JSON.stringify(site)};\n`);
  return fixture;
}
