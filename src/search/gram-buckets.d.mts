/** Types of gram-buckets.mjs (plain JavaScript: worker threads may run it). */
import type { ShardGrams } from "./gram-files.ts";
export declare const INLINE_POSITIONS: number;
export declare const DIGEST_BYTES: number;
export declare function shardTotal(g: ShardGrams): number;
export declare function bucketCount(totals: readonly number[]): number;
export declare function gramsByBucket(
  g: { keys: Float64Array },
  buckets: number,
): { order: Uint32Array; start: Uint32Array };
export declare function bucketDigests(g: ShardGrams, buckets: number): Uint8Array;
