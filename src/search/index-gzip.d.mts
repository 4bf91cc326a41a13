/** Types of index-gzip.mjs (plain JavaScript: the index step's worker threads run it). */
import type { ZlibOptions } from "node:zlib";
export declare const GZIP_OPTIONS: ZlibOptions;
export declare const CHUNKED_FROM: number;
/** A chunk of a file compressed in chunks: a hash of its bytes and its compressed length. */
export type GzipChunk = [hash: string, length: number];
/** A file's gzip bytes from an earlier build (a file to read: the build cache's blob) and their chunks. */
export interface PreviousGzip {
  file: string;
  chunks: GzipChunk[];
}
export declare function chunkEnds(data: Uint8Array): number[];
export declare function gzipFile(data: Uint8Array): { gz: Buffer; sha256: string };
export declare function gzipJoined(
  data: Uint8Array,
  previous?: PreviousGzip,
): { gz: Buffer; sha256: string; chunks?: GzipChunk[] };
