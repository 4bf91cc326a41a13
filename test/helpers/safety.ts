/** Shared by the safety tests (issue 12): a failed build must name the problem and keep the old output. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Fixture } from "./fixture.ts";
import { ContentError, formatProblem } from "../../src/problems/problems.ts";

/** Every output file with its bytes, to compare the output before and after a failed build. */
export function snapshot(site: Fixture): Map<string, string> {
  if (!existsSync(site.outDir)) return new Map();
  return new Map(site.files().map((f) => [f, readFileSync(path.join(site.outDir, f), "base64")]));
}

/** Builds, expects a ContentError, checks the output is byte-identical; returns the errors as printed. */
export async function failedBuildErrors(
  site: Fixture,
  options?: Parameters<Fixture["build"]>[0],
): Promise<string[]> {
  const before = snapshot(site);
  const err = await site.build(options).then(
    () => assert.fail("the build should have failed"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof ContentError, String(err));
  assert.deepEqual(snapshot(site), before, "a failed build must leave the previous output exactly as it was");
  return err.problems.filter((p) => p.severity === "error").map(formatProblem);
}
