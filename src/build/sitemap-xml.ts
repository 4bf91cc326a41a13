/**
 * sitemap.xml (sitemaps.org protocol 0.9) and robots.txt. Lists every HTML page the page sources
 * write (the build's enumeration, src/eleventy/site-outputs.ts) except those marked noindex
 * (404, previews), so pages added by any source are included.
 * <lastmod> comes from the records: an item's publish time, a list page's newest item, and for
 * the other pages (home, 网站地图 …) the newest item of the portal. Past `maxUrlsPerFile` URLs
 * the sitemap becomes an index of sitemap-1.xml, sitemap-2.xml … (the protocol's limit is 50,000).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { absoluteUrl, hrefFor } from "../portal/urls.ts";
import { isoDateTime } from "../portal/dates.ts";
import { isoDateTimeFormatter } from "../portal/iso-time.ts";
import { escapeHtml } from "../html/html.ts";
import type { BuildStep } from "./steps.ts";
import { sessionOf } from "./cache/session.ts";
import { writeStepFiles } from "./cache/step-files.ts";
import { keptSitemapDetails, noteSitemapDetails } from "./cache/sitemap-details.ts";
import { hashText } from "./cache/hash-text.ts";
import {
  detailEntries,
  detailLines,
  entryLines,
  indexedPages,
  type IndexedPages,
  type SitemapEntry,
} from "./sitemap-entries.ts";

export const SITEMAP_URL = "/sitemap.xml";
export const ROBOTS_URL = "/robots.txt";
export const MAX_URLS_PER_SITEMAP = 50_000;
const sitemapPartUrl = (index: number) => `/sitemap-${index + 1}.xml`;

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

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
  const indexed = indexedPages(state, outDir);
  const make = () =>
    sitemapFiles(state, [...detailEntries(state, indexed), ...indexed.others], maxUrlsPerFile);
  const session = sessionOf(state);
  if (session) {
    const { baseUrl, pathPrefix, timeZone } = state.portal.site;
    // Everything the files are made of; the pages in the build's order (the same pages, the same order).
    const head = JSON.stringify([baseUrl, pathPrefix, timeZone, maxUrlsPerFile, state.options.includeDrafts]);
    const inputs = `${head}\n${detailsLine(state, indexed)}${entryLines(indexed.others)}`;
    writeStepFiles(session, outDir, "sitemap.xml", inputs, make);
    return;
  }
  for (const [rel, text] of make()) writeFileSync(path.join(outDir, rel), text);
}

/**
 * The details' part of the inputs text when they are apart from the others: their number and
 * the digest of their lines (a line of the others has a tab, this one none). The
 * digest is the last build's when the record store's generation says the details' URLs and
 * times are its (cache/sitemap-details.ts), else made from their lines (~50k at 50k items).
 */
function detailsLine(state: BuildState, indexed: IndexedPages): string {
  if (!indexed.details) return "";
  const digest = keptSitemapDetails(state.portal, state.details) ?? hashText(detailLines(state, indexed));
  noteSitemapDetails(state.portal, digest, state.details.length);
  return `details ${state.details.length} ${digest}\n`;
}

/** The step; `maxUrlsPerFile` is lowered by tests to see the parts. */
export function sitemapStep(maxUrlsPerFile = MAX_URLS_PER_SITEMAP): BuildStep {
  return {
    name: "sitemap.xml",
    // As many parts as the HTML pages could need: pages marked noindex only become known once rendered.
    outputs(_state, pages) {
      // Counted, not filtered: ~80k URLs at 50k items.
      let html = 0;
      for (const url of pages) if (url.endsWith("/") || url.endsWith(".html")) html++;
      const parts = html > maxUrlsPerFile ? Math.ceil(html / maxUrlsPerFile) : 0;
      return [SITEMAP_URL, ROBOTS_URL, ...Array.from({ length: parts }, (_, i) => sitemapPartUrl(i))];
    },
    run: (state, outDir) => writeSitemaps(state, outDir, maxUrlsPerFile),
  };
}
