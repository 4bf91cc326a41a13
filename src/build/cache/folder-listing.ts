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
import { readdirSync } from "node:fs";
import type { SpareListing } from "./spare-scan.ts";
import { RECENT_MS } from "../../content/record-cache.ts";
import { unchangedFolders } from "./folder-stats.ts";

/** A folder changed within this window before the scan is read again (the record cache's window). */
export const SETTLED_MS = RECENT_MS;

interface Folder {
  /** As the scan found it (its lstat now the same); false for the root, which the scan did not stat. */
  unchanged: boolean;
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

/**
 * The scan's folders by path ("" is the root, which the scan did not stat: always read), each
 * told whether it is unchanged. A later change sets both times to the clock of that moment: one
 * of them older than the racy window is enough to tell.
 */
async function foldersOf(root: string, listing: SpareListing): Promise<Map<string, Folder>> {
  const { paths, kinds, stats } = listing;
  const rels: string[] = [];
  const folderStats: number[] = [];
  for (let i = 0; i < paths.length; i++)
    if (kinds[i] === 1) {
      rels.push(paths[i]);
      folderStats.push(stats[3 * i], stats[3 * i + 1], stats[3 * i + 2]);
    }
  // Every folder the scan found, checked at once (on two threads): those the visit below does
  // not reach (below a folder that is gone) cost an lstat each for nothing, and are few.
  const settled = listing.started - SETTLED_MS;
  const unchanged = await unchangedFolders(root, rels, Float64Array.from(folderStats), settled);
  const folders = new Map<string, Folder>();
  const parentOf = (rel: string) => {
    const slash = rel.lastIndexOf("/");
    return folders.get(slash === -1 ? "" : rel.slice(0, slash));
  };
  folders.set("", { unchanged: false, files: [], folders: [] });
  let k = 0;
  for (let i = 0; i < paths.length; i++) {
    const rel = paths[i];
    if (kinds[i] === 1) {
      folders.set(rel, { unchanged: unchanged[k++] === 1, files: [], folders: [] });
      parentOf(rel)?.folders.push(rel);
    } else if (kinds[i] === 0) parentOf(rel)?.files.push(rel);
  }
  return folders;
}

/** Lists `root`, the folder `listing` was made of (renamed since, perhaps, and changed here and there). */
export async function listChangedFolders(root: string, listing: SpareListing): Promise<FolderListing> {
  const before = await foldersOf(root, listing);
  const files: string[] = [];
  let read = 0;
  let trusted = 0;
  const visit = (rel: string) => {
    const abs = rel === "" ? root : `${root}/${rel}`;
    const scanned = before.get(rel);
    if (scanned?.unchanged) {
      trusted++;
      for (const file of scanned.files) files.push(file);
      for (const folder of scanned.folders) visit(folder);
      return;
    }
    read++;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  visit("");
  // Default sort: UTF-16 code unit order, as outputFiles.
  return { files: files.sort(), read, trusted };
}
