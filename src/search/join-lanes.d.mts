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
  /** Per shard 1 when it is the cached build's shard at its place (changed-buckets.ts), else 0. */
  same?: number[];
}
/**
 * Per bucket its files: [path, identity before gzip, size before gzip, a positions file's shards
 * in this build]; with `before`, those written.
 */
export interface LaidReply {
  laid: [number, [string, string, number, number[]?][]][];
  written: WriteLaidReply["written"];
  ms: number;
}
export interface WriteLaidJob {
  dir: string;
  write: [string, boolean, PreviousGzip?][];
}
export interface WriteLaidReply {
  /** [path, SHA-256 of the gzip bytes, their length, their chunks, a positions file's shards]. */
  written: [string, string, number, GzipChunk[]?, number[]?][];
  ms: number;
}
export declare function layJoin(job: LayJob): LaidReply;
export declare function writeLaid(job: WriteLaidJob): WriteLaidReply;
