/** Types of search-long.js (plain JavaScript, shared by the build and the Worker). */
export declare const LONG: number;
export declare const LONG_BASE: number;
export declare function isAnchor(a: number, b: number): boolean;
export declare function longKey(cps: ArrayLike<number>, at: number): number;
export declare function coverOf(cps: number[], usable?: Set<number> | Map<number, [number, number]>): {
  long: { key: number; offset: number }[];
  rest: { key: number; offset: number }[];
};
export declare function anchorsOf(cps: number[]): { key: number; offset: number }[];
export declare const REACH: number;
export declare const NOT_INLINE: number;
export declare function reachOf(bytes: Uint8Array): { before: number[]; after: number[]; at: number };
export declare function provedBy(
  cps: number[],
  at: number,
  reach: { before: number[]; after: number[] },
): [number, number];
