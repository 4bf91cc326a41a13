/**
 * A positions file laid out again on a join lane (join-lanes.mjs) after one shard changed: the
 * previous file's chunks before and after that shard's segment are copied, not cut and hashed
 * again, and the file is the bytes a clean build gzips. The sample portal's positions files stay
 * under the 8 KB from which files are compressed in chunks, so the lane is driven directly here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipJoined, type GzipChunk } from "../../src/search/index-gzip.mjs";
import { layJoin } from "../../src/search/join-lanes.mjs";
import type { ShardGrams } from "../../src/search/gram-types.ts";
import { random } from "../../bench/synthetic.ts";

const KEY = 123_456;
const BUCKETS = 16;
const ALL = Array.from({ length: BUCKETS }, (_, b) => b);

/** One shard holding one gram: a short page list and `pos` as its positions. */
function shard(pos: Buffer): ShardGrams {
  const list = Buffer.from([10, 1, 2, 3, 4]);
  return {
    keys: Float64Array.from([KEY]),
    df: Uint32Array.from([5]),
    listEnd: Uint32Array.from([list.length]),
    posEnd: Uint32Array.from([list.length + pos.length]),
    bytes: Buffer.concat([list, pos]),
  };
}

const varints = (rand: () => number, length: number) =>
  Buffer.from(Array.from({ length }, () => Math.floor(rand() * rand() * rand() * 200)));

function outDir(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "g"), { recursive: true });
  mkdirSync(path.join(dir, "x"), { recursive: true });
  return dir;
}

test("after one shard changed, a positions file copies the chunks around its segment unhashed, same bytes", (t) => {
  const root = mkdtempSync(path.join(tmpdir(), "join-ranged-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const rand = random(5);
  const pos = [0, 1, 2].map(() => varints(rand, 40_000));
  const rel = `x/${KEY}-0.gz`;

  // The cached build: every file written (nothing before it).
  const first = layJoin({
    buckets: BUCKETS,
    list: ALL,
    shards: pos.map((p) => ({ grams: shard(p) })),
    dir: outDir(root, "a"),
    before: [],
  });
  const made = first.written.find(([r]) => r === rel)!;
  assert.deepEqual(made[4], [0, 1, 2], "the file's shards, in order");
  const raw = first.laid.flatMap(([, files]) => files).find(([r]) => r === rel)![1];
  const previous = path.join(root, "previous.gz");
  copyFileSync(path.join(root, "a", rel), previous);
  // Its record's hashes marked: a chunk copied keeps the mark, one cut and hashed again has none.
  const chunks = made[3]!.map(([hash, size, length]): GzipChunk => [`~${hash}`, size, length]);

  // Shard 1 changed: 40 bytes inserted in its segment.
  const changed = Buffer.concat([pos[1].subarray(0, 20_000), varints(rand, 40), pos[1].subarray(20_000)]);
  const after = [pos[0], changed, pos[2]];
  const second = layJoin({
    buckets: BUCKETS,
    list: ALL,
    shards: after.map((p) => ({ grams: shard(p) })),
    dir: outDir(root, "b"),
    before: [[rel, raw, { file: previous, chunks, shards: [0, 1, 2] }]],
    same: [1, 0, 1],
  });
  const wrote = second.written.find(([r]) => r === rel)!;
  assert.ok(wrote, "the changed file is written as it is laid out");
  const fresh = gzipJoined(Buffer.concat(after));
  assert.deepEqual(readFileSync(path.join(root, "b", rel)), fresh.gz, "the bytes of a clean build");
  assert.equal(wrote[1], fresh.sha256);
  // Shards 0 and 2 are two thirds of the file: their chunks are copied (shard 1's are hashed, and
  // match no marked hash, so they are compressed again: the bytes are the same).
  const copied = wrote[3]!.filter(([hash]) => hash.startsWith("~")).length;
  assert.ok(
    copied >= fresh.chunks!.length / 2,
    `${copied} of ${fresh.chunks!.length} chunks copied unhashed`,
  );

  // Nothing changed: the file is the previous one (not written), known by its identity then.
  const third = layJoin({
    buckets: BUCKETS,
    list: ALL,
    shards: pos.map((p) => ({ grams: shard(p) })),
    dir: outDir(root, "c"),
    before: [[rel, raw, { file: previous, chunks: made[3]!, shards: [0, 1, 2] }]],
    same: [1, 1, 1],
  });
  assert.equal(
    third.written.find(([r]) => r === rel),
    undefined,
  );
  assert.equal(third.laid.flatMap(([, files]) => files).find(([r]) => r === rel)![1], raw);

  // The record's shards at other places at the start: only the end that still matches is copied.
  const moved = layJoin({
    buckets: BUCKETS,
    list: ALL,
    shards: after.map((p) => ({ grams: shard(p) })),
    dir: outDir(root, "d"),
    before: [[rel, raw, { file: previous, chunks, shards: [1, 0, 2] }]],
    same: [1, 0, 1],
  });
  assert.deepEqual(readFileSync(path.join(root, "d", rel)), fresh.gz);
  const movedChunks = moved.written.find(([r]) => r === rel)![3]!;
  assert.ok(!movedChunks[0][0].startsWith("~"), "the start cut and hashed again");
  assert.ok(movedChunks.at(-1)![0].startsWith("~"), "the end copied");
});
