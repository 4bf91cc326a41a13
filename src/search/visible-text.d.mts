/** Types of visible-text.mjs (plain JavaScript: the index step's worker threads run it). */
export declare function visibleText(html: string): string;
