/**
 * The types the join of the shards' grams (gram-files.ts) works with: a shard's grams as
 * gram-shard.mjs returns them, a shard as the join sees it, a gram's segment of one shard.
 */

/** What gram-shard.mjs returns for one shard. */
export interface ShardGrams {
  keys: Float64Array;
  df: Uint32Array;
  listEnd: Uint32Array;
  posEnd: Uint32Array;
  bytes: Uint8Array;
}

export interface Segment {
  shard: number;
  list: Uint8Array;
  pos: Uint8Array;
}

/** A shard as the join sees it: its weight in the bucket count, its grams, and with the build cache its share of each bucket. */
export interface JoinShard {
  readonly total: number;
  /**
   * The build cache's key of the shard (src/build/cache/search-shards.ts), when it has one: a shard
   * with the key it had in the cached build gives each bucket the same share (changed-buckets.ts).
   */
  readonly key?: string;
  /** Its grams (a cached shard's are read only when a bucket it is in must be laid out anew). */
  grams(): ShardGrams;
  /** SHA-256 of its share of each bucket (gram-buckets.mjs), DIGEST_BYTES a bucket. */
  digests?(buckets: number): Uint8Array;
  /**
   * A cached shard's grams without their bytes, and their bytes by range (`from`, `to` in the
   * bytes of grams()): a bucket laid out again reads its grams only, not the shard's megabytes.
   */
  table?(): Omit<ShardGrams, "bytes">;
  range?(from: number, to: number): Uint8Array;
  /** A cached shard's last key, read alone (index-step.ts: does any shard keep long grams?). */
  lastKey?(): number;
  /** Its grams blob in the build cache, for a worker thread to read its ranges itself (join-lanes.mjs). */
  file?(): string | undefined;
}
