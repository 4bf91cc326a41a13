/** Types of search-stream.js (plain JavaScript, shared by the build and the browser). */
export declare const BREAK: number;
export declare const SPACE: number;
export declare const LEAD_SPAN: number;
export declare function codePoints(folded: string): number[];
export declare function titleStream(title: string): number[];
export declare function pageStream(title: string, pieces: readonly string[]): { stream: number[]; starts: number[] };
export declare function gramKey(a: number, b?: number): number;
export declare function gramsOfTerm(term: string): { key: number; offset: number }[];
export declare function hashOf(key: number): number;
export declare function tierOfPosition(p: number): number;
