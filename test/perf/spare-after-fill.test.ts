/**
 * A cached build that finds a published output but no spare folder (the fill leaves one,
 * spare-from-blobs.test.ts, but it may have been removed, or the output was built without the
 * cache) makes one from the published output on another thread (src/build/cache/spare-scan.ts)
 * and then costs what later builds do. Its output equals a clean
 * build's byte for byte, and the published output it linked from is never written through, even
 * when the build fails.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultParts } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { spareFixture } from "../helpers/spare-fixture.ts";
import { assertSameOutput, snapshot } from "../helpers/incremental-fixture.ts";

const { root, cacheDir, published, spare, news, build } = await spareFixture("spare-after-fill");

const failing: SiteParts = {
  ...defaultParts,
  steps: [
    ...defaultParts.steps,
    { name: "fails", outputs: () => [], run: () => Promise.reject(new Error("步骤失败")) },
  ],
};

test("a build with no spare folder makes it from the published output and equals a clean build", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const fill = await build(published, true);
  assert.equal(fill.cache?.reused, 0);
  // The fill leaves a spare folder (spare-from-blobs.ts); without it the next build copies the output.
  assert.ok(existsSync(spare), "the fill's spare folder");
  rmSync(spare, { recursive: true });
  writeFileSync(news, readFileSync(news, "utf8").replace("市政府召开全体会议", "市政府召开第二次全体会议"));

  await t.test("a build that fails after its pages leaves the published output as it was", async () => {
    const before = snapshot(published);
    const blobs = snapshot(path.join(cacheDir, "blobs"));
    await assert.rejects(build(published, true, failing), /步骤失败/);
    assert.deepEqual(snapshot(published), before, "published output unchanged");
    // The copy's files are hard links of the published ones: none may have been written through.
    const after = snapshot(path.join(cacheDir, "blobs"));
    assert.deepEqual(
      [...blobs].filter(([rel, sha]) => after.has(rel) && after.get(rel) !== sha),
      [],
      "no blob changed",
    );
    assert.ok(!existsSync(`${spare}.partial`), "no half-made spare folder left");
  });

  await t.test("a content error stops the build while the copy is made: the lock goes", async () => {
    const good = readFileSync(news, "utf8");
    const before = snapshot(published);
    writeFileSync(news, good.replace(/^date: .*$/m, "date: 不是日期"));
    await assert.rejects(build(published, true));
    writeFileSync(news, good);
    assert.ok(!existsSync(path.join(cacheDir, "lock")), "the cache's lock is let go");
    assert.ok(!existsSync(`${spare}.partial`), "no half-made spare folder left");
    assert.deepEqual(snapshot(published), before, "published output unchanged");
  });

  await t.test("the edit's build starts from the copy and equals a clean build", async () => {
    rmSync(spare, { recursive: true, force: true });
    const before = snapshot(published);
    const result = await build(published, true);
    const report = result.cache!;
    assert.ok(report.rendered > 0 && report.rendered < report.reused / 10, `rendered ${report.rendered}`);
    // Pages and media stayed where the copy had them, and the manifest read only the changed folders.
    assert.ok(report.spareKept! > report.reused / 2, `kept ${report.spareKept}`);
    assert.ok(report.foldersTrusted! > 10 * report.foldersRead!, `read ${report.foldersRead}`);
    // The output it replaced is the next spare folder, as it was published.
    assert.deepEqual(snapshot(spare), before, "the replaced output kept whole as the spare folder");
    const clean = path.join(root, "clean");
    await build(clean, false);
    assertSameOutput(published, clean);
  });
});
