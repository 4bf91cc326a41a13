/**
 * What a search shard's key holds of a page's HTML: the SHA-256 of its `<main>` (src/html/main-of.mjs,
 * written-pages.ts `mainDigest`), the only part of the page the index reads (index-worker.mjs takes a page's text from
 * `visibleText` alone). A page whose `<head>` or footer changed (a stylesheet's versioned name after
 * a change of theme, search-fingerprint.ts) keeps its shard's key.
 *
 * Found without reading the page when the render made it (a detail page rendered this build,
 * session.ts `mains`) or the cached shard of the same number indexed the same HTML (it keeps each
 * page's HTML digest, HTMLS, beside what its key held, PAGES); else the page is read from the
 * folder the build wrote it to: after one edit the edited page, after a change of look the pages
 * that are no record's (topics, reports).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { mainDigest } from "../written-pages.ts";
import type { CacheSession } from "./session.ts";

/** Per page of a shard indexed (kept with it, a blob only): the SHA-256 of its HTML, JSON. */
export const HTMLS = "#html";
/** What the shard's key holds of each page, JSON (search-shards.ts PAGES). */
const PAGES = "#pages";

/** A JSON array of strings from a blob, or undefined. */
function stringsOf(bytes: Buffer | undefined): string[] | undefined {
  try {
    const value: unknown = bytes && JSON.parse(bytes.toString("utf8"));
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

export class TextKeys {
  /** Per shard number: the cached shard's pages' HTML digest → their `<main>`'s. */
  private readonly byShard = new Map<number, Map<string, string>>();

  constructor(
    private readonly session: CacheSession,
    /** The folder the build wrote the pages to. */
    private readonly pagesDir: string,
  ) {}

  /**
   * The digest of the `<main>` of the page `file` whose HTML has the SHA-256 `html`, in shard
   * number `shard`; undefined when the page cannot be read.
   */
  of(shard: number, file: string, html: string): string | undefined {
    const known = this.session.mains.get(html) ?? this.cachedOf(shard).get(html);
    if (known !== undefined) return known;
    let page: string;
    try {
      page = readFileSync(path.join(this.pagesDir, file), "utf8");
    } catch {
      return undefined;
    }
    this.session.report.searchMainsRead = (this.session.report.searchMainsRead ?? 0) + 1;
    return mainDigest(page);
  }

  /** The cached shard number `shard`'s HTML digest → `<main>` digest of each page (empty: none). */
  private cachedOf(shard: number): Map<string, string> {
    let map = this.byShard.get(shard);
    if (map) return map;
    this.byShard.set(shard, (map = new Map<string, string>()));
    const { cache } = this.session;
    const entry = cache.shards().find((files) => files.some(([rel]) => rel === `t/${shard}-0.gz`));
    const blob = (name: string) => {
      const sha256 = entry?.find(([rel]) => rel === name)?.[1];
      return sha256 === undefined ? undefined : cache.read(sha256);
    };
    const htmls = stringsOf(blob(HTMLS));
    const parts = htmls && stringsOf(blob(PAGES));
    if (!htmls || !parts || parts.length !== htmls.length) return map;
    // A part ends with its page's `<main>` digest, after the last `|` (search-shards.ts `key`).
    htmls.forEach((html, j) => map.set(html, parts[j].slice(parts[j].lastIndexOf("|") + 1)));
    return map;
  }
}
