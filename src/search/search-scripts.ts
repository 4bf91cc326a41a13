/**
 * The search page's scripts, written beside the index they read (index-step.ts; the dev server
 * writes them before its index).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleModules } from "./worker-bundle.ts";

/**
 * The search page's script and its Worker, each in one file (worker-bundle.ts), beside the index
 * they read: each is one request instead of a wave of modules (layouts/search.ts starts the first).
 */
export const SEARCH_SCRIPTS = {
  "search-page.js": new URL("../assets/search.js", import.meta.url),
  "worker.js": new URL("../assets/search-worker.js", import.meta.url),
  "search-head.js": new URL("../assets/search-head.js", import.meta.url),
} as const;

/** The search page's script and its Worker into `dir`; the dev server writes them before its index
 * (the page then says the search is not ready yet instead of doing nothing). */
export function writeSearchScripts(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(SEARCH_SCRIPTS))
    writeFileSync(path.join(dir, name), bundleModules(fileURLToPath(source)));
}
