/** Types of search-index.js (plain JavaScript, the Worker's reader of the index). */
export interface Segment {
  shard: number;
  list: Uint8Array;
  posLength: number;
  posFile: number;
  pos?: Uint8Array;
  posOffset?: number;
}
export declare function parseBucket(bytes: Uint8Array): Map<number, { df: number; file: string; part?: Uint8Array }>;
export declare function headOf(bytes: Uint8Array): { df: number; part: Uint8Array; at: number };
export declare function wideSet(encoded: string | undefined): Set<number>;
export declare function parsePart(bytes: Uint8Array): Segment[];
export declare function eachListed(list: Uint8Array, first: number, size: number, visit: (id: number, tier: number) => void): void;
export declare class PositionTable {
  constructor(pages: number);
  at: Int32Array;
  n: Int32Array;
  data: Int32Array;
  add(pos: Uint8Array, ids: readonly number[], wanted: (id: number) => boolean): this;
}
export declare function startsOn(id: number, offsets: readonly number[], tables: readonly PositionTable[]): number[];
