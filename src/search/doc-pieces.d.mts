/** Types of doc-pieces.mjs (plain JavaScript: the index step's worker threads run it). */
export declare const DOC_CHUNK: number;
export declare const PIECE_CHARS: number;
export declare const TEXT_FILE_PIECES: number;
export declare function escapeHtml(text: string): string;
export declare function unescapeHtml(text: string): string;
export declare function piecesOf(text: string): string[];
export declare const LEAD_CHARS: number;
export declare function leadOf(title: string | undefined, pieces: readonly string[]): string;
export interface StoredPage {
  record: { url: string; meta: Record<string, string> };
  pieces: string[];
  /** Where each piece starts in the page's stream. */
  starts: number[];
}
/** The record and text files of one shard (pages from id `first`, a multiple of DOC_CHUNK). */
export declare function shardDocFiles(
  shard: number,
  first: number,
  pages: readonly StoredPage[],
): Map<string, string>;
