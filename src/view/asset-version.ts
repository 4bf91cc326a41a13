/**
 * The version a URL of one of the generator's own files carries (`?v=<version>`): a hash of the
 * file's bytes, so a reader's cache can keep it for a year and a new build's file is a new URL
 * (docs: README.md "Caching"). One definition for the pages' links (src/pages/asset-versions.ts)
 * and the search page's scripts (src/search/search-scripts.ts), and for the tests that check them.
 */
import { createHash } from "node:crypto";

/** 12 hex digits of the SHA-256 of the bytes: 48 bits, no collision between two builds of one file. */
export const contentVersion = (bytes: string | Uint8Array): string =>
  createHash("sha256").update(bytes).digest("hex").slice(0, 12);

/** `url` with its version (no URL of the generator's files carries a query or fragment of its own). */
export const withVersion = (url: string, version: string): string => `${url}?v=${version}`;
