/**
 * The filter and date columns (`f.gz`, `o.gz`) with the build cache (src/build/cache/search-columns.ts):
 * after an edit that leaves every shard's share as it was (a title), they are placed as the cached
 * build wrote them, no share read back; after one that changes a share (a date), a search shard
 * taken from the cache takes its share from it too; a share whose blob was tampered with is made
 * again from the pages. Every time the index is the same bytes as a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { differingIndexFiles } from "../helpers/index-diff.ts";

// Small shards: an edit changes one shard of several, the others come from the cache.
const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, cacheDir, build, edit } = await sampleCopy("shard-columns", parts);

/** The cache's blobs holding a shard's share of the columns (its head's length, then its filters' keys). */
function columnBlobs(): string[] {
  const blobs = path.join(cacheDir, "blobs");
  return readdirSync(blobs).flatMap((prefix) =>
    readdirSync(path.join(blobs, prefix))
      .map((name) => path.join(blobs, prefix, name))
      .filter((file) => readFileSync(file).subarray(4, 13).toString() === '{"keys":['),
  );
}

test("columns kept whole or from the shards' shares; a tampered share is made again; same bytes", async () => {
  const out = path.join(root, "site");
  const clean = path.join(root, "clean");
  const sameAsClean = async () => {
    await build(clean, false);
    assert.deepEqual(differingIndexFiles(out, clean), [], "the index as a build's without the cache");
    rmSync(clean, { recursive: true, force: true });
  };
  await build(out, true);

  edit((s) => s.replace(/^title: .*$/m, "title: 市政府召开第一次全体会议"));
  const title = await build(out, true);
  assert.ok(title.cache!.shardsReused > 1, "several shards from the cache");
  assert.equal(title.cache!.columnsKept, 1, "the columns as the cached build's");
  assert.equal(title.cache!.columnsReused ?? 0, 0, "no share read back");
  await sameAsClean();

  // Its date a minute later: its shard's share (o.gz's minutes) is not as then.
  edit((s) => s.replace(/^date: 2026-01-07 17:50$/m, "date: 2026-01-07 17:51"));
  const after = await build(out, true);
  assert.ok(after.cache!.shardsReused > 1, "several shards from the cache");
  assert.equal(after.cache!.columnsKept ?? 0, 0, "a share changed: the columns made again");
  assert.equal(after.cache!.columnsReused, after.cache!.shardsReused, "each with its columns");
  await sameAsClean();

  // Every share's last page dated otherwise: the bytes still fit a share, so only the blob's check
  // (its bytes no longer hash to its name) can refuse it.
  const blobs = columnBlobs();
  assert.ok(blobs.length >= after.cache!.shardsReused, "the shares are blobs of the cache");
  for (const file of blobs) {
    const bytes = readFileSync(file);
    bytes.writeDoubleLE(bytes.readDoubleLE(bytes.length - 8) + 60 * 24 * 365, bytes.length - 8);
    writeFileSync(file, bytes);
  }
  edit((s) => s.replace(/^date: 2026-01-07 17:51$/m, "date: 2026-01-07 17:52"));
  const tampered = await build(out, true);
  assert.ok(tampered.cache!.shardsReused > 1, "several shards from the cache");
  assert.equal(tampered.cache!.columnsKept ?? 0, 0, "a share changed: the columns made again");
  assert.equal(tampered.cache!.columnsReused ?? 0, 0, "no tampered share used");
  await build(clean, false);
  assert.deepEqual(differingIndexFiles(out, clean), [], "the index as a build's without the cache");
  rmSync(root, { recursive: true, force: true });
});
