/**
 * sitemap.xml (sitemaps.org protocol 0.9) and robots.txt. Lists every HTML page the page sources
 * write (the build's enumeration, src/eleventy/site-outputs.ts) except those marked noindex
 * (404, previews), so pages added by any source are included.
 * <lastmod> comes from the records: an item's publish time, a list page's newest item, and for
 * the other pages (home, 网站地图 …) the newest item of the portal. Past `maxUrlsPerFile` URLs
 * the sitemap becomes an index of sitemap-1.xml, sitemap-2.xml … (the protocol's limit is 50,000).
 */
import { closeSync, openSync, readSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { absoluteUrl, hrefFor } from "../portal/urls.ts";
import { isoDateTime } from "../portal/dates.ts";
import { isoDateTimeFormatter } from "../portal/iso-time.ts";
import { escapeHtml } from "../html/html.ts";
import { outputFileOf, type VirtualPage } from "../eleventy/site-outputs.ts";
import type { BuildStep } from "./steps.ts";
import { sessionOf } from "./cache/session.ts";
import { NOINDEX, writtenPagesOf } from "./written-pages.ts";
import { writeStepFiles } from "./cache/step-files.ts";

export const SITEMAP_URL = "/sitemap.xml";
export const ROBOTS_URL = "/robots.txt";
export const MAX_URLS_PER_SITEMAP = 50_000;
const sitemapPartUrl = (index: number) => `/sitemap-${index + 1}.xml`;

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

interface SitemapEntry {
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

const newestOf = (records: readonly { publishedAt: number }[]) =>
  records.reduce((newest, r) => Math.max(newest, r.publishedAt), 0);

/**
 * The last change of each of `pages` that is a detail or list page (undefined for the others),
 * without a map of every page's URL (~80k at 50k items): the detail and list sources make one
 * page per record of `state.details` and per list of `state.lists`, in that order, so each page
 * is matched to its record or list by a cursor (same object, same URL). When every record and
 * list was matched so, no other page has one of their URLs (a URL is one page's, or the build
 * stopped); otherwise the map of `lastChanges` answers, as it did for every page before.
 */
function lastChangesOf(state: BuildState, pages: readonly VirtualPage[]): (number | undefined)[] {
  const { details, lists } = state;
  let d = 0;
  let l = 0;
  const changes = new Array<number | undefined>(pages.length);
  for (let i = 0; i < pages.length; i++) {
    const { item, url } = pages[i];
    if (d < details.length && item === details[d] && url === details[d].url)
      changes[i] = details[d++].publishedAt;
    else if (l < lists.length && item === lists[l] && url === lists[l].url)
      changes[i] = newestOf(lists[l++].items);
  }
  if (d === details.length && l === lists.length) return changes;
  const byUrl = lastChanges(state);
  return pages.map((page) => byUrl.get(page.url));
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

function indexedPages(state: BuildState, outDir: string): SitemapEntry[] {
  const pages = state.outputs.pages;
  const changes = lastChangesOf(state, pages);
  const newest = newestOf(state.portal.records);
  // Detail and list pages say noindex exactly when the build is a preview (layouts/parts/head.ts),
  // so only the other pages (home, 404, the organs' pages …) are opened; reading all 60k heads of
  // a 50k-item portal took most of this step's 3.6 s.
  const noindex = noindexTest(state, outDir);
  const drafts = state.options.includeDrafts;
  const entries: SitemapEntry[] = [];
  for (let i = 0; i < pages.length; i++) {
    const { url } = pages[i];
    const changed = changes[i];
    const listed = !drafts && changed !== undefined;
    // A folder URL is an index.html: no need to work out its file (60k detail and list pages).
    if (listed && url.endsWith("/")) {
      entries.push({ url, lastmod: changed || newest });
      continue;
    }
    const rel = outputFileOf(url);
    if (rel.endsWith(".html") && (listed || !noindex.test(rel)))
      entries.push({ url, lastmod: changed || newest });
  }
  noindex.done();
  return entries;
}

const byUrl = (a: SitemapEntry, b: SitemapEntry) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** isoDateTime's text, once per distinct moment: list pages share their newest item's. */
function lastmodFormatter(timeZone: string): (ms: number) => string {
  const format = isoDateTimeFormatter(timeZone);
  const seen = new Map<number, string>();
  return (ms) => {
    let text = seen.get(ms);
    if (text === undefined) seen.set(ms, (text = format(ms)));
    return text;
  };
}

function urlset(state: BuildState, entries: readonly SitemapEntry[]): string {
  const { site } = state.portal;
  const lastmod = lastmodFormatter(site.timeZone);
  // absoluteUrl's parts, taken once rather than per page.
  const href = hrefFor(site);
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeHtml(site.baseUrl + href(e.url))}</loc><lastmod>${lastmod(e.lastmod)}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${urls.join("\n")}\n</urlset>\n`;
}

function sitemapIndex(state: BuildState, parts: readonly { url: string; lastmod: number }[]): string {
  const { site } = state.portal;
  const items = parts.map(
    (p) =>
      `<sitemap><loc>${escapeHtml(absoluteUrl(site, p.url))}</loc><lastmod>${isoDateTime(p.lastmod, site.timeZone)}</lastmod></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${items.join("\n")}\n</sitemapindex>\n`;
}

function robotsTxt(state: BuildState): string {
  // A preview build (drafts and scheduled items) must never reach a search engine.
  if (state.options.includeDrafts) return "User-agent: *\nDisallow: /\n";
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(state.portal.site, SITEMAP_URL)}\n`;
}

/** sitemap.xml (and its parts when there are more than `maxUrlsPerFile` pages) and robots.txt: output path → text. */
function sitemapFiles(
  state: BuildState,
  listed: SitemapEntry[],
  maxUrlsPerFile: number,
): Map<string, string> {
  const entries = listed.sort(byUrl);
  const files = new Map<string, string>();
  // Output paths, as the manifest and the build cache name files.
  const write = (url: string, text: string) => files.set(url.slice(1), text);
  if (entries.length <= maxUrlsPerFile) {
    write(SITEMAP_URL, urlset(state, entries));
  } else {
    const parts: { url: string; lastmod: number }[] = [];
    for (let i = 0; i * maxUrlsPerFile < entries.length; i++) {
      const chunk = entries.slice(i * maxUrlsPerFile, (i + 1) * maxUrlsPerFile);
      const url = sitemapPartUrl(i);
      write(url, urlset(state, chunk));
      parts.push({ url, lastmod: chunk.reduce((max, e) => Math.max(max, e.lastmod), 0) });
    }
    write(SITEMAP_URL, sitemapIndex(state, parts));
  }
  write(ROBOTS_URL, robotsTxt(state));
  return files;
}

/**
 * Writes sitemap.xml (and its parts) and robots.txt. With the build cache they are placed from it
 * when every listed page's URL and last change are as when the cached build made them (an edit
 * of an item's text changes neither): src/build/cache/step-files.ts.
 */
export function writeSitemaps(
  state: BuildState,
  outDir: string,
  maxUrlsPerFile = MAX_URLS_PER_SITEMAP,
): void {
  const entries = indexedPages(state, outDir);
  const make = () => sitemapFiles(state, entries, maxUrlsPerFile);
  const session = sessionOf(state);
  if (session) {
    const { baseUrl, pathPrefix, timeZone } = state.portal.site;
    // Everything the files are made of; the pages in the build's order (the same pages, the same order).
    const head = JSON.stringify([baseUrl, pathPrefix, timeZone, maxUrlsPerFile, state.options.includeDrafts]);
    const inputs = `${head}\n${entries.map((e) => `${e.url}\t${e.lastmod}`).join("\n")}`;
    writeStepFiles(session, outDir, "sitemap.xml", inputs, make);
    return;
  }
  for (const [rel, text] of make()) writeFileSync(path.join(outDir, rel), text);
}

/** The step; `maxUrlsPerFile` is lowered by tests to see the parts. */
export function sitemapStep(maxUrlsPerFile = MAX_URLS_PER_SITEMAP): BuildStep {
  return {
    name: "sitemap.xml",
    // As many parts as the HTML pages could need: pages marked noindex only become known once rendered.
    outputs(_state, pages) {
      const html = pages.filter((url) => url.endsWith("/") || url.endsWith(".html")).length;
      const parts = html > maxUrlsPerFile ? Math.ceil(html / maxUrlsPerFile) : 0;
      return [SITEMAP_URL, ROBOTS_URL, ...Array.from({ length: parts }, (_, i) => sitemapPartUrl(i))];
    },
    run: (state, outDir) => writeSitemaps(state, outDir, maxUrlsPerFile),
  };
}
