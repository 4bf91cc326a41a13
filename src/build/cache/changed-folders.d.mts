/** Types of changed-folders.mjs (plain JavaScript: the spare scan's worker runs it). */

/** The staging folder as listed now, each entry named by its place in the scan's listing. */
export interface ChangedFolders {
  /** Per entry now (depth first): its index in the scan, or -(k + 1) for `added[k]`. */
  from: Int32Array;
  /** Paths of entries not in the scan ("/"-separated below the root). */
  added: string[];
  kinds: Uint8Array;
  /** 3 per entry: a folder's [ino, mtimeMs, ctimeMs] as taken before it was read; 0s for the rest. */
  stats: Float64Array;
  ends: Int32Array;
  started: number;
  /** The entries that are regular files, in their paths' order (UTF-16 code units). */
  files: Int32Array;
  /**
   * Per entry now: 1 for a file taken from the scan as it was there, its folder unchanged since
   * (neither read again nor new): a file of the spare folder that the build kept in place.
   */
  taken: Uint8Array;
  /** Folders read again / taken from the scan. */
  read: number;
  trusted: number;
}

export declare function listChanged(
  root: string,
  scan: {
    paths: readonly string[];
    kinds: ArrayLike<number>;
    stats: ArrayLike<number>;
    ends: ArrayLike<number>;
    started: number;
  },
  skip: ReadonlySet<string> | undefined,
  settledMs: number,
  checked?: { flags: Uint8Array; started: number },
): ChangedFolders;

/** The folders' checks shared between threads (changed-folders.mjs `checkChunk`). */
export interface FolderChecks {
  /** The scan's places of the folders to check. */
  todo: Int32Array;
  /** Per scan entry: 1 found as listed, 2 not, 0 not checked. */
  flags: Uint8Array;
  /** [the next chunk to take, the chunks done]. */
  counters: Int32Array;
}

export declare const CHUNK: number;

export declare function foldersToCheck(
  scan: { paths: readonly string[]; kinds: ArrayLike<number>; ends: ArrayLike<number> },
  skip: ReadonlySet<string> | undefined,
): Int32Array;

export declare function checkChunk(
  root: string,
  scan: { paths: readonly string[]; stats: ArrayLike<number>; started: number },
  help: FolderChecks,
  settledMs: number,
  chunk: number,
): boolean;

export declare function chunksOf(todo: Int32Array): number;
