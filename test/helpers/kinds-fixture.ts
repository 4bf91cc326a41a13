/**
 * The sample portal with a fixture's files added, built under /portal/ (held39-kinds.test.ts,
 * held40-kinds.test.ts), and the checks both make on it: each fixture page's indexed text is what
 * Chromium shows, and the search page finds exactly the pages whose rendered text holds a query.
 */
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { searchPagesOf } from "../../src/search/search-pages.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { outputFileOf } from "../../src/eleventy/virtual-pages.ts";
import { termsOf, textMatches } from "../../src/search/tokens.ts";
import { shownTextOf, wordsOf } from "./shown-text.ts";
import { searchDone, showEveryResult } from "./search-sample.ts";
import { serveStatic, type StaticServer } from "./serve.ts";
import { launchBrowser, noBrowser } from "./browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";

export interface IndexedPage {
  url: string;
  /** The title the index ranks and the result shows. */
  title: string;
  text: string;
}

/** Builds the fixture into a new temporary folder; returns its output and every indexed page's text. */
export async function buildKindsSite(
  name: string,
  addFiles: (contentDir: string) => void,
): Promise<{ outDir: string; shown: IndexedPage[] }> {
  const root = path.resolve(import.meta.dirname, "../..");
  const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
  const work = mkdtempSync(path.join(tmpdir(), `gongkai-${name}-`));
  const outDir = path.join(work, "_site");
  const contentDir = path.join(work, "content");
  cpSync(path.join(root, "content"), contentDir, { recursive: true });
  addFiles(contentDir);
  const steps = defaultParts.steps.map((s) =>
    s.name === "search index" ? searchIndexStep({ shardPages: 64 }) : s,
  );
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  const { state } = await buildSite({ site, contentDir, outDir, now, parts: { ...defaultParts, steps } });
  const shown = searchPagesOf(state).map((p) => ({
    url: p.url,
    title: p.title,
    text: visibleText(readFileSync(path.join(outDir, outputFileOf(p.url)), "utf8")),
  }));
  return { outDir, shown };
}

/** Each fixture page's indexed text is the text Chromium shows, word for word. */
export async function assertIndexedAsShown(
  browser: Browser,
  siteUrl: string,
  shown: IndexedPage[],
  fixtures: string[],
): Promise<void> {
  const page = await browser.newPage();
  for (const url of fixtures) {
    const indexed = shown.find((p) => p.url === url);
    assert.ok(indexed, url);
    await page.goto(`${siteUrl}${url.slice(1)}`);
    assert.deepEqual(wordsOf(indexed.text), wordsOf(await shownTextOf(page)), url);
  }
  await page.close();
}

/** The search page gives, for each query, exactly the pages whose rendered text holds it, a fixture page among them. */
export async function assertFoundAsRendered(
  browser: Browser,
  siteUrl: string,
  shown: IndexedPage[],
  fixtures: string[],
  queries: string[],
): Promise<void> {
  const page = await browser.newPage();
  for (const query of queries) {
    const expected = shown
      .filter((p) => textMatches(p.text, termsOf(query)))
      .map((p) => `/portal${p.url}`)
      .sort();
    assert.ok(
      expected.some((u) => fixtures.some((f) => u.endsWith(f))),
      `${query}: a fixture page holds it`,
    );
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    const count = await searchDone(page, query);
    await showEveryResult(page);
    const urls = await page.$$eval(".search-result-title a", (els) =>
      els.map((a) => a.getAttribute("href") ?? ""),
    );
    assert.equal(urls.length, count, query);
    assert.deepEqual(urls.sort(), expected, query);
  }
  await page.close();
}

/** The fixture site of a test file: built before its tests, served and opened in Chromium unless there is none. */
export interface KindsSite {
  shown: IndexedPage[];
  url: string;
  browser: Browser;
}

/** Registers the file's before/after hooks: build, serve under /portal/ with the site's headers, launch Chromium. */
export function useKindsSite(name: string, addFiles: (contentDir: string) => void): KindsSite {
  const site = { shown: [], url: "" } as unknown as KindsSite;
  let server: StaticServer | undefined;
  before(async () => {
    const built = await buildKindsSite(name, addFiles);
    site.shown = built.shown;
    if (noBrowser) return;
    server = await serveStatic(built.outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
    site.url = server.url;
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}
