/** Types of search-index.js (plain JavaScript, the Worker's reader of the index). */
export interface Segment {
  shard: number;
  list: Uint8Array;
  posLength: number;
  posFile: number;
  pos?: Uint8Array;
  posOffset?: number;
}
export declare function parseBucket(bytes: Uint8Array, b: number): Map<number, { df: number; file: string; part?: Uint8Array }>;
export declare function parsePart(bytes: Uint8Array): Segment[];
export declare function eachListed(list: Uint8Array, first: number, size: number, visit: (id: number, tier: number) => void): void;
export declare function positionsOf(pos: Uint8Array, ids: readonly number[], wanted: (id: number) => boolean): Map<number, number[]>;
