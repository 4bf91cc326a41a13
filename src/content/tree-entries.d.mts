import type { Dirent } from "node:fs";

/** Every entry under `root`, level by level, never through a link (src/content/tree-entries.mjs). */
export function treeEntries(root: string): Dirent[];
