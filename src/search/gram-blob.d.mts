/** Types of gram-blob.mjs (plain JavaScript: the index step's workers run it). */
import type { ShardGrams } from "./gram-files.ts";
export declare function serializeGrams(g: ShardGrams): Buffer;
export declare function parseGrams(bytes: Uint8Array): ShardGrams;
/** The grams from their bytes, as views of them where aligned: for reading only. */
export declare function viewGrams(bytes: Uint8Array): ShardGrams;
export declare const HEAD_BYTES: number;
export declare function layoutOf(head: Uint8Array): { tables: number; bytesAt: number };
export declare function parseTables(start: Uint8Array): Omit<ShardGrams, "bytes">;
export declare function rangesOf(read: (at: number, length: number) => Uint8Array): {
  table(): Omit<ShardGrams, "bytes">;
  range(from: number, to: number): Uint8Array;
  lastKey(): number;
};
