/**
 * The listing a build keeps of the output it publishes (src/build/cache/spare-records.ts), in
 * one file: that output becomes the spare folder two builds later, and that build's spare scan
 * (spare-scan-worker.mjs) takes each folder's entries from here when the folder's inode, mtime
 * and ctime are as recorded, instead of reading it. Plain JavaScript: the scan's worker reads it
 * (workers do not inherit tsx's loader).
 *
 * Layout, all little-endian: 4 float64 [version, root inode, started, entries]; per entry its
 * kind (uint8: 0 file, 1 folder, 2 other), padded to 8 bytes; per entry its subtree's end
 * (int32, 0 for entries that are not folders), padded to 8; per folder, in entry order, its
 * [ino, mtimeMs, ctimeMs] (float64); the names, "/"-joined in UTF-8; a CRC-32 of all before it.
 * Entries are depth first, each folder followed by everything below it (as the scan lists them).
 */
import { crc32 } from "node:zlib";

const VERSION = 1;
const HEADER = 32;
const pad8 = (n) => Math.ceil(n / 8) * 8;

/**
 * `listing`: { paths ("/"-separated below the root), kinds, stats (3 per entry, a folder's
 * [ino, mtimeMs, ctimeMs]), ends, started }; `rootIno`: the inode of the folder it lists.
 */
export function encodeRecord(listing, rootIno) {
  const { paths, kinds, stats, ends, started } = listing;
  const count = paths.length;
  let folders = 0;
  for (let i = 0; i < count; i++) if (kinds[i] === 1) folders++;
  const folderStats = new Float64Array(3 * folders);
  const names = new Array(count);
  for (let i = 0, f = 0; i < count; i++) {
    const rel = paths[i];
    names[i] = rel.slice(rel.lastIndexOf("/") + 1);
    if (kinds[i] !== 1) continue;
    folderStats[f++] = stats[3 * i];
    folderStats[f++] = stats[3 * i + 1];
    folderStats[f++] = stats[3 * i + 2];
  }
  const text = Buffer.from(names.join("/"), "utf8");
  const endsAt = HEADER + pad8(count);
  const statsAt = endsAt + pad8(4 * count);
  const textAt = statsAt + 8 * folderStats.length;
  const out = Buffer.alloc(textAt + text.length + 4);
  new Float64Array(out.buffer, out.byteOffset, 4).set([VERSION, rootIno, started, count]);
  out.set(kinds.subarray(0, count), HEADER);
  out.set(new Uint8Array(ends.buffer, ends.byteOffset, 4 * count), endsAt);
  out.set(new Uint8Array(folderStats.buffer), statsAt);
  out.set(text, textAt);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

/**
 * The record in `bytes`, or undefined when it is not one whole (another version, cut short,
 * changed: its CRC differs, or its entries do not nest). `folderAt`: per entry, its number among
 * the folders (its stats are `folderStats[3 * folderAt[i]]` on).
 */
export function decodeRecord(bytes) {
  if (bytes.length < HEADER + 4) return undefined;
  if (bytes.readUInt32LE(bytes.length - 4) !== crc32(bytes.subarray(0, bytes.length - 4))) return undefined;
  // Copied out: a Buffer read from a file need not be aligned for float64 views.
  const copy = (at, length) => bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + length);
  const [version, rootIno, started, count] = new Float64Array(copy(0, HEADER));
  if (version !== VERSION || !Number.isInteger(count) || count < 0) return undefined;
  const endsAt = HEADER + pad8(count);
  const statsAt = endsAt + pad8(4 * count);
  if (statsAt > bytes.length) return undefined;
  const kinds = new Uint8Array(copy(HEADER, count));
  const ends = new Int32Array(copy(endsAt, 4 * count));
  const folderAt = new Int32Array(count);
  let folders = 0;
  for (let i = 0; i < count; i++) {
    if (kinds[i] === 1) {
      if (ends[i] <= i || ends[i] > count) return undefined;
      folderAt[i] = folders++;
    } else if (ends[i] !== 0 || kinds[i] > 2) return undefined;
  }
  const textAt = statsAt + 24 * folders;
  if (textAt > bytes.length - 4) return undefined;
  const folderStats = new Float64Array(copy(statsAt, 24 * folders));
  const names = count === 0 ? [] : bytes.toString("utf8", textAt, bytes.length - 4).split("/");
  if (names.length !== count) return undefined;
  return { rootIno, started, kinds, ends, folderAt, folderStats, names };
}

/**
 * Two parts of one folder's listing (disjoint top-level entries) as one, from the earlier's start:
 * the manifest lists the search index's folder last (spare-records.ts, spare-scan-worker.mjs).
 * @param {{ paths: string[], kinds: Uint8Array, stats: Float64Array, ends: Int32Array, started: number }} a
 * @param {{ paths: string[], kinds: Uint8Array, stats: Float64Array, ends: Int32Array, started: number }} b
 */
export function joinListings(a, b) {
  const shift = a.paths.length;
  const ends = new Int32Array(shift + b.paths.length);
  ends.set(a.ends);
  for (let i = 0; i < b.ends.length; i++) ends[shift + i] = b.ends[i] === 0 ? 0 : b.ends[i] + shift;
  const kinds = new Uint8Array(ends.length);
  kinds.set(a.kinds);
  kinds.set(b.kinds, shift);
  const stats = new Float64Array(3 * ends.length);
  stats.set(a.stats);
  stats.set(b.stats, 3 * shift);
  return {
    paths: a.paths.concat(b.paths),
    kinds,
    stats,
    ends,
    started: Math.min(a.started, b.started),
  };
}

/**
 * Whether a folder is as a listing has it: the inode, mtime and ctime at `stats[i..i+2]`, and
 * settled by then (one of its times older than `settled`, the racy window before the listing: a
 * later change sets both times to the clock of that moment). What both the manifest's folder
 * check (folder-listing.ts) and the spare scan with a record (spare-scan-recorded.mjs) trust.
 * @param {{ ino: number, mtimeMs: number, ctimeMs: number }} now the folder's lstat now
 * @param {ArrayLike<number>} stats
 * @param {number} i
 * @param {number} settled
 */
export const asListed = (now, stats, i, settled) =>
  now.ino === stats[i] &&
  now.mtimeMs === stats[i + 1] &&
  now.ctimeMs === stats[i + 2] &&
  Math.min(stats[i + 1], stats[i + 2]) < settled;
