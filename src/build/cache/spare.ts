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
import { lstatSync, rmdirSync, unlinkSync } from "node:fs";
import { treeEntries } from "../../content/tree-entries.mjs";
import path from "node:path";
import type { BuildCache } from "./store.ts";
import type { SpareFiles } from "./staging-claims.ts";
import type { SpareListing } from "./spare-scan.ts";

/** Where the cache keeps the spare folder (renames to and from it need one filesystem). */
export const spareFolderOf = (cache: BuildCache): string => path.join(cache.dir, "spare");

/**
 * Sorts the reused staging folder's files: a file (not a link, folder or other entry) whose
 * inode is one of the cache's blobs stays, to be claimed; everything else but the files this
 * build already `written` there (the output marker) is removed now. A kept file whose stat is
 * its blob's as recorded is noted as that blob's link, so placing the blob there is one lookup
 * (staging-claims.ts `place`).
 * Returns how many files were kept.
 */
export function adoptSpare(
  cache: BuildCache,
  staging: string,
  written: readonly string[],
  listing?: SpareListing,
): number {
  const byInode = cache.blobsByInode();
  const found = listing ? undefined : treeEntries(staging);
  // At most one entry per listed entry (or per entry found, without a listing).
  const entries = listing?.paths.length ?? found!.length;
  const places = new Int32Array(entries);
  const kept: SpareFiles = {
    root: staging + path.sep,
    paths: new Map(),
    inodes: new Float64Array(entries),
    blobs: new Int32Array(entries),
    sha256s: byInode.sha256s,
    stats: byInode.stats,
    places,
    scan: listing && { listing, length: listing.paths.length },
  };
  let count = 0;
  const removed = new Set<string>();
  // `rel`: the path below the staging folder (the listing's, "/"-separated on POSIX).
  const sort = (rel: string, ino: number, size: number, mtimeMs: number, place = -1) => {
    const blob = ino < 0 ? -1 : byInode.of.rowOf(ino);
    if (blob < 0) {
      const file = kept.root + rel;
      unlinkSync(file);
      removed.add(path.dirname(file));
      return;
    }
    const at = count++;
    kept.inodes[at] = ino;
    places[at] = place;
    kept.paths.set(rel, at);
    const { stats } = byInode;
    kept.blobs[at] = stats[3 * blob] === size && stats[3 * blob + 1] === mtimeMs ? blob : -1;
  };
  if (listing) {
    // Listed by spare-scan.ts before the folder was renamed into the staging folder. Its paths
    // are names joined by "/", so on POSIX they are the paths below `kept.root` as they are (no
    // path made per entry but for the few removed: ~107k entries at 50k items).
    const { paths, kinds, stats } = listing;
    const posix = path.sep === "/";
    for (let i = 0; i < paths.length; i++) {
      // An empty folder (one made by hand in the output: a build leaves none) goes too: the
      // listing is depth first, so a folder is empty when the next path is not below it.
      const empty = kinds[i] === 1 && !below(paths[i + 1], paths[i]);
      if (kinds[i] === 1 && !empty) continue;
      const rel = posix ? paths[i] : path.join(...paths[i].split("/"));
      if (empty) removed.add(kept.root + rel);
      if (kinds[i] === 1 || written.includes(paths[i])) continue;
      if (kinds[i] === 0) sort(rel, stats[3 * i], stats[3 * i + 1], stats[3 * i + 2], i);
      else sort(rel, -1, 0, 0);
    }
  } else {
    const parents = new Set(found!.map((entry) => path.join(entry.parentPath)));
    for (const entry of found!) {
      const file = path.join(entry.parentPath, entry.name);
      if (entry.isDirectory() && !parents.has(file)) removed.add(file);
      if (entry.isDirectory()) continue;
      const rel = path.relative(staging, file);
      if (written.includes(rel)) continue;
      const stat = entry.isFile() ? lstatSync(file) : undefined;
      sort(rel, stat ? stat.ino : -1, stat?.size ?? 0, stat?.mtimeMs ?? 0);
    }
  }
  cache.offer(kept);
  removeEmptyFolders(staging, removed);
  return count;
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

/** Is "/"-separated `rel` below folder `dir` (no string made: one test per folder listed)? */
const below = (rel: string | undefined, dir: string): boolean =>
  rel !== undefined && rel.length > dir.length && rel.charCodeAt(dir.length) === 47 && rel.startsWith(dir);

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
