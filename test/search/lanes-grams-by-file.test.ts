/**
 * After an edit, the join's lanes (src/search/join-on-lanes.ts) read a shard just indexed from its
 * grams' blob in the build cache, as they read a cached shard's, instead of each lane being posted
 * a copy of its grams (~10 MB a shard at 50k items, cloned on the main thread once per lane). The
 * buckets laid out from the blob are the bytes laid out from the grams themselves.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { serializeGrams } from "../../src/search/gram-blob.mjs";
import { IndexedShard, FileLog, type JoinedFiles, type ShardGrams } from "../../src/search/gram-files.ts";
import { joinOnLanes, type JoinLanes } from "../../src/search/join-on-lanes.ts";
import { layJoin, type LayJob } from "../../src/search/join-lanes.mjs";

const pages = Array.from({ length: 30 }, (_, i) => ({
  title: `第${i}号通知`,
  pieces: [`关于做好第${i}批政务公开工作的通知`, `请各单位于${i + 1}日前报送材料`],
}));

/** The join's lanes run here: each lay-out is layJoin on the job as a worker would get it. */
function lanesSeeing(jobs: LayJob[]): JoinLanes {
  return {
    count: 2,
    lay: (_lane, job) => {
      jobs.push(structuredClone(job));
      return Promise.resolve(layJoin(job));
    },
    writeLaid: () => Promise.resolve({ written: [], ms: 0 }),
  };
}

/** Only what joinOnLanes asks of the cache when no file of the cached build is there to place. */
const joined = {
  filesBefore: () => [],
  release: () => false,
  takeHashed: () => undefined,
  previous: () => undefined,
  keepBucket: () => undefined,
  keep: () => undefined,
} as unknown as JoinedFiles;

test("a shard just indexed reaches the lanes as its blob's file, and lays out the same buckets", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lanes-grams-"));
  for (const sub of ["g", "x"]) mkdirSync(path.join(dir, sub));
  try {
    const { keys, df, listEnd, posEnd, bytes } = indexShard(pages);
    const grams = { keys, df, listEnd, posEnd, bytes };
    const stored: string[] = [];
    const blob = (g: ShardGrams) => {
      const file = path.join(dir, "grams.blob");
      writeFileSync(file, serializeGrams(g));
      stored.push(file);
      return file;
    };
    const buckets = 8;
    const relay = Array.from({ length: buckets }, (_, b) => b);
    const byFile: LayJob[] = [];
    await joinOnLanes(
      dir,
      [new IndexedShard(grams, "k", undefined, blob)],
      buckets,
      relay,
      lanesSeeing(byFile),
      new FileLog(),
      joined,
    );
    assert.ok(stored.length > 0, "the grams were stored as a blob");
    for (const job of byFile)
      assert.deepEqual(job.shards, [{ file: stored[0] }], "each lane is given the file");

    // Without the cache (no blob): the grams themselves, as before.
    const byGrams: LayJob[] = [];
    await joinOnLanes(
      dir,
      [new IndexedShard(grams, "k")],
      buckets,
      relay,
      lanesSeeing(byGrams),
      new FileLog(),
      joined,
    );
    for (const job of byGrams) assert.ok("grams" in job.shards[0]);

    const laid = (jobs: LayJob[]) => jobs.flatMap((job) => layJoin(job).laid).sort((a, b) => a[0] - b[0]);
    assert.ok(laid(byFile).length > 0);
    assert.deepEqual(laid(byFile), laid(byGrams), "the same files, the same bytes before gzip");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
