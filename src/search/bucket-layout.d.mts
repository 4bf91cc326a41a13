/** Types of bucket-layout.mjs (plain JavaScript: the index step's workers run it). */
import type { Segment } from "./gram-types.ts";
export declare const INLINE_PART: number;
export declare const POS_FILE: number;
export declare function layBucket(b: number, byKey: Map<number, Segment[]>): [string, Uint8Array][];
