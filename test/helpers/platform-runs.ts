/** Checks the platform tests share: a command that must succeed, and two output folders compared byte for byte. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CliRun } from "./cli.ts";
import { outputFiles } from "../../src/build/output-files.ts";

/** `run`, after asserting it exited 0 (its output is the failure's message). */
export const succeeded = (run: CliRun): CliRun => {
  assert.equal(run.code, 0, run.stderr + run.stdout);
  return run;
};

/** Files that differ between two output folders (by list, then by bytes). */
export function differingOutputs(a: string, b: string): string[] {
  const files = outputFiles(a);
  assert.deepEqual(files, outputFiles(b));
  return files.filter((rel) => !readFileSync(path.join(a, rel)).equals(readFileSync(path.join(b, rel))));
}
