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
import type { SpareListing } from "./spare-scan.ts";
import type { ListedFolder } from "./spare-record.mjs";
import { listChanged, type ChangedFolders } from "./changed-folders.mjs";
import { RECENT_MS } from "../../content/record-cache.ts";
import { scanPlaces } from "./scan-places.ts";

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
 * there), without the top-level entries named in `skip` (as outputFiles), on this thread (the
 * build asks the spare scan's worker instead, folder-lister.ts `FolderLister`).
 */
export function listChangedFolders(
  root: string,
  listing: SpareListing,
  skip?: ReadonlySet<string>,
): FolderListing {
  // The scan's own (it lists depth first, so it knows where each folder's entries end) when it
  // is one per entry; else worked out from the paths.
  const ends = listing.ends?.length === listing.paths.length ? listing.ends : subtreeEnds(listing);
  return folderListingOf(listing, listChanged(root, { ...listing, ends }, skip, SETTLED_MS));
}

/**
 * The listing `changed` names by places in `listing` (changed-folders.mjs), with its paths: one
 * array of ~200k and one of ~95k references at 50k items, no string made.
 */
export function folderListingOf(
  listing: Pick<SpareListing, "paths">,
  changed: ChangedFolders,
): FolderListing {
  const { from, added, files: fileAt } = changed;
  const paths = new Array<string>(from.length);
  for (let k = 0; k < from.length; k++)
    paths[k] = from[k] >= 0 ? listing.paths[from[k]] : added[-from[k] - 1];
  const files = new Array<string>(fileAt.length);
  for (let i = 0; i < fileAt.length; i++) files[i] = paths[fileAt[i]];
  const { kinds, stats, ends, started, read, trusted, taken } = changed;
  const places = new Int32Array(fileAt.length);
  for (let i = 0; i < fileAt.length; i++) places[i] = taken[fileAt[i]] === 1 ? from[fileAt[i]] : -1;
  scanPlaces.set(files, { listing, places });
  return { files, read, trusted, current: { paths, kinds, stats, ends, started } };
}
