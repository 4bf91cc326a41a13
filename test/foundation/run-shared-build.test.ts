/**
 * The run's shared clean build (test/helpers/run-shared-build.ts), which the browser files of
 * test/public and test/search read: built once when asked for at the same time, never reused after
 * a failed build, and another build for other content.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runSharedBuild } from "../helpers/run-shared-build.ts";

test("a build asked for at once is made once; a failed one is made again; other content is built apart", async (t) => {
  assert.match(process.env.NODE_TEST_CONTEXT ?? "", /^child/, "run by the test runner, as npm test runs it");
  const content = mkdtempSync(path.join(tmpdir(), "gongkai-shared-content-"));
  t.after(() => rmSync(content, { recursive: true, force: true }));
  writeFileSync(path.join(content, "a.md"), "甲");
  const name = `shared-test-${process.pid}`;
  let builds = 0;
  const build = (fail: boolean) => async (outDir: string) => {
    builds++;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "index.html"), "half");
    await sleep(300);
    if (fail) throw new Error("the build failed");
    writeFileSync(path.join(outDir, "index.html"), readFileSync(path.join(content, "a.md"), "utf8"));
    return { pages: 1 };
  };

  await assert.rejects(runSharedBuild(name, content, {}, build(true)), /the build failed/);
  const runDir = path.dirname(
    (await Promise.all([1, 2, 3].map(() => runSharedBuild(name, content, {}, build(false)))))[0].outDir,
  );
  assert.equal(builds, 2, "one failed build, then one build for three callers");
  const again = await runSharedBuild(name, content, {}, build(false));
  assert.equal(builds, 2, "a finished build is read, not made again");
  assert.equal(readFileSync(path.join(again.outDir, "index.html"), "utf8"), "甲");
  assert.deepEqual(again.extra, { pages: 1 });
  const left = readdirSync(path.dirname(runDir)).filter((f) => f.startsWith(name));
  assert.deepEqual(left, [path.basename(runDir)], "no lock or partial folder left behind");

  writeFileSync(path.join(content, "a.md"), "乙");
  const other = await runSharedBuild(name, content, {}, build(false));
  assert.equal(builds, 3, "other content is another build");
  assert.equal(readFileSync(path.join(other.outDir, "index.html"), "utf8"), "乙");
  assert.ok(existsSync(path.join(again.outDir, "index.html")), "the first content's build stays");
});
