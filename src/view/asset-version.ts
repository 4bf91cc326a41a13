/**
 * The versioned name of one of the generator's own files: its name with a hash of its bytes
 * (`site.8f42db19b16e.css`), in a folder of versioned files (`assets/v/`, `pagefind/v/`) that
 * `_headers` lets a reader keep a year: another build's file is another URL, so no page is shown
 * with a cached stylesheet or script of another build (README.md "Caching"). A name, not a query
 * (`?v=`): a CDN told to ignore query strings (a common setting for static files) would serve the
 * old file under the new URL. One definition for the pages' links (src/pages/asset-versions.ts),
 * the search page's scripts (src/search/search-scripts.ts) and the tests that check them.
 */
import { createHash } from "node:crypto";

/** 12 hex digits of the SHA-256 of the bytes: 48 bits, no collision between two builds of one file. */
export const contentVersion = (bytes: string | Uint8Array): string =>
  createHash("sha256").update(bytes).digest("hex").slice(0, 12);

/** The folder of versioned files inside assets/ and the search folder. */
export const VERSIONED_DIR = "v";

/** `site.css` → `site.<version>.css` (the extension kept: hosts set Content-Type by it). */
export function versionedName(name: string, version: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? `${name.slice(0, dot)}.${version}${name.slice(dot)}` : `${name}.${version}`;
}
