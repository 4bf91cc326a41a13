/** Types of search-query.js (plain JavaScript, shared by the build and the browser). */
export declare function charToken(char: string): string;
export declare const SEP: string;
export declare function normalizeText(text: string): string;
export declare function runsOf(text: string): string[][];

export type QueryPlan =
  /** Nothing searchable (empty, or punctuation only). */
  | { kind: "empty" }
  | {
      kind: "search";
      /** The quoted phrase for Pagefind. */
      pagefind: string;
      /**
       * When set, Pagefind's answer is a superset: keep the pages whose text contains this.
       * When absent, Pagefind's answer is exactly the pages containing the query.
       */
      verify?: string;
    };

export declare function planQuery(typed: string): QueryPlan;
export declare function textContains(text: string, needle: string): boolean;
