/**
 * Folder trees for the spare folder's listing tests: files written with their folders, and every
 * folder's times set back past the racy window (SETTLED_MS), as a next build finds the spare folder.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SETTLED_MS } from "../../src/build/cache/folder-listing.ts";

/** Writes `rel` below `root` (its text the path itself unless given), making its folders. */
export function write(root: string, rel: string, text = rel): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** Every folder's times set back past the racy window, as a next build finds the spare folder. */
export function settle(root: string): void {
  const past = new Date(Date.now() - 10 * SETTLED_MS);
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
}
