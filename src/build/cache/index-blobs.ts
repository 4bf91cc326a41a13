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
import { UsedBlobs } from "./used-blobs.ts";

/** [size, mtimeMs, ino] (index-file.ts `BlobStat`; not imported from there: it imports this file). */
type BlobStat = [number, number, number];
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
 * The rows of `blobs` (the new index's): those of the previous index's column (`previous.blobRows`)
 * still in it, in that order, then the others, found among `added` (the blobs this build stored)
 * or, should one not be there, among all of `blobs`.
 */
export function blobRows(
  blobs: ReadonlyMap<string, BlobStat>,
  previous?: PreviousBlobs,
  added?: Iterable<string>,
): BlobRows {
  const rows = previous?.blobRows?.sha256s ?? (previous ? [...previous.blobs.keys()] : []);
  const ascii = previous?.blobRows?.ascii;
  // The bytes are those of the rows only when every row is a SHA-256 (index-values.ts checked them).
  const carry = ascii !== undefined && ascii.length === rows.length * ROW - 1;
  const sha256s: string[] = [];
  const stats = new Float64Array(blobs.size * 3);
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
    const at = 3 * sha256s.length;
    stats[at] = stat[0];
    stats[at + 1] = stat[1];
    stats[at + 2] = stat[2];
    sha256s.push(sha256);
  };
  // This build's blobs noted by the previous rows (used-blobs.ts): each row's flag read, no lookup.
  const byRow = blobs instanceof UsedBlobs && blobs.table === previous?.blobs && blobs.table.sha256s === rows;
  for (let i = 0; i < rows.length; i++) {
    const stat = byRow ? blobs.rowStat(i) : blobs.get(rows[i]);
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
  const known = previous?.blobs;
  if (kept < blobs.size) {
    const appended = new Set<string>();
    const append = (sha256: string): void => {
      if (known?.has(sha256) || appended.has(sha256)) return;
      const stat = blobs.get(sha256);
      if (stat === undefined) return;
      appended.add(sha256);
      add(sha256, stat);
    };
    if (added) for (const sha256 of added) append(sha256);
    // Should a new blob not be among those stored, the full pass of before.
    if (sha256s.length < blobs.size) for (const sha256 of blobs.keys()) append(sha256);
  }
  if (!carry) return { sha256s, stats, gone };
  if (sha256s.length > kept) push(Buffer.from(sha256s.slice(kept).join("\n")));
  return { sha256s, stats, parts, gone };
}
