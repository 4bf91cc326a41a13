/** Types of gram-long.mjs (plain JavaScript: the index step's workers run it). */
export declare const LONG_PAGES: number;
