/**
 * What a build learnt about each page while it had the page's bytes in hand: SHA-256, size and
 * whether the page is marked noindex. The manifest then hashes only the files no page source
 * or step wrote (assets, media), and sitemap.xml opens no page to read its head: at 10k items
 * the two re-read ~17k pages (~140 MB) after the render had just written them. Steps that hash
 * what they write (the search index) leave that SHA-256 here too.
 * Kept per build state (render workers send theirs with each batch, src/build/parallel/).
 */
import crypto from "node:crypto";
import type { BuildState } from "../eleventy/state.ts";
import { mainOf } from "../html/main-of.mjs";

/** [SHA-256, size in bytes, marked noindex]: a tuple, as render workers send thousands of them. */
/**
 * `main`: the SHA-256 of its `<main>` (`mainDigest`), when a render worker fills the build cache:
 * the search shards' keys hold it (src/build/cache/search-text-keys.ts).
 */
export type PageFacts = [sha256: string, size: number, noindex: boolean, main?: string];

/** The robots meta of layouts/parts/head.ts (and any page source's own) that keeps a page out of the sitemap. */
export const NOINDEX = /<meta name="robots" content="[^"]*noindex/;

/** Is the HTML marked noindex? Only its head is searched (the text may quote the tag). */
export function isNoindex(html: string): boolean {
  const end = html.indexOf("</head>");
  return NOINDEX.test(end === -1 ? html : html.slice(0, end));
}

/**
 * SHA-256 in hex in one call where Node has `crypto.hash` (20.12 on): no Hash object, with its
 * stream state, per page.
 */
const sha256Hex: (bytes: Uint8Array) => string =
  typeof crypto.hash === "function"
    ? (bytes) => crypto.hash("sha256", bytes, "hex")
    : (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

/** The buffer each thread encodes its pages into, grown for a larger page, never shrunk. */
let scratch = Buffer.allocUnsafeSlow(1 << 20);

/**
 * A page's text as UTF-8, encoded once for its file, its SHA-256 and its size: given the string,
 * the write, the hash and `Buffer.byteLength` each encoded or scanned it (at 10k items ~0.35 s of
 * CPU over the two threads). The bytes are this thread's scratch buffer: valid until its next call,
 * so they are written and hashed before anything else renders.
 */
export function encodePage(text: string): Buffer {
  // At most 3 bytes per UTF-16 code unit (a surrogate pair's two units make 4).
  if (text.length * 3 > scratch.length) scratch = Buffer.allocUnsafeSlow(text.length * 3);
  return scratch.subarray(0, scratch.write(text));
}

/**
 * The SHA-256 (hex) of a page's `<main>` (src/html/main-of.mjs: all of the page the search
 * index reads), which a search shard's key holds of the page (src/build/cache/search-text-keys.ts).
 */
export const mainDigest = (text: string): string =>
  crypto.createHash("sha256").update(mainOf(text)).digest("hex");

/** The facts of a rendered page's text as it is written: `bytes` are its UTF-8 (`encodePage`). */
export function pageFacts(text: string, bytes: Uint8Array = encodePage(text)): PageFacts {
  return [sha256Hex(bytes), bytes.length, isNoindex(text)];
}

const byState = new WeakMap<BuildState, Map<string, PageFacts>>();

/** The facts of the pages this build wrote, by output path ("news/2026/x/index.html"). */
export function writtenPagesOf(state: BuildState): Map<string, PageFacts> {
  let pages = byState.get(state);
  if (!pages) byState.set(state, (pages = new Map<string, PageFacts>()));
  return pages;
}

const filesByState = new WeakMap<BuildState, Map<string, string>>();

/**
 * The SHA-256 of files an after-render step wrote and hashed as it wrote them, by output path
 * ("pagefind/g/12.gz"): the manifest measures them instead of reading them again (the search
 * index is ~45k files at 100k items).
 */
export function writtenFilesOf(state: BuildState): Map<string, string> {
  let files = filesByState.get(state);
  if (!files) filesByState.set(state, (files = new Map<string, string>()));
  return files;
}
