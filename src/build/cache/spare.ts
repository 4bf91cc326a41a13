/**
 * The spare output folder: what was published before the last build, kept in the cache folder
 * (`spare/`) instead of being removed, and taken as the next build's staging folder. Most of its
 * files are hard links of blobs (the pages and search files of the build before), so the next
 * build needs neither to link 200k files into a new folder nor to remove 200k from the old one:
 * at 50k items those two took ~8 s of a one-edit build.
 *
 * Nothing in it is trusted. Only a file whose inode is a blob's the cache index knows is kept at
 * first (`adoptSpare`); a build then claims a kept file only where it places that very blob
 * (same inode: same bytes, and the blob is checked as always, store.ts), removes it before
 * writing anything else to its path (store.ts `claim`, `vacate`), and removes whatever nobody
 * claimed before the manifest lists the folder (`sweepSpare`). So a file is never written
 * through a link it shares with a blob and with the published site, and the staging folder ends
 * up holding exactly the files of this build, as a fresh one would.
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import type { BuildCache, SpareFile } from "./store.ts";
import type { SpareListing } from "./spare-scan.ts";

/** Where the cache keeps the spare folder (renames to and from it need one filesystem). */
export const spareFolderOf = (cache: BuildCache): string => path.join(cache.dir, "spare");

/**
 * Sorts the reused staging folder's files: a file (not a link, folder or other entry) whose
 * inode is one of the cache's blobs stays, to be claimed; everything else but the files this
 * build already `written` there (the output marker) is removed now.
 * Returns how many files were kept.
 */
export function adoptSpare(
  cache: BuildCache,
  staging: string,
  written: readonly string[],
  listing?: SpareListing,
): number {
  const inodes = cache.blobInodes();
  const fresh = new Set(written.map((rel) => path.join(staging, rel)));
  const kept = new Map<string, SpareFile>();
  const removed = new Set<string>();
  const sort = (file: string, stat: SpareFile | undefined) => {
    if (fresh.has(file)) return;
    if (stat && inodes.has(stat.ino)) kept.set(file, stat);
    else {
      unlinkSync(file);
      removed.add(path.dirname(file));
    }
  };
  if (listing) {
    // Listed by spare-scan.ts before the folder was renamed into the staging folder. Its paths
    // are names joined by "/", so on POSIX a concatenation is their path.join (which normalizes
    // every one: most of this loop's time over ~120k entries at 50k items).
    const { paths, kinds, stats } = listing;
    const prefix = staging + path.sep;
    const join = path.sep === "/" ? (rel: string) => prefix + rel : (rel: string) => path.join(staging, rel);
    for (let i = 0; i < paths.length; i++) {
      if (kinds[i] === 1) continue;
      const stat =
        kinds[i] === 0 ? { ino: stats[3 * i], size: stats[3 * i + 1], mtimeMs: stats[3 * i + 2] } : undefined;
      sort(join(paths[i]), stat);
    }
  } else
    for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (fresh.has(file)) continue;
      const stat = entry.isFile() ? lstatSync(file) : undefined;
      sort(file, stat && { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  cache.offer(kept);
  removeEmptyFolders(staging, removed);
  return kept.size;
}

/**
 * Removes the reused files nobody claimed (pages and search files this build no longer has);
 * `except`: not yet those below these folders of `staging` (a step still writing there may claim them).
 */
export function sweepSpare(cache: BuildCache, staging: string, except?: readonly string[]): number {
  const left = cache.unclaimed(except?.map((folder) => path.join(staging, folder) + path.sep));
  const folders = new Set<string>();
  for (const file of left) {
    unlinkSync(file);
    folders.add(path.dirname(file));
  }
  removeEmptyFolders(staging, folders);
  return left.length;
}

/** Removes these folders and their parents below `root` while they are empty (a clean build has no empty folder). */
function removeEmptyFolders(root: string, folders: Iterable<string>): void {
  // Deepest first, so a parent is tried after its children (again after each: a failed try is cheap).
  const pending = [...folders].sort((a, b) => b.length - a.length);
  const removed = new Set<string>();
  for (let dir of pending)
    while (dir.startsWith(root + path.sep) && !removed.has(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // Not empty.
      }
      removed.add(dir);
      dir = path.dirname(dir);
    }
}
