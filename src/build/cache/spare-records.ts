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
import { encodeRecord, type ListedFolder } from "./spare-record.mjs";

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
 * The output's listing as its manifest lists it (in parts: the search index's folder once it is
 * written), kept when the cache is saved.
 */
export class KeptListing {
  private listed?: { current: ListedFolder; ino: number };

  /** A part of `folder`'s listing (folder-listing.ts `current`). */
  add(folder: string, part: ListedFolder): void {
    this.listed = this.listed
      ? { current: joinListings(this.listed.current, part), ino: this.listed.ino }
      : { current: part, ino: lstatSync(folder).ino };
  }

  /**
   * Under the cache's lock, once the folder is published: keeps its listing and removes the
   * records of any folder but it and the spare folder `spare` (the output published before it).
   */
  save(cacheDir: string, spare: string): void {
    const listed = this.listed;
    this.listed = undefined;
    if (listed === undefined) return;
    const dir = path.join(cacheDir, RECORDS);
    try {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, nameOf(listed.ino));
      writeFileSync(`${file}.tmp`, encodeRecord(listed.current, listed.ino));
      renameSync(`${file}.tmp`, file);
      const spareIno = lstatSync(spare, { throwIfNoEntry: false })?.ino;
      const keep = new Set([nameOf(listed.ino), spareIno === undefined ? "" : nameOf(spareIno)]);
      for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // Without it the build after next reads every folder of its spare folder, as before.
    }
  }
}

/** Two parts of one folder's listing (disjoint top-level entries) as one, from the earlier's start. */
function joinListings(a: ListedFolder, b: ListedFolder): ListedFolder {
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
