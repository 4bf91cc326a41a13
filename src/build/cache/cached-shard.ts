/**
 * A cached search shard as the join reads it (gram-files.ts `JoinShard`): its grams read from their
 * blob by range, or whole once the join has asked for many ranges, and its share of each bucket
 * (the `#buckets` blob) read only when the join needs it (search-shards.ts `restore`).
 */
import type { JoinShard, ShardGrams } from "../../search/gram-files.ts";
import { bucketDigests, shardTotal } from "../../search/gram-buckets.mjs";
import { parseGrams, rangesOf } from "../../search/gram-blob.mjs";
import type { BuildCache } from "./store.ts";

/** Reads of a cached shard's grams by range after which its blob is read whole (a few MB). */
const WHOLE_AFTER = 256;

/** The shard's weight in the bucket count and its share of each bucket (digests), for a bucket count: a blob only. */
export const BUCKETS = "#buckets";
/** The shard's bucket digests as stored: bucket count, total, then the digests. */
export interface ShardBuckets {
  buckets: number;
  total: number;
  digests: Uint8Array;
}

export function packBuckets(b: ShardBuckets): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt32LE(b.buckets, 0);
  head.writeDoubleLE(b.total, 4);
  return Buffer.concat([head, b.digests]);
}

export function unpackBuckets(bytes: Buffer): ShardBuckets {
  return { buckets: bytes.readUInt32LE(0), total: bytes.readDoubleLE(4), digests: bytes.subarray(12) };
}

/**
 * The join's view of the cached shard `key` (grams blob `gramsSha`, bucket shares `bucketsSha`);
 * `add` keeps a blob made again for the shard's entry, `gone` throws when a blob went missing.
 */
export function cachedShard(
  cache: BuildCache,
  key: string,
  gramsSha: string,
  bucketsSha: string | undefined,
  add: (name: string, sha256: string) => void,
  gone: () => never,
): JoinShard {
  let grams: ShardGrams | undefined;
  // Read whole once the join has asked for many of its grams by range (one read for each gram
  // of each bucket laid out again: ~40k reads of 12 shards after one edit at 50k items).
  let whole: Buffer | undefined;
  let ranges = 0;
  const wholeBlob = () => (whole ??= cache.read(gramsSha) ?? gone());
  const gramsOf = () => {
    grams ??= parseGrams(wholeBlob());
    return grams;
  };
  const readRange = (at: number, length: number): Uint8Array => {
    if (whole === undefined && ++ranges > WHOLE_AFTER) wholeBlob();
    if (whole) return whole.subarray(at, at + length);
    return cache.readRange(gramsSha, at, length) ?? gone();
  };
  // Read only when the join needs them: not while the shard is as when the cached build joined (changed-buckets.ts).
  let stored: ShardBuckets | undefined | null = null;
  const storedNow = () => {
    if (stored !== null) return stored;
    const bytes = bucketsSha === undefined ? undefined : cache.read(bucketsSha);
    return (stored = bytes && unpackBuckets(bytes));
  };
  const shard: JoinShard = {
    key,
    get total() {
      return storedNow()?.total ?? shardTotal(gramsOf());
    },
    grams: gramsOf,
    digests: (buckets) => {
      let made = storedNow();
      // Another bucket count than the cached build's: made from the grams, and kept for the next build.
      if (made?.buckets !== buckets) {
        made = stored = { buckets, total: shard.total, digests: bucketDigests(gramsOf(), buckets) };
        add(BUCKETS, cache.storeBytes(packBuckets(made)));
      }
      return made.digests;
    },
    ...rangesOf(readRange),
    file: () => cache.blobFile(gramsSha) ?? gone(),
  };
  return shard;
}
