/**
 * The blobs' rows of the index being saved (index-file.ts), and the blobs that leave it, in one
 * pass over the previous index's rows. At 50k items the index lists ~93k blobs and a one-edit
 * build changes a few: before, saving made a set of every blob the new index uses (~110k
 * SHA-256s), ordered the blobs by a second pass over the previous rows and a third over the new
 * ones, looked each stat up again, swept by a fourth pass, and wrote the column again from its
 * text once one row had gone (every row after it moved). Here the rows the new index keeps are
 * found with one lookup each, the column's bytes are carried over in runs (a SHA-256 row is 65
 * bytes: its place in the previous column's bytes is known), and the new rows are the blobs this
 * build stored (no other blob is new: the others it placed or checked are the previous index's).
 */
import { putStat, statColumn, type BlobStat } from "./blob-stat.ts";
import { tableOf } from "./index-blob-table.ts";
import { UsedBlobs } from "./used-blobs.ts";

/** The previous index's blobs (index-file.ts `Index`'s `blobs` and `blobRows`). */
interface PreviousBlobs {
  blobs: ReadonlyMap<string, BlobStat>;
  blobRows?: { sha256s: string[]; ascii?: Uint8Array };
}

/** The blobs' columns of the new index, and the previous index's blobs it no longer lists. */
export interface BlobRows {
  sha256s: string[];
  /** [size, mtimeMs, ino] per row. */
  stats: Float64Array;
  /** The column's bytes in parts (whole rows; a line break goes between two parts), when carried. */
  parts?: Uint8Array[];
  /** The previous index's blobs the new one does not list: removed once it is in place. */
  gone: string[];
}

/** A row of a column of SHA-256s in bytes: 64 hex digits and a line break. */
const ROW = 65;
/** The line break between two parts: every part is whole rows, with none at either end. */
const NEWLINE = Buffer.from("\n");

/**
 * The rows of `used` (the new index's): those of the previous index's column (`used.table`, the
 * rows it is noted over) still in it, in that order, then the others, found among `added` (the
 * blobs this build stored) or, should one not be there, among all of `used`. `read`: the
 * previous index's column as read from a file, whose bytes are carried when it is those rows.
 */
export function usedBlobRows(
  used: UsedBlobs,
  read?: PreviousBlobs["blobRows"],
  added?: Iterable<string>,
): BlobRows {
  const rows = used.table.sha256s;
  const ascii = read?.sha256s === rows ? read.ascii : undefined;
  // The bytes are those of the rows only when every row is a SHA-256 (index-values.ts checked them).
  const carry = ascii !== undefined && ascii.length === rows.length * ROW - 1;
  const sha256s: string[] = [];
  const stats = statColumn(used.size);
  const gone: string[] = [];
  const parts: Uint8Array[] = [];
  const push = (part: Uint8Array): void => {
    if (parts.length > 0) parts.push(NEWLINE);
    parts.push(part);
  };
  let runFrom = -1;
  const endRun = (to: number): void => {
    if (runFrom < 0 || !carry) return;
    push(ascii.subarray(runFrom * ROW, to * ROW - 1));
    runFrom = -1;
  };
  const add = (sha256: string, stat: BlobStat): void => {
    putStat(stats, sha256s.length, stat);
    sha256s.push(sha256);
  };
  // The previous rows this build used: each row's flag read, no lookup (used-blobs.ts).
  for (let i = 0; i < rows.length; i++) {
    const stat = used.rowStat(i);
    if (stat === undefined) {
      gone.push(rows[i]);
      endRun(i);
      continue;
    }
    add(rows[i], stat);
    if (runFrom < 0) runFrom = i;
  }
  endRun(rows.length);
  const kept = sha256s.length;
  if (kept < used.size) {
    const appended = new Set<string>();
    const append = (sha256: string): void => {
      if (used.table.has(sha256) || appended.has(sha256)) return;
      const stat = used.get(sha256);
      if (stat === undefined) return;
      appended.add(sha256);
      add(sha256, stat);
    };
    if (added) for (const sha256 of added) append(sha256);
    // Should a new blob not be among those stored, the full pass of before.
    if (sha256s.length < used.size) for (const sha256 of used.keys()) append(sha256);
  }
  if (!carry) return { sha256s, stats, gone };
  if (sha256s.length > kept) push(Buffer.from(sha256s.slice(kept).join("\n")));
  return { sha256s, stats, parts, gone };
}

/**
 * `usedBlobRows` of `blobs` given as a Map (an index made in memory: index-file.ts `writeIndex`
 * without the rows made, a test's), noted over the previous index's blobs first.
 */
export function blobRows(
  blobs: ReadonlyMap<string, BlobStat>,
  previous?: PreviousBlobs,
  added?: Iterable<string>,
): BlobRows {
  const used = new UsedBlobs(tableOf(previous?.blobs ?? new Map()));
  for (const [sha256, stat] of blobs) used.set(sha256, stat);
  return usedBlobRows(used, previous?.blobRows, added);
}
