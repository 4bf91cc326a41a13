/**
 * The join's lay-out on a worker thread of the index step (gram-files.ts, `JoinLanes`): after one
 * edit the buckets the changed shard touches are laid out again from every shard's grams (a
 * cached shard's read by range from its blob), which kept the main thread busy for about a
 * second at 50k items while the steps beside the index waited for it. Here a worker lays out its
 * share of those buckets and hashes each file's bytes; the main thread, which owns the build
 * cache, then says which to gzip and write (`writeLaid`), the others being placed from the cache.
 * Plain JavaScript: run by index-worker.mjs.
 */
import { closeSync, openSync, readFileSync, readSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { BucketSource } from "./bucket-source.mjs";
import { layBucket } from "./bucket-layout.mjs";
import { rangesOf } from "./gram-blob.mjs";
import { gzipJoined } from "./index-gzip.mjs";
import { sha256 } from "./sha256.mjs";

/** Reads of a cached shard's grams by range after which its blob is read whole (search-shards.ts's too). */
const WHOLE_AFTER = 256;

/** The files laid out and not yet written, path → bytes before gzip (until `writeLaid`). */
const laid = new Map();

/** A cached shard's grams, read from its blob `file` by range (whole after many ranges). */
function fileShard(file) {
  const fd = openSync(file, "r");
  let whole;
  let reads = 0;
  const read = (at, length) => {
    if (whole === undefined && ++reads > WHOLE_AFTER) whole = readFileSync(file);
    if (whole) return whole.subarray(at, at + length);
    const out = Buffer.allocUnsafe(length);
    if (readSync(fd, out, 0, length, at) !== length) throw new Error(`${file}: shorter than its grams`);
    return out;
  };
  return { ...rangesOf(read), close: () => closeSync(fd) };
}

/** Gzips `data` (the chunks of the file before that are the same bytes copied) and writes it at `rel`. */
function writeOne(dir, rel, data, previous, remove) {
  const { gz, sha256, chunks } = gzipJoined(data, previous);
  const file = path.join(dir, rel);
  if (remove === undefined) {
    // Whatever is there goes first (the previous output's file may be a blob's hard link).
    try {
      unlinkSync(file);
    } catch (err) {
      if (err?.code !== "ENOENT") throw err;
    }
  } else if (remove) unlinkSync(file);
  writeFileSync(file, gz);
  return chunks ? [rel, sha256, gz.length, chunks] : [rel, sha256, gz.length];
}

/**
 * { buckets, list, shards: [{ file } | { grams }], dir?, before? }: lays out the buckets in `list`
 * (of `buckets`) from the shards in shard order; answers per bucket its files, [path, SHA-256
 * before gzip, size]. With `before` ([path, SHA-256 before gzip, the file before?] of the cached
 * build's files of those buckets), a file whose bytes differ from its file before (or that had
 * none) is gzipped and written into `dir` at once (`written`, as `writeLaid` answers): no second
 * message through the main thread, which is busy with the steps beside the index meanwhile. The
 * others are kept for `writeLaid`, should the main thread fail to place one from the cache.
 */
export function layJoin({ buckets, list, shards, dir, before }) {
  const start = performance.now();
  laid.clear();
  const was = before && new Map(before.map(([rel, raw, previous]) => [rel, { raw, previous }]));
  const written = [];
  const opened = shards.map((s) => (s.file ? fileShard(s.file) : { grams: () => s.grams }));
  try {
    const sources = opened.map((s) => new BucketSource(s, buckets));
    const out = list.map((b) => {
      const byKey = new Map();
      sources.forEach((source, shard) => source.segments(b, shard, byKey));
      const files = layBucket(b, byKey).map(([rel, data]) => {
        const raw = sha256(data, "hex");
        const then = was?.get(rel);
        if (was && then?.raw !== raw) written.push(writeOne(dir, rel, data, then?.previous));
        else laid.set(rel, data);
        return [rel, raw, data.length];
      });
      return [b, files];
    });
    return { laid: out, written, ms: Math.round(performance.now() - start) };
  } finally {
    for (const s of opened) s.close?.();
  }
}

/**
 * { dir, write: [[path, remove, the file before?]] }: gzips the files laid out here (the chunks of
 * the file before that are the same bytes copied, index-gzip.mjs) and writes them; `remove`: the
 * previous output's file there is unlinked first (it may be a blob's hard link). Forgets the
 * other laid files (placed from the cache by the main thread).
 */
export function writeLaid({ dir, write }) {
  const start = performance.now();
  const written = write.map(([rel, remove, previous]) => {
    const data = laid.get(rel);
    if (data === undefined) throw new Error(`${rel}: not laid out on this worker`);
    return writeOne(dir, rel, data, previous, remove);
  });
  laid.clear();
  return { written, ms: Math.round(performance.now() - start) };
}
