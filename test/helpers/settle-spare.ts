/**
 * Gives the build cache's spare folder's folders an mtime older than the racy window, as an
 * operator's next build finds them (a test's builds follow each other within it, so every folder
 * would be read again): only then are its files taken from the listing (folder-listing.ts).
 */
import { readdirSync, utimesSync } from "node:fs";
import path from "node:path";
import { SETTLED_MS } from "../../src/build/cache/folder-listing.ts";

export function settleSpare(cacheDir: string): void {
  const spare = path.join(cacheDir, "spare");
  const past = new Date(Date.now() - 10 * SETTLED_MS);
  for (const entry of readdirSync(spare, { recursive: true, withFileTypes: true }))
    if (entry.isDirectory()) utimesSync(path.join(entry.parentPath, entry.name), past, past);
}
