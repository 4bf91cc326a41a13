/** Types of main-of.mjs (plain JavaScript: the index step's worker threads run it). */
/** The part of a page the search index reads: its `<main>` element's inner HTML, or the whole page. */
export declare function mainOf(page: string): string;
