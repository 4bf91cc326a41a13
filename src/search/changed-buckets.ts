/**
 * Which buckets of the joined files (gram-files.ts) a build with the cache lays out again. A
 * bucket's files are made from nothing but the bucket count and every shard's share of it, and a
 * shard with the key it had when the cached build joined (src/build/cache/search-shards.ts: the
 * key vouches for its pages, so for its grams) gives each bucket the same share. So only the
 * shards whose key changed are compared, share by share, with the cached build's shard at their
 * place: the buckets where one differs are laid out again, the others placed as they were.
 *
 * Before, each build hashed every bucket's input (8,192 SHA-256s over every shard's share at 50k
 * items, ~0.2 s) and read every shard's shares, although after one edit one shard changed and with
 * no change none did.
 */
import { DIGEST_BYTES, bucketCount } from "./gram-buckets.mjs";
import type { JoinShard } from "./gram-types.ts";
import type { JoinedFiles } from "./join-writer.ts";

export interface ChangedBuckets {
  buckets: number;
  /** Per bucket: 1 when its input may differ from the cached build's (laid out again), else 0. */
  changed: Uint8Array;
  /** Each shard's weight in the bucket count, kept with the join for the next build. */
  totals: number[];
}

/** Whether the shares of bucket b in two shards' digests differ. */
function differ(was: Uint8Array, now: Uint8Array, b: number): boolean {
  for (let at = b * DIGEST_BYTES, end = at + DIGEST_BYTES; at < end; at++)
    if (was[at] !== now[at]) return true;
  return false;
}

/** The bucket count and the buckets whose input changed since the cached build's join (`joined`). */
export function changedBuckets(shards: readonly JoinShard[], joined: JoinedFiles): ChangedBuckets {
  const before = joined.before();
  const same = (k: number) =>
    before !== undefined &&
    before.shards.length === shards.length &&
    shards[k].key !== undefined &&
    before.shards[k] === shards[k].key;
  // A shard as then weighs as then: its weight is not read from its blob.
  const totals = shards.map((s, k) => (same(k) ? before!.totals[k] : s.total));
  const buckets = bucketCount(totals);
  const changed = new Uint8Array(buckets);
  const all = (): ChangedBuckets => {
    changed.fill(1);
    // Each shard's shares for this bucket count, which the cache keeps for the next build's compare.
    for (const s of shards) s.digests?.(buckets);
    return { buckets, changed, totals };
  };
  if (before === undefined || before.buckets !== buckets || before.shards.length !== shards.length)
    return all();
  for (let k = 0; k < shards.length; k++) {
    if (same(k)) continue;
    const key = before.shards[k];
    const was = key === null ? undefined : joined.sharesOf(key, buckets);
    const now = shards[k].digests?.(buckets);
    // The cached shard's shares gone (or of another bucket count): every bucket is laid out again.
    if (!was || !now || was.length !== now.length) return all();
    for (let b = 0; b < buckets; b++) if (changed[b] === 0 && differ(was, now, b)) changed[b] = 1;
  }
  return { buckets, changed, totals };
}
