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
import { RECENT_MS } from "../../content/record-cache.ts";

/** A folder changed within this window before the scan is read again (the record cache's window). */
export const SETTLED_MS = RECENT_MS;

interface Folder {
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  /** Its regular files and folders, as paths relative to the listed root. */
  files: string[];
  folders: string[];
}

export interface FolderListing {
  /** Every regular file below the root, "/"-separated, in sort order (as outputFiles gives them). */
  files: string[];
  /** Folders read again / taken from the scan. */
  read: number;
  trusted: number;
}

/** The scan's folders by path ("" is the root, which the scan did not stat: always read). */
function foldersOf(listing: SpareListing): Map<string, Folder> {
  const { paths, kinds, stats } = listing;
  const folders = new Map<string, Folder>();
  const parentOf = (rel: string) => {
    const slash = rel.lastIndexOf("/");
    return folders.get(slash === -1 ? "" : rel.slice(0, slash));
  };
  folders.set("", { ino: -1, mtimeMs: NaN, ctimeMs: NaN, files: [], folders: [] });
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    if (kinds[i] === 1) {
      const [ino, mtimeMs, ctimeMs] = stats.subarray(3 * i, 3 * i + 3);
      folders.set(rel, { ino, mtimeMs, ctimeMs, files: [], folders: [] });
      parentOf(rel)?.folders.push(rel);
    } else if (kinds[i] === 0) parentOf(rel)?.files.push(rel);
  }
  return folders;
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
  const before = foldersOf(listing);
  const settled = listing.started - SETTLED_MS;
  const files: string[] = [];
  let read = 0;
  let trusted = 0;
  const visit = (rel: string) => {
    const abs = rel === "" ? root : `${root}/${rel}`;
    const scanned = before.get(rel);
    if (scanned && scanned.ino !== -1) {
      const now = lstatSync(abs, { throwIfNoEntry: false });
      if (
        now?.isDirectory() &&
        now.ino === scanned.ino &&
        now.mtimeMs === scanned.mtimeMs &&
        now.ctimeMs === scanned.ctimeMs &&
        // A later change sets both times to the clock of that moment: one of them older than
        // the racy window is enough to tell.
        Math.min(scanned.mtimeMs, scanned.ctimeMs) < settled
      ) {
        trusted++;
        for (const file of scanned.files) files.push(file);
        for (const folder of scanned.folders) visit(folder);
        return;
      }
    }
    read++;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (rel === "" && skip?.has(entry.name)) continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  visit("");
  // Default sort: UTF-16 code unit order, as outputFiles.
  return { files: files.sort(), read, trusted };
}
