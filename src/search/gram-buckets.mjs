/**
 * What each shard gives each bucket of the joined files (gram-files.ts), for the build cache: a
 * bucket's files (`g/<b>.gz` and its grams' `x/` files) are made from nothing but the bucket
 * count and every shard's grams whose hashOf(key) % buckets is b, so a digest of each shard's
 * share per bucket says which buckets an edit touched: the others are placed as the cached build
 * wrote them, without reading the unchanged shards. Plain JavaScript (worker threads may run it).
 */
import { sha256 } from "./sha256.mjs";
import { hashOf } from "../assets/search-stream.js";

/**
 * Positions up to this many bytes stay in the gram's part (gram-files.ts's INLINE_POSITIONS): a bigram
 * on a few hundred pages (a long phrase repeated on them, every covering bigram needed) is one request,
 * its bucket, not its bucket and then its positions file (2 KB before: docs/search.md, fifteenth round).
 */
export const INLINE_POSITIONS = 8192;
/** Bytes a bucket averages, about (lists and inline positions): smaller with more positions inline. */
const BUCKET_BYTES = 4096;
/** Bytes of one bucket digest. */
export const DIGEST_BYTES = 32;

/** The shard's weight in the bucket count: its lists and the positions a part may keep inline. */
export function shardTotal(g) {
  let total = 0;
  for (let i = 0; i < g.keys.length; i++) {
    const listStart = i === 0 ? 0 : g.posEnd[i - 1];
    total += g.listEnd[i] - listStart + Math.min(g.posEnd[i] - g.listEnd[i], INLINE_POSITIONS);
  }
  return total;
}

/** The bucket count for these shard totals: a power of two, buckets of about BUCKET_BYTES. */
export function bucketCount(totals) {
  const total = totals.reduce((a, b) => a + b, 0);
  let buckets = 16;
  while (buckets * BUCKET_BYTES < Math.min(total, totals.length * 64 * 1024 * 1024)) buckets *= 2;
  return buckets;
}

/** The shard's grams grouped by bucket: `order` holds gram numbers, bucket b's at start[b] … start[b + 1]. */
export function gramsByBucket(g, buckets) {
  const n = g.keys.length;
  const bucketOf = new Uint32Array(n);
  const start = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const b = hashOf(g.keys[i]) % buckets;
    bucketOf[i] = b;
    start[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const fill = start.slice(0, buckets);
  const order = new Uint32Array(n);
  // Gram numbers ascend within a bucket: key order, as the bucket lists them.
  for (let i = 0; i < n; i++) order[fill[bucketOf[i]]++] = i;
  return { order, start };
}

/**
 * SHA-256 of the shard's share of each bucket (every gram's key, list and positions, in key
 * order), DIGEST_BYTES a bucket; a bucket the shard has no gram in gets zeros.
 */
export function bucketDigests(g, buckets) {
  const { order, start } = gramsByBucket(g, buckets);
  const out = new Uint8Array(buckets * DIGEST_BYTES);
  let scratch = Buffer.alloc(64 * 1024);
  for (let b = 0; b < buckets; b++) {
    if (start[b] === start[b + 1]) continue;
    let size = 0;
    for (let x = start[b]; x < start[b + 1]; x++) {
      const i = order[x];
      size += 16 + g.posEnd[i] - (i === 0 ? 0 : g.posEnd[i - 1]);
    }
    if (scratch.length < size) scratch = Buffer.alloc(size * 2);
    let at = 0;
    for (let x = start[b]; x < start[b + 1]; x++) {
      const i = order[x];
      const from = i === 0 ? 0 : g.posEnd[i - 1];
      scratch.writeDoubleLE(g.keys[i], at);
      scratch.writeUInt32LE(g.listEnd[i] - from, at + 8);
      scratch.writeUInt32LE(g.posEnd[i] - g.listEnd[i], at + 12);
      scratch.set(g.bytes.subarray(from, g.posEnd[i]), at + 16);
      at += 16 + g.posEnd[i] - from;
    }
    out.set(sha256(scratch.subarray(0, at), "buffer"), b * DIGEST_BYTES);
  }
  return out;
}
