/** Types of index-gzip.mjs (plain JavaScript: the index step's worker threads run it). */
import type { ZlibOptions } from "node:zlib";
export declare const GZIP_OPTIONS: ZlibOptions;
export declare function gzipFile(data: Uint8Array): { gz: Buffer; sha256: string };
