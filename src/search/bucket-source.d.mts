/** Types of bucket-source.mjs (plain JavaScript: the index step's workers run it). */
import type { JoinShard, Segment } from "./gram-types.ts";
export declare class BucketSource {
  constructor(shard: Pick<JoinShard, "grams" | "table" | "range">, buckets: number);
  segments(b: number, shard: number, byKey: Map<number, Segment[]>): void;
}
