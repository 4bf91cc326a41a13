/** Types of long-reach.mjs (plain JavaScript: the index step's workers run it). */
export declare function reachesOf(
  stream: { ids: Int32Array; docEnd: Int32Array; chars: number[] },
  longs: { start: Int32Array; doc: Int32Array; pos: Int32Array },
): number[][];
