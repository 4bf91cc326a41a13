/**
 * The build that fills the cache leaves the spare folder the next build starts from
 * (src/build/cache/spare-from-blobs.ts): the published output's files again, each a link of its
 * blob, made from the manifest on a worker thread while the cache is saved. The build after an
 * edit then takes it as any later build does (no copy of the published output first), and its
 * output equals a clean build's. An edited manifest makes nothing outside the spare folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { outputFiles } from "../../src/build/output-files.ts";
import { sha256Of } from "../../src/build/cache/store.ts";
import { SpareFromBlobs } from "../../src/build/cache/spare-from-blobs.ts";
import { RECENT_MS } from "../../src/content/record-cache.ts";
import { spareFixture } from "../helpers/spare-fixture.ts";
import { assertSameOutput, folders } from "../helpers/incremental-fixture.ts";

const { root, contentDir, cacheDir, published, spare, build } = await spareFixture("spare-from-blobs");

test("the fill leaves a spare folder of its blobs, and the build after an edit starts from it", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const fill = await build(published, true);
  const filled = Date.now();
  assert.equal(fill.cache?.reused, 0);

  await t.test("the spare folder holds the published files that are blobs, as links of them", () => {
    assert.ok(existsSync(spare), "a spare folder after the fill");
    assert.ok(!existsSync(`${spare}.partial`));
    assert.ok(!existsSync(path.join(cacheDir, "lock")), "the lock is let go once it is made");
    // Blobs are named by the SHA-256 of their bytes (blobs.ts): a published file whose bytes are a
    // blob's is in the spare folder as a link of that blob, also when the build wrote it as a copy
    // of its own (a versioned stylesheet with the bytes of its page: src/build/versioned-assets-step.ts).
    const blobInodes = new Map<string, number>();
    for (const prefix of readdirSync(path.join(cacheDir, "blobs")))
      for (const name of readdirSync(path.join(cacheDir, "blobs", prefix)))
        blobInodes.set(name, lstatSync(path.join(cacheDir, "blobs", prefix, name)).ino);
    const blobOf = (rel: string) => sha256Of(readFileSync(path.join(published, rel)));
    const inSpare = outputFiles(spare);
    const expected = outputFiles(published).filter((rel) => blobInodes.has(blobOf(rel)));
    assert.ok(expected.length > 100, `${expected.length} blob files published`);
    assert.deepEqual(inSpare, expected, "every published blob file, nothing else");
    for (const rel of inSpare)
      assert.equal(lstatSync(path.join(spare, rel)).ino, blobInodes.get(blobOf(rel)), rel);
    // Folders only for files, each set back past the window the manifest waits out before trusting it.
    for (const dir of folders(spare)) {
      const abs = path.join(spare, dir);
      assert.ok(readdirSync(abs).length > 0, `${dir} is not empty`);
      assert.ok(lstatSync(abs).mtimeMs < filled - RECENT_MS, `${dir}'s time is set back`);
    }
  });

  await t.test("the build after an edit takes it whole and equals a clean build", async () => {
    const news = path.join(contentDir, "news/2026/0107-government-plenary-meeting.md");
    writeFileSync(news, readFileSync(news, "utf8").replace("市政府召开全体会议", "市政府召开第二次全体会议"));
    const report = (await build(published, true)).cache!;
    assert.ok(report.rendered > 0 && report.rendered < report.reused / 10, `rendered ${report.rendered}`);
    assert.ok(report.spareKept! > report.reused / 2, `kept ${report.spareKept}`);
    assert.equal(report.spareSwept, 0, "nothing in it that the build does not have");
    assert.ok(report.foldersTrusted! > 10 * report.foldersRead!, `read ${report.foldersRead}`);
    const clean = path.join(root, "clean");
    await build(clean, false);
    assertSameOutput(published, clean);
  });
});

test("an edited manifest makes nothing outside the spare folder", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-spare-manifest-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = path.join(dir, "cache");
  const out = path.join(dir, "out");
  const sha256 = "a".repeat(64);
  mkdirSync(path.join(cache, "blobs", "aa"), { recursive: true });
  writeFileSync(path.join(cache, "blobs", "aa", sha256), "blob");
  mkdirSync(out);
  const files = [
    "../escaped.html",
    "news/../../escaped.html",
    "/abs.html",
    "ok/index.html",
    "ok/index.html",
    "ok/index.html/below.html",
    "missing/index.html",
  ].map((rel) => ({ path: rel, size: 4, sha256: rel.startsWith("missing") ? "b".repeat(64) : sha256 }));
  writeFileSync(path.join(out, "manifest.json"), JSON.stringify({ files }));
  const making = SpareFromBlobs.start(cache, out);
  assert.ok(making);
  assert.equal(await making.done, true);
  assert.deepEqual(outputFiles(path.join(cache, "spare")), ["ok/index.html"]);
  assert.deepEqual(folders(path.join(cache, "spare")), ["ok"], "no folder for the missing blob");
  assert.deepEqual(readdirSync(dir).sort(), ["cache", "out"], "nothing escaped");
  assert.deepEqual(readdirSync(cache).sort(), ["blobs", "spare"]);
});
