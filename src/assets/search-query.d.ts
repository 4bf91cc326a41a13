/** Types of search-query.js (plain JavaScript, shared by the build and the browser). */
export declare const TITLE_SPAN: number;
export declare const INDEX_FORMAT: number;
export declare function foldText(text: string): string;
export declare function zerosInYears(folded: string): string;
export declare function termsOf(typed: string): string[];

export type QueryPlan =
  /** Nothing searchable (empty, or quotation marks and spaces only). */
  | { kind: "empty" }
  /**
   * Folded terms, all of which a page must contain; `passage`: the query folded as typed, each run of
   * white space one space (a pasted template's lines in their order, quotation marks and repeats kept).
   */
  | { kind: "search"; terms: string[]; passage: string };

export declare function planQuery(typed: string): QueryPlan;
export declare function textMatches(text: string, terms: readonly string[]): boolean;
export declare const FIRST_SHOWN: number;
export declare const QUERY_LIMIT: number;
export declare function addressQueryOf(q: string): string;
