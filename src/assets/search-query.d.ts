/** Types of search-query.js (plain JavaScript, shared by the build and the browser). */
export declare const SEP: string;
export declare const TITLE_SPAN: number;
export declare function charToken(char: string): string;
export declare function foldText(text: string): string;
export declare function tokensOf(folded: string): string[];
export declare function termsOf(typed: string): string[];
export declare function phraseOf(term: string): string;
export declare function pageTokens(title: string, text: string): string;

export type QueryPlan =
  /** Nothing searchable (empty, or quotation marks and spaces only). */
  | { kind: "empty" }
  | {
      kind: "search";
      /** Folded terms, all of which a page must contain. */
      terms: string[];
      /** Each term as an exact phrase for Pagefind. */
      phrases: string[];
    };

export declare function planQuery(typed: string): QueryPlan;
export declare function textMatches(text: string, terms: readonly string[]): boolean;
