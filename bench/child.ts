/**
 * Runs a benchmark script in a fresh Node process and parses the JSON line it prints last, with
 * the peak RSS of the process and everything it started, together (`treePeakKb`).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { samplePeak } from "./process-tree.ts";
import { moduleBundle } from "../src/bundle/module-bundle.mjs";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export type ChildRun<T> = T & { treePeakKb: number; processMs: number };

/** `script` is a file in bench/; it runs from its bundle in plain Node, as the commands start. */
export async function child<T>(script: string, args: string[]): Promise<ChildRun<T>> {
  // As src/cli/launch.mjs starts the commands; through tsx if there is no bundle.
  const bundle = await moduleBundle(`bench-${path.basename(script, ".ts")}`, path.join("bench", script));
  const command = bundle ? [fileURLToPath(bundle)] : ["--import", "tsx", path.join(ROOT, "bench", script)];
  const spawned = performance.now();
  const proc = spawn(process.execPath, [...command, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = samplePeak(proc.pid!);
  let stdout = "";
  proc.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => proc.on("close", resolve));
  const treePeakKb = stop();
  const processMs = Math.round(performance.now() - spawned);
  if (code !== 0) throw new Error(`bench/${script} exited with ${code}`);
  const last = stdout.trim().split("\n").pop() ?? "";
  return { ...(JSON.parse(last) as T), treePeakKb, processMs };
}
