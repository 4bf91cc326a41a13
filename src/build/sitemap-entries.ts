/**
 * The pages sitemap.xml lists (src/build/sitemap-xml.ts) and their last change: every HTML page
 * of the build's enumeration except those marked noindex. The detail pages (most of them: ~50k of
 * ~60k at 50k items) are told apart from the others when each matched its record, so that the
 * step can name them by their records (and, with the build cache, by a digest kept by the record
 * store's generation: cache/sitemap-details.ts) instead of a line each.
 */
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { outputFileOf, type VirtualPage } from "../eleventy/site-outputs.ts";
import type { ContentRecord } from "../content/types.ts";
import { sessionOf } from "./cache/session.ts";
import { NOINDEX, writtenPagesOf } from "./written-pages.ts";

export interface SitemapEntry {
  url: string;
  lastmod: number;
}

/** The start of an HTML file, enough to hold its <head> (reading whole pages doubles the step's time). */
const HEAD_BYTES = 16 * 1024;
const headBuffer = Buffer.alloc(HEAD_BYTES);
function headOf(file: string): string {
  const fd = openSync(file, "r");
  try {
    const length = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
    const text = headBuffer.toString("utf8", 0, length);
    const end = text.indexOf("</head>");
    return end === -1 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

/** Last change of each detail and list page, by site URL, from the records (0: undated). */
function lastChanges(state: BuildState): Map<string, number> {
  const byUrl = new Map<string, number>();
  for (const record of state.details) byUrl.set(record.url, record.publishedAt);
  for (const list of state.lists) byUrl.set(list.url, newestOf(list.items));
  return byUrl;
}

export function newestOf(records: readonly { publishedAt: number }[]): number {
  // A loop, not reduce with a closure: called for each of ~10k list pages' ~20 items.
  let newest = 0;
  for (let i = 0; i < records.length; i++)
    if (records[i].publishedAt > newest) newest = records[i].publishedAt;
  return newest;
}

/** Is `page` the detail page of `details[d]`, as the detail source makes it? */
const isDetailOf = (page: VirtualPage, details: readonly ContentRecord[], d: number) =>
  d < details.length && page.item === details[d] && page.url === details[d].url;

/**
 * The last change of each of `pages` that is a detail or list page (undefined for the others),
 * without a map of every page's URL (~80k at 50k items): the detail and list sources make one
 * page per record of `state.details` and per list of `state.lists`, in that order, so each page
 * is matched to its record or list by a cursor (same object, same URL). When every record and
 * list was matched so (`matched`), no other page has one of their URLs (a URL is one page's, or
 * the build stopped); otherwise the map of `lastChanges` answers, as it did for every page before.
 */
function lastChangesOf(
  state: BuildState,
  pages: readonly VirtualPage[],
): { changes: (number | undefined)[]; matched: boolean } {
  const { details, lists } = state;
  let d = 0;
  let l = 0;
  const changes = new Array<number | undefined>(pages.length);
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i];
    if (isDetailOf(page, details, d)) changes[i] = details[d++].publishedAt;
    else if (l < lists.length && page.item === lists[l] && page.url === lists[l].url)
      changes[i] = newestOf(lists[l++].items);
  }
  if (d === details.length && l === lists.length) return { changes, matched: true };
  const byUrl = lastChanges(state);
  return { changes: pages.map((page) => byUrl.get(page.url)), matched: false };
}

/** The step's note in the build cache: the pages it found marked noindex. */
const NOTE = "sitemap.xml noindex";

/**
 * Is the page marked noindex? The render noted it when this build wrote the page
 * (written-pages.ts); with the build cache, a page with the same bytes as in the cached build
 * (same SHA-256) is as that build's sitemap found it; any other page's head says.
 */
function noindexTest(state: BuildState, outDir: string): { test(rel: string): boolean; done(): void } {
  const session = sessionOf(state);
  const written = writtenPagesOf(state);
  const before = session?.cache.note(NOTE);
  const wasNoindex = new Set(before);
  const found: string[] = [];
  // By its row in the cached index: no entry object per page asked (~20k at 50k items).
  const cachedSha256 = (rel: string) => {
    const row = session?.cache.pageRow(rel);
    return row === undefined ? undefined : session!.cache.rowSha256(row);
  };
  return {
    test(rel) {
      const sha256 = session?.known.get(rel);
      const facts = written.get(rel);
      const noindex = facts
        ? facts[2]
        : before !== undefined && sha256 !== undefined && cachedSha256(rel) === sha256
          ? wasNoindex.has(rel)
          : NOINDEX.test(headOf(path.join(outDir, rel)));
      if (noindex) found.push(rel);
      return noindex;
    },
    done: () => session?.cache.setNote(NOTE, found),
  };
}

/**
 * The listed pages. `details`: every detail page matched its record and is listed (not a
 * preview build); they are then left out of `others`, and `detailEntries` gives them.
 * Otherwise `others` is every listed page.
 */
export interface IndexedPages {
  others: SitemapEntry[];
  details: boolean;
  /** The newest publish time of the portal: the last change of the pages that have none of their own. */
  newest: number;
}

export function indexedPages(state: BuildState, outDir: string): IndexedPages {
  const pages = state.outputs.pages;
  const { changes, matched } = lastChangesOf(state, pages);
  const newest = newestOf(state.portal.records);
  // Detail and list pages say noindex exactly when the build is a preview (layouts/parts/head.ts),
  // so only the other pages (home, 404, the organs' pages …) are opened; reading all 60k heads of
  // a 50k-item portal took most of this step's 3.6 s.
  const noindex = noindexTest(state, outDir);
  const drafts = state.options.includeDrafts;
  const split = matched && !drafts;
  const { details } = state;
  let d = 0;
  const others: SitemapEntry[] = [];
  for (let i = 0; i < pages.length; i++) {
    // The same cursor as lastChangesOf's: the detail pages, each listed with its record's time.
    if (split && isDetailOf(pages[i], details, d)) {
      d++;
      continue;
    }
    const { url } = pages[i];
    const changed = changes[i];
    const listed = !drafts && changed !== undefined;
    // A folder URL is an index.html: no need to work out its file (60k detail and list pages).
    if (listed && url.endsWith("/")) {
      others.push({ url, lastmod: changed || newest });
      continue;
    }
    const rel = outputFileOf(url);
    if (rel.endsWith(".html") && (listed || !noindex.test(rel)))
      others.push({ url, lastmod: changed || newest });
  }
  noindex.done();
  return { others, details: split, newest };
}

/** The detail pages' entries when `indexed.details` (none otherwise: they are in `others`). */
export const detailEntries = (state: BuildState, indexed: IndexedPages): SitemapEntry[] =>
  indexed.details
    ? state.details.map((record) => ({ url: record.url, lastmod: record.publishedAt || indexed.newest }))
    : [];

/** Entries as lines of the step's inputs text: URL and last change. */
export const entryLines = (entries: readonly SitemapEntry[]): string =>
  entries.map((e) => `${e.url}\t${e.lastmod}`).join("\n");

/** `entryLines` of `detailEntries`, without an entry per detail. */
export const detailLines = (state: BuildState, indexed: IndexedPages): string =>
  state.details.map((record) => `${record.url}\t${record.publishedAt || indexed.newest}`).join("\n");
