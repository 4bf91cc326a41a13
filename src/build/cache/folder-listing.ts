/**
 * The files of the staging folder for the manifest, read again only where a folder changed since
 * the spare folder was listed (spare-scan.ts). At 50k items the output has ~80k folders (a page
 * is a folder's index.html) and listing them all again took most of a one-edit build's manifest
 * (~0.6 s of CPU at 10k items, under load); a one-edit build changes a few dozen of them.
 *
 * A folder's mtime and ctime change whenever an entry is added to it, removed or renamed, so a
 * folder with the inode and both times the scan found (its lstat taken before it was read) has
 * the entries the scan found: only that lstat is taken. As Git's index does with racily clean
 * files, a folder that had changed shortly before the scan is read again anyway: a timestamp is
 * as coarse as the filesystem's clock tick, so a change made after the scan within the same tick
 * could leave both times as they were. The check for files no one declared (manifest.ts) thus
 * still sees every file, wherever a step wrote it.
 */
import { lstatSync, readdirSync } from "node:fs";
import type { SpareListing } from "./spare-scan.ts";
import { asListed, type ListedFolder } from "./spare-record.mjs";
import { RECENT_MS } from "../../content/record-cache.ts";

/** A folder changed within this window before the scan is read again (the record cache's window). */
export const SETTLED_MS = RECENT_MS;

export interface FolderListing {
  /** Every regular file below the root, "/"-separated, in sort order (as outputFiles gives them). */
  files: string[];
  /** Folders read again / taken from the scan. */
  read: number;
  trusted: number;
  /**
   * The folder as listed now, as the spare scan lists one (depth first; a folder's stats as taken
   * before it was read, or the scan's when it was taken from it; none for files): the build keeps
   * it for when this folder is the spare folder (spare-records.ts).
   */
  current: ListedFolder;
}

/**
 * Where each folder's entries end in the scan: the worker lists depth first, each folder's
 * entry followed by everything below it, so a folder's subtree is the run of entries after it
 * up to `ends[i]` (exclusive; 0 for entries that are not folders). One pass and one typed array,
 * instead of a map of ~80k folder objects with their entries (~0.3 s of a one-edit manifest at
 * 50k items, of which only a few dozen folders are read again).
 */
export function subtreeEnds(listing: Pick<SpareListing, "paths" | "kinds">): Int32Array {
  const { paths, kinds } = listing;
  const ends = new Int32Array(paths.length);
  /** The open folders: their indices, their paths with a trailing "/". */
  const open: number[] = [];
  const prefixes: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    while (open.length && !rel.startsWith(prefixes[prefixes.length - 1])) {
      ends[open.pop()!] = i;
      prefixes.pop();
    }
    if (kinds[i] === 1) {
      open.push(i);
      prefixes.push(`${rel}/`);
    }
  }
  while (open.length) ends[open.pop()!] = paths.length;
  return ends;
}

/**
 * Lists `root`, the folder `listing` was made of (renamed since, perhaps, and changed here and
 * there), without the top-level entries named in `skip` (as outputFiles).
 */
export function listChangedFolders(
  root: string,
  listing: SpareListing,
  skip?: ReadonlySet<string>,
): FolderListing {
  const { paths, kinds, stats } = listing;
  // The scan's own (it lists depth first, so it knows where each folder's entries end) when it
  // is one per entry; else worked out from the paths.
  const ends = listing.ends?.length === paths.length ? listing.ends : subtreeEnds(listing);
  const settled = listing.started - SETTLED_MS;
  const started = Date.now();
  const files: string[] = [];
  const nowPaths: string[] = [];
  const nowKinds: number[] = [];
  const nowStats: number[] = [];
  const nowEnds: number[] = [];
  const note = (rel: string, kind: number, ino = 0, mtimeMs = 0, ctimeMs = 0) => {
    nowKinds.push(kind);
    nowStats.push(ino, mtimeMs, ctimeMs);
    nowEnds.push(0);
    return nowPaths.push(rel) - 1;
  };
  let read = 0;
  let trusted = 0;
  /** The scan's folders directly in the folder whose entries run from `from` to `to`, by path. */
  const foldersIn = (from: number, to: number) => {
    const found = new Map<string, number>();
    for (let j = from; j < to; j = kinds[j] === 1 ? ends[j] : j + 1)
      if (kinds[j] === 1) found.set(paths[j], j);
    return found;
  };
  /** `at`: the folder's index in the scan (-1: not in it, or the root, which the scan did not stat). */
  const visit = (rel: string, at: number) => {
    const abs = rel === "" ? root : `${root}/${rel}`;
    // Taken before it is read, and noted with it (but for the root, which is no entry).
    const now = rel === "" ? undefined : lstatSync(abs, { throwIfNoEntry: false });
    const entry = now ? note(rel, 1, now.ino, now.mtimeMs, now.ctimeMs) : -1;
    if (at !== -1) {
      if (now?.isDirectory() && asListed(now, stats, 3 * at, settled)) {
        trusted++;
        // Its entries as the scan found them, in the scan's order.
        const end = ends[at];
        for (let j = at + 1; j < end; j = kinds[j] === 1 ? ends[j] : j + 1)
          if (kinds[j] === 1) visit(paths[j], j);
          else {
            if (kinds[j] === 0) files.push(paths[j]);
            note(paths[j], kinds[j]);
          }
        nowEnds[entry] = nowPaths.length;
        return;
      }
    }
    read++;
    // Its entries in the scan, where it was found there: the root's are all entries.
    const scanned =
      rel === "" ? foldersIn(0, paths.length) : at === -1 ? undefined : foldersIn(at + 1, ends[at]);
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (rel === "" && skip?.has(entry.name)) continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        visit(child, scanned?.get(child) ?? -1);
        continue;
      }
      if (entry.isFile()) files.push(child);
      note(child, entry.isFile() ? 0 : 2);
    }
    if (entry !== -1) nowEnds[entry] = nowPaths.length;
  };
  visit("", -1);
  const current = {
    paths: nowPaths,
    kinds: Uint8Array.from(nowKinds),
    stats: Float64Array.from(nowStats),
    ends: Int32Array.from(nowEnds),
    started,
  };
  // Default sort: UTF-16 code unit order, as outputFiles.
  return { files: files.sort(), read, trusted, current };
}
