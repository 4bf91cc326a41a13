/**
 * The text of a search shard's pages from the build cache, for a shard indexed again. A page's
 * text pieces depend on its HTML alone (index-worker.mjs), and the cached shard of the same number
 * holds them in its record and text files (`d/`, `t/`). So a page whose HTML is as in the cached
 * build is not read and scanned again: after one edit, the edited page is, not the shard's 4,096.
 *
 * Here, on the main thread, only which blobs and which pages: the worker that indexes the shard
 * reads, gunzips and parses the blobs (src/search/cached-texts.mjs), while this thread runs the
 * build's other steps beside the index.
 */
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import { GRAMS, PAGES, type KeyParts } from "./search-shards.ts";
import type { CacheSession } from "./session.ts";

/** A page as the index reads it: the title its stream starts with, then its pieces. */
interface PageText {
  title: string;
  pieces: string[];
}

/** What the cached build left of one shard number, for the worker to read (cached-texts.mjs). */
export interface CachedShard {
  /** The cached shard's record and text files: [path in the index, SHA-256 of the file, its blob file]. */
  files: [string, string, string][];
  /** Whether `files` are all the cached shard's record and text files (none of their blobs is gone). */
  complete: boolean;
  /** The cached shard's grams (gram-blob.mjs): their blob file. */
  grams?: string;
  /** Per page (by position in the shard): 1 when its HTML is as the cached build's. */
  same: Uint8Array;
  /**
   * Per page: 1 when all the shard's key holds of it (URL, title, date, topic, record, `<main>`) is as
   * in the cached shard of the same number, so its search record is the cached one: the job leaves
   * its metadata out (the worker takes it from the cached `d/` file).
   */
  kept?: Uint8Array;
}

/** What the worker makes of a CachedShard (cached-texts.mjs). */
export interface ShardTexts {
  /** Per page (by position in the shard), its pieces when its HTML is the same; else undefined. */
  pieces: (string[] | undefined)[];
  /** Per page with pieces, where they start in its stream. */
  starts: (number[] | undefined)[];
  /** The cached shard's record and text files: path in the index → [SHA-256 before gzip, of the file]. */
  files: Record<string, [string, string]>;
  /**
   * When the cached shard had the same pages in the same places and only a few changed (title or
   * text): its grams' bytes (gram-blob.mjs), the changed pages' places and what they were then,
   * for gram-patch.mjs.
   */
  patch?: { grams: Uint8Array; changed: number[]; before: PageText[] };
}

/** Per page, 1 when what the cached shard's key held of it (PAGES) is `parts`; undefined when that is gone. */
function keptOf(blob: Buffer | undefined, parts: KeyParts): Uint8Array | undefined {
  let before: unknown;
  try {
    before = blob && JSON.parse(blob.toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(before)) return undefined;
  const kept = new Uint8Array(parts.pages.length);
  parts.pages.forEach((part, j) => {
    if (before[j] === part) kept[j] = 1;
  });
  return kept;
}

export class CachedTexts {
  constructor(
    private readonly session: CacheSession,
    /** Are the cached shards from the build the cache's pages are from (search-proof.ts)? */
    private readonly samePagesBuild: () => boolean,
  ) {}

  /**
   * The blobs of the shard number `shard` of the cached build and which of `pages` (in shard order)
   * it indexed from the same HTML; undefined when it has no such shard.
   */
  of(shard: number, pages: readonly { url: string }[], parts?: KeyParts): CachedShard | undefined {
    const { cache, known, report } = this.session;
    const entry = cache.shards().find((files) => files.some(([rel]) => rel === `t/${shard}-0.gz`));
    if (!entry) {
      report.searchPagesRead = (report.searchPagesRead ?? 0) + pages.length;
      return undefined;
    }
    const files: CachedShard["files"] = [];
    let grams: string | undefined;
    let kept: Uint8Array | undefined;
    let complete = true;
    for (const [rel, gzSha] of entry) {
      if (rel === GRAMS) grams = cache.blobFile(gzSha);
      if (rel === PAGES && parts) kept = keptOf(cache.read(gzSha), parts);
      if (!rel.startsWith("d/") && !rel.startsWith("t/")) continue;
      // A blob gone: those pages are read again, and the file is made again.
      const blob = cache.blobFile(gzSha);
      if (blob !== undefined) files.push([rel, gzSha, blob]);
      else complete = false;
    }
    const same = new Uint8Array(pages.length);
    const samePages = this.samePagesBuild();
    pages.forEach(({ url }, j) => {
      // Its key's part as then: its HTML too (no lookups for the 4,095 pages an edit left alone).
      if (kept?.[j]) {
        same[j] = 1;
        return;
      }
      const file = outputFileOf(url);
      const html = known.get(file);
      // The cache's page is the HTML the cached shard indexed only when both are of one build.
      if (html !== undefined && samePages && cache.page(file)?.sha256 === html) same[j] = 1;
    });
    return { files, complete, grams, same, ...(kept && { kept }) };
  }

  /** What the worker found: `read` pages whose text was not in the cache, the grams patched or not. */
  count(read: number, patched: boolean): void {
    const { report } = this.session;
    report.searchPagesRead = (report.searchPagesRead ?? 0) + read;
    if (patched) report.shardsPatched = (report.shardsPatched ?? 0) + 1;
  }
}
