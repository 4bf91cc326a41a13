/**
 * Where the build cache keeps the listing of each output a build published (spare-record.mjs):
 * that output becomes the spare folder two builds later, and that build's spare scan then reads
 * only the folders changed since (spare-scan-recorded.mjs) instead of all ~81k at 50k items.
 *
 * A record is named by its folder's inode: the folder is only ever renamed (staging → published
 * → spare → staging, publish.ts), so the name follows it. Written and removed under the cache's
 * lock, as the spare folder changes only under it. Nothing in a record is trusted on its own:
 * the scan takes a folder's entries from it only while the folder's inode and times are as
 * recorded, and lstats every file.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeRecord } from "./spare-record.mjs";
import type { FolderListing } from "./folder-listing.ts";

const RECORDS = "spare-records";
const nameOf = (ino: number) => `${ino}.v1`;

/** The record of `folder` in `cacheDir`, when there is one (a file name, or undefined). */
export function recordFileOf(cacheDir: string, folder: string): string | undefined {
  const ino = lstatSync(folder, { throwIfNoEntry: false })?.ino;
  if (ino === undefined) return undefined;
  const file = path.join(cacheDir, RECORDS, nameOf(ino));
  return lstatSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

/**
 * Keeps `listing` (the folder of inode `rootIno` as its manifest listed it) and removes the
 * records of any folder but it and the spare folder `spare` (the output published before it).
 */
export function saveRecord(
  cacheDir: string,
  rootIno: number,
  listing: FolderListing["current"],
  spare: string,
): void {
  const dir = path.join(cacheDir, RECORDS);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, nameOf(rootIno));
  writeFileSync(`${file}.tmp`, encodeRecord(listing, rootIno));
  renameSync(`${file}.tmp`, file);
  const spareIno = lstatSync(spare, { throwIfNoEntry: false })?.ino;
  const keep = new Set([nameOf(rootIno), spareIno === undefined ? "" : nameOf(spareIno)]);
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
}

/** Two parts of one folder's listing (disjoint top-level entries) as one, from the earlier's start. */
export function joinListings(
  a: FolderListing["current"],
  b: FolderListing["current"],
): FolderListing["current"] {
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
