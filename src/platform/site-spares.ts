/**
 * The sites' spare folders of a platform built with the build cache. A site built on its own keeps
 * the output its build replaced as the next build's starting folder (src/build/cache/spare.ts);
 * inside a platform the sites are published together, so the platform's publish keeps the
 * replaced platform folder for a moment and hands each site's part of it to that site's cache.
 * Nothing in a spare folder is trusted (the site's build keeps only its blobs' links), so a
 * folder from any earlier build is safe to hand over; renames keep the inodes the cache checks.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { Platform } from "./config.ts";

/** Where the platform's publish leaves the folder it replaced, inside the platform's cache. */
export const replacedFolderOf = (cacheDir: string): string => path.join(cacheDir, "replaced");

/**
 * Moves `<replaced>/<key>/` to each site's spare folder when the site's cache has none (its
 * build took the last one), then removes what is left of the replaced folder.
 */
export function handOverSpares(
  platform: Platform,
  cacheDir: string,
  siteCacheDir: (key: string) => string,
): void {
  const replaced = replacedFolderOf(cacheDir);
  if (!existsSync(replaced)) return;
  for (const s of platform.sites) {
    const from = path.join(replaced, s.key);
    const cache = siteCacheDir(s.key);
    const spare = path.join(cache, "spare");
    // A site whose build did not fill its cache (it failed to save) gets none.
    if (!existsSync(from) || existsSync(spare) || !existsSync(path.join(cache, "CACHEDIR.TAG"))) continue;
    try {
      renameSync(from, spare);
    } catch {
      // Another filesystem: removed below with the rest.
    }
  }
  rmSync(replaced, { recursive: true, force: true });
}
