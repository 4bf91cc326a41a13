/**
 * Every entry under a folder, level by level, in the order of Node 20's `readdirSync(folder,
 * { recursive: true, withFileTypes: true })`, descending only into real folders. Node 22 and 24's
 * recursive readdir also descends into a link to a folder (a link to `..` listed 242 entries, the
 * same tree again and again), so the content walk listed files outside content/ as content and
 * media, and the output's listings would name files outside the output. Plain JavaScript: the
 * content scan's worker uses it too (src/content/walk-list.mjs).
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export function treeEntries(root) {
  const entries = [];
  const folders = [root];
  for (let i = 0; i < folders.length; i++) {
    for (const entry of readdirSync(folders[i], { withFileTypes: true })) {
      entries.push(entry);
      // A Dirent has lstat's view: a link is a link, never a folder.
      if (entry.isDirectory()) folders.push(path.join(entry.parentPath, entry.name));
    }
  }
  return entries;
}
