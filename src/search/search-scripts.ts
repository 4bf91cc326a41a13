/**
 * The search page's scripts, written beside the index they read (index-step.ts; the dev server
 * writes them before its index).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleModules } from "./worker-bundle.ts";
import type { IndexManifest } from "./index-manifest.ts";

/**
 * The search page's script and its Worker, each in one file (worker-bundle.ts), beside the index
 * they read: each is one request instead of a wave of modules (layouts/search.ts starts the first).
 */
export const SEARCH_SCRIPTS = {
  "search-page.js": new URL("../assets/search.js", import.meta.url),
  "worker.js": new URL("../assets/search-worker.js", import.meta.url),
  "search-head.js": new URL("../assets/search-head.js", import.meta.url),
} as const;

/**
 * The search page's script and its Worker into `dir`; the dev server writes them before its index
 * (the page then says the search is not ready yet instead of doing nothing). With the index's
 * `manifest` (index.json), the Worker's file starts with it (`self.searchIndexManifest`): the Worker
 * fetches its first grams at once instead of after index.json's round trip, and checks them against
 * index.json, fetched meanwhile (search-worker.js `openFromName`; docs/search.md, search33).
 */
export function writeSearchScripts(dir: string, manifest?: IndexManifest): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(SEARCH_SCRIPTS)) {
    const lead = name === "worker.js" && manifest ? manifestLine(manifest) : "";
    writeFileSync(path.join(dir, name), lead + bundleModules(fileURLToPath(source)));
  }
}

/** The manifest as the Worker's first statement (JSON is a JavaScript expression). */
export const manifestLine = (manifest: IndexManifest): string =>
  `self.searchIndexManifest = ${JSON.stringify(manifest)};\n`;
