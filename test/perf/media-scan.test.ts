/**
 * The media sources' lstats on a worker thread (src/build/cache/media-scan.ts): a regular file's
 * size, mtime and inode as lstat gives them; anything else (a link, a missing file) left for the
 * main thread to check. Below WORKER_FROM files no worker is started: the step stats them itself.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { lstatSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MediaScan, WORKER_FROM } from "../../src/build/cache/media-scan.ts";

test("the worker's stats are lstat's for regular files, and nothing for links or missing files", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-media-scan-"));
  mkdirSync(path.join(dir, "media"));
  writeFileSync(path.join(dir, "media/a.png"), "image bytes");
  symlinkSync(path.join(dir, "media/a.png"), path.join(dir, "media/link.png"));
  const urls = ["/media/a.png", "/media/link.png", "/media/missing.png"];
  assert.equal(MediaScan.start(dir, urls), undefined, `fewer than ${WORKER_FROM}: no worker`);
  const scan = MediaScan.start(dir, urls, 1)!;
  const stats = (await scan.statsOf(urls))!;
  const real = lstatSync(path.join(dir, "media/a.png"));
  assert.deepEqual(stats(0), { size: real.size, mtimeMs: real.mtimeMs, ino: real.ino });
  assert.equal(stats(1), undefined);
  assert.equal(stats(2), undefined);
  // Other urls than it was started with: nothing is vouched for.
  assert.equal(await scan.statsOf([...urls]), undefined);
});
