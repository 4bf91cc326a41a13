/** Types of visible-text.mjs (plain JavaScript: the index step's worker threads run it). */
export declare function visibleText(html: string): string;
/** The part of a page `visibleText` reads: its `<main>` element's inner HTML, or the whole page. */
export declare function mainOf(page: string): string;
