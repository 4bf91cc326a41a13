/** Types of join-lanes.mjs (plain JavaScript: the index step's workers run it). */
import type { ShardGrams } from "./gram-types.ts";
import type { GzipChunk, PreviousGzip } from "./index-gzip.mjs";

/** A shard as a worker reads it: a cached shard's grams blob, or the grams of one just indexed. */
export type LaneShard = { file: string } | { grams: ShardGrams };
export interface LayJob {
  buckets: number;
  list: number[];
  shards: LaneShard[];
  /** Where the files whose bytes differ from `before` are written at once. */
  dir?: string;
  /** The cached build's files of the buckets: [path, SHA-256 before gzip, its gzip to copy chunks from?]. */
  before?: [string, string, PreviousGzip?][];
}
/** Per bucket its files: [path, SHA-256 before gzip, size before gzip]; with `before`, those written. */
export interface LaidReply {
  laid: [number, [string, string, number][]][];
  written: WriteLaidReply["written"];
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
