/**
 * The reused staging folder's files as the claims hold them (staging-claims.ts), and what the
 * claims vouch for to the manifest: a file of its own, so the claims' code stays one concern.
 */
import path from "node:path";

/**
 * The reused staging folder's files that may be blobs' hard links, as `adoptSpare` sorted them
 * (spare.ts): numbered entries in columns, no object per file (~107k at 50k items).
 */
export interface SpareFiles {
  /** The staging folder and a separator: every entry's path is this and its `paths` key. */
  root: string;
  /** Path below `root` ("/"-separated, as the spare scan lists them) → entry. */
  paths: Map<string, number>;
  /** Per entry: its inode when the build started. */
  inodes: Float64Array;
  /**
   * Per entry: the blob whose recorded stat (size, mtime, inode) the file had when it was listed
   * (a link of that very blob, as recorded), as a number into `sha256s` and `stats` (the rows of
   * this cache's `blobsByInode`: `place` notes the blob used by that row); -1 for none.
   * Typed columns sized once: three arrays grown entry by entry were ~a third of adoptSpare.
   */
  blobs: Int32Array;
  sha256s: readonly string[];
  /** [size, mtimeMs, ino] per blob, three numbers each. */
  stats: Float64Array;
  /** Per entry: its index in the spare scan's listing `scan`, or -1 (none without a listing). */
  places?: Int32Array;
  /**
   * The entries that are files of the cached index's pages, by row (adoptSpare): `paths` does not
   * hold them. The render asks for a page's entry by its row, with no path looked up (~80k pages
   * at 50k items); any other caller by its path, found through `rowOf`.
   */
  rows?: { entries: Int32Array; files: readonly string[]; rowOf: (rel: string) => number | undefined };
  /** The spare scan's listing the entries were sorted from (spare-scan.ts), and its length. */
  scan?: { listing: object; length: number };
}

/**
 * A relative path that path.join would leave as it is, on POSIX: the spare scan's name of the
 * file at the staging folder and it (`place`'s `rel`).
 */
export const plainPath = (file: string): boolean =>
  path.sep === "/" &&
  !(file.startsWith("/") || file.startsWith(".") || file.includes("//") || file.includes("/."));

/** What the claims vouch for of each file of a listing (StagingClaims `vouched`). */
export interface VouchedFiles {
  vouched: Uint8Array;
  rows: Int32Array;
  blobs: { sha256s: readonly string[]; stats: Float64Array };
}

export const NONE: SpareFiles = {
  root: "",
  paths: new Map(),
  inodes: new Float64Array(0),
  blobs: new Int32Array(0),
  sha256s: [],
  stats: new Float64Array(0),
};
