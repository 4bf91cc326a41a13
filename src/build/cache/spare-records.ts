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
import { encodeRecord, joinListings, type ListedFolder } from "./spare-record.mjs";

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
 * A record being written elsewhere (the spare scan's worker, which listed every part and holds
 * them: folder-lister.ts `FolderLister`) while this thread publishes the output.
 */
export interface RecordAhead {
  /** The file it is written to. */
  file: string;
  /** Blocks until it is written: true when whole, false when it was not (the writer failed or is gone). */
  wait(): boolean;
}

/** What writes a folder's record ahead of the cache's save: the worker that listed its parts. */
export interface RecordWriter {
  writeRecord(file: string, rootIno: number): RecordAhead;
}

/**
 * The output's listing as its manifest lists it (in parts: the search index's folder once it is
 * written), kept when the cache is saved.
 */
export class KeptListing {
  private listed?: { parts: ListedFolder[]; ino: number; byWriter: boolean };
  private ahead?: RecordAhead;

  /** A part of `folder`'s listing (folder-listing.ts `current`); `byWriter`: listed by the spare scan's worker. */
  add(folder: string, part: ListedFolder, byWriter = false): void {
    if (this.listed === undefined) this.listed = { parts: [], ino: lstatSync(folder).ino, byWriter: true };
    this.listed.parts.push(part);
    this.listed.byWriter &&= byWriter;
  }

  /**
   * Once the folder is listed whole: when `writer` listed every part, it encodes and writes the
   * record meanwhile (~0.1 s of the main thread's cache save at 50k items); `save` then only
   * renames it.
   */
  writeAhead(cacheDir: string, writer: RecordWriter | undefined): void {
    const listed = this.listed;
    if (listed === undefined || !listed.byWriter || writer === undefined) return;
    try {
      const dir = path.join(cacheDir, RECORDS);
      mkdirSync(dir, { recursive: true });
      this.ahead = writer.writeRecord(path.join(dir, `${nameOf(listed.ino)}.ahead`), listed.ino);
    } catch {
      // Written at save, on this thread.
    }
  }

  /**
   * Under the cache's lock, once the folder is published: keeps its listing and removes the
   * records of any folder but it and the spare folder `spare` (the output published before it).
   */
  save(cacheDir: string, spare: string): void {
    const listed = this.listed;
    const ahead = this.ahead;
    this.listed = this.ahead = undefined;
    if (listed === undefined) return;
    const dir = path.join(cacheDir, RECORDS);
    try {
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, nameOf(listed.ino));
      if (ahead?.wait()) renameSync(ahead.file, file);
      else {
        writeFileSync(`${file}.tmp`, encodeRecord(listed.parts.reduce(joinListings), listed.ino));
        renameSync(`${file}.tmp`, file);
      }
      const spareIno = lstatSync(spare, { throwIfNoEntry: false })?.ino;
      const keep = new Set([nameOf(listed.ino), spareIno === undefined ? "" : nameOf(spareIno)]);
      for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // Without it the build after next reads every folder of its spare folder, as before.
    }
  }
}
