/** Types of spare-record.mjs (plain JavaScript: the spare scan's worker reads the record). */

/**
 * A folder's entries as the spare scan lists them (spare-scan.ts `SpareListing`): depth first,
 * "/"-separated paths, kinds (0 file, 1 folder, 2 other), 3 stats per entry (a folder's [ino,
 * mtimeMs, ctimeMs] as taken before it was read), each folder's subtree end, and the clock
 * before the first folder's lstat.
 */
export interface ListedFolder {
  paths: string[];
  kinds: Uint8Array;
  stats: Float64Array;
  ends: Int32Array;
  started: number;
}

/** Two parts of one folder's listing (disjoint top-level entries) as one. */
export declare function joinListings(a: ListedFolder, b: ListedFolder): ListedFolder;

export declare function encodeRecord(listing: ListedFolder, rootIno: number): Buffer;

export interface SpareRecord {
  rootIno: number;
  started: number;
  kinds: Uint8Array;
  ends: Int32Array;
  folderAt: Int32Array;
  folderStats: Float64Array;
  names: string[];
}
export declare function decodeRecord(bytes: Buffer): SpareRecord | undefined;

/** Whether a folder is as a listing's stats at `i` have it, and settled before `settled`. */
export declare function asListed(
  now: { ino: number; mtimeMs: number; ctimeMs: number },
  stats: ArrayLike<number>,
  i: number,
  settled: number,
): boolean;
