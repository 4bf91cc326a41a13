/**
 * A shard's grams by bucket, for the buckets of the joined files laid out again (gram-files.ts,
 * join-lanes.mjs): grouped once they are needed; a cached shard's are read gram by gram from its
 * blob (only the grams of those buckets), a shard just indexed has them in memory. Plain
 * JavaScript: the index step's workers lay buckets out too.
 */
import { gramsByBucket } from "./gram-buckets.mjs";

export class BucketSource {
  #byBucket;
  constructor(shard, buckets) {
    this.shard = shard;
    this.buckets = buckets;
  }
  /** Appends the shard's segments of bucket b to `byKey` (gram key → segments). */
  segments(b, shard, byKey) {
    const source = this.shard;
    const all = source.range ? undefined : source.grams();
    this.#byBucket ??= (() => {
      const grams = source.table?.() ?? all;
      return { grams, ...gramsByBucket(grams, this.buckets) };
    })();
    const { grams: s, order, start } = this.#byBucket;
    for (let x = start[b]; x < start[b + 1]; x++) {
      const i = order[x];
      const from = i === 0 ? 0 : s.posEnd[i - 1];
      const bytes = all ? all.bytes.subarray(from, s.posEnd[i]) : source.range(from, s.posEnd[i]);
      const seg = {
        shard,
        list: bytes.subarray(0, s.listEnd[i] - from),
        pos: bytes.subarray(s.listEnd[i] - from),
      };
      const list = byKey.get(s.keys[i]);
      if (list) list.push(seg);
      else byKey.set(s.keys[i], [seg]);
    }
  }
}
