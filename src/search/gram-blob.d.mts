/** Types of gram-blob.mjs (plain JavaScript: the index step's workers run it). */
import type { ShardGrams } from "./gram-files.ts";
export declare function serializeGrams(g: ShardGrams): Buffer;
export declare function parseGrams(bytes: Uint8Array): ShardGrams;
