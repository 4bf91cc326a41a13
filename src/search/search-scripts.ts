/**
 * The search page's scripts, written beside the index they read (index-step.ts; the dev server
 * writes them before its index).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleModules } from "./worker-bundle.ts";
import type { IndexManifest } from "./index-manifest.ts";
import { contentVersion, VERSIONED_DIR, versionedName } from "../view/asset-version.ts";

/**
 * The search page's script and its Worker, each in one file (worker-bundle.ts), beside the index
 * they read: each is one request instead of a wave of modules (layouts/search.ts starts the first).
 */
export const SEARCH_SCRIPTS = {
  "search-page.js": new URL("../assets/search.js", import.meta.url),
  "worker.js": new URL("../assets/search-worker.js", import.meta.url),
  "search-head.js": new URL("../assets/search-head.js", import.meta.url),
} as const;

type ScriptName = keyof typeof SEARCH_SCRIPTS;

/** The page's scripts' own (index-free) text, bundled once per process. */
let texts: Record<ScriptName, string> | undefined;

/**
 * Each script's text but worker.js's manifest line. The page's two scripts start the Worker by the
 * URL of its code's version (`self.gongkaiSearchWorker`, search-boot.js): a page never starts a
 * cached Worker of another build's code. worker.js itself also carries the index's manifest, which
 * the page cannot know when it is rendered (before the index): `_headers` has worker.js revalidated.
 */
export function searchScriptTexts(): Readonly<Record<ScriptName, string>> {
  if (texts) return texts;
  const bundle = (name: ScriptName) => bundleModules(fileURLToPath(SEARCH_SCRIPTS[name]));
  const worker = bundle("worker.js");
  const lead = `self.gongkaiSearchWorker = ${JSON.stringify(`worker.js?v=${contentVersion(worker)}`)};\n`;
  return (texts = {
    "search-page.js": lead + bundle("search-page.js"),
    "worker.js": worker,
    "search-head.js": lead + bundle("search-head.js"),
  });
}

/** The scripts a page names, each under its versioned name in `v/` (src/view/asset-version.ts). */
const PAGE_SCRIPTS = ["search-head.js", "search-page.js"] as const;

const versionedScript = (name: (typeof PAGE_SCRIPTS)[number]) =>
  `${VERSIONED_DIR}/${versionedName(name, contentVersion(searchScriptTexts()[name]))}`;

/** The scripts' site paths by the path a layout asks for, made with `texts` (once per process). */
let versions: Readonly<Record<string, string>> | undefined;

/** The site paths of the scripts a page names, by the path a layout asks for (src/pages/asset-versions.ts). */
export function searchScriptVersions(): Readonly<Record<string, string>> {
  return (versions ??= Object.fromEntries(
    PAGE_SCRIPTS.map((name) => [`/pagefind/${name}`, `/pagefind/${versionedScript(name)}`]),
  ));
}

/**
 * The search page's script and its Worker into `dir`; the dev server writes them before its index
 * (the page then says the search is not ready yet instead of doing nothing). With the index's
 * `manifest` (index.json), the Worker's file starts with it (`self.searchIndexManifest`): the Worker
 * fetches its first grams at once instead of after index.json's round trip, and checks them against
 * index.json, fetched meanwhile (search-worker.js `openFromName`; docs/search.md, search33).
 */
export function writeSearchScripts(dir: string, manifest?: IndexManifest): void {
  mkdirSync(path.join(dir, VERSIONED_DIR), { recursive: true });
  const texts = searchScriptTexts();
  for (const [name, text] of Object.entries(texts)) {
    const lead = name === "worker.js" && manifest ? manifestLine(manifest) : "";
    writeFileSync(path.join(dir, name), lead + text);
  }
  // What a non-atomic upload puts in index.json's place first (README.md "Object-storage bucket"):
  // a Worker that meets it waits for the new index.json instead of reading two builds' files.
  if (manifest) writeFileSync(path.join(dir, UPDATING_MANIFEST), UPDATING_TEXT);
  // The pages name these (kept a year); the plain names above stay for tools and older pages.
  for (const name of PAGE_SCRIPTS) writeFileSync(path.join(dir, versionedScript(name)), texts[name]);
}

/** index.json while an upload is under way (src/assets/search-served.js). */
export const UPDATING_MANIFEST = "index.updating.json";
export const UPDATING_TEXT = `${JSON.stringify({ updating: 1 })}\n`;

/** The manifest as the Worker's first statement (JSON is a JavaScript expression). */
export const manifestLine = (manifest: IndexManifest): string =>
  `self.searchIndexManifest = ${JSON.stringify(manifest)};\n`;
