/** Types of search-result.js (plain JavaScript, the page's and the Worker's results): what the tests and benches use. */
export declare function plainMeta(meta: Record<string, string>): Record<string, string>;
export declare function escapeMeta(text: string): string;
/** [start, end) ranges (UTF-16 offsets) of `text` where a term occurs, merged, in order. */
export declare function matchRanges(text: string, terms: readonly string[]): [number, number][];
/** UTF-16 unit ranges [first, last] of characters that join no neighbour into one grapheme. */
export declare const ALONE: readonly (readonly [number, number])[];
/** `i`, or where the grapheme (as a reader sees characters) holding it begins. */
export declare function boundary(text: string, i: number): number;
/** About 160 characters of `text` around the first match, without the title it opens with. */
export declare function excerptOf(
  text: string,
  terms: readonly string[],
  title?: string,
  around?: { before?: boolean; after?: boolean },
): string;
