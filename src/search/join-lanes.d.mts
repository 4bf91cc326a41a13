/** Types of join-lanes.mjs (plain JavaScript: the index step's workers run it). */
import type { ShardGrams } from "./gram-types.ts";
import type { GzipChunk, PreviousGzip } from "./index-gzip.mjs";

/** A shard as a worker reads it: a cached shard's grams blob, or the grams of one just indexed. */
export type LaneShard = { file: string } | { grams: ShardGrams };
export interface LayJob {
  buckets: number;
  list: number[];
  shards: LaneShard[];
}
/** Per bucket its files: [path, SHA-256 before gzip, size before gzip]. */
export interface LaidReply {
  laid: [number, [string, string, number][]][];
  ms: number;
}
export interface WriteLaidJob {
  dir: string;
  write: [string, boolean, PreviousGzip?][];
}
export interface WriteLaidReply {
  written: [string, string, number, GzipChunk[]?][];
  ms: number;
}
export declare function layJoin(job: LayJob): LaidReply;
export declare function writeLaid(job: WriteLaidJob): WriteLaidReply;
