/**
 * The text the search index holds for a page is the text Chromium shows for it: every indexed
 * page template of the sample portal (each detail type, a topic page, each kind of document: the
 * site's and an organ's 年度报告, a 公开指南, the 年度报表) is rendered in the browser,
 * and its main content's words (runs between white space) are compared with visibleText's.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { outputFileOf } from "../../src/eleventy/virtual-pages.ts";
import { searchPagesOf, type SearchPage } from "../../src/search/search-pages.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { shownTextOf, wordsOf } from "../helpers/shown-text.ts";

const root = path.resolve(import.meta.dirname, "../..");
let state: BuildState;
let outDir: string;
let server: StaticServer;
let browser: Browser;

before(async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"));
  outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-visible-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  ({ state } = await buildSite({ site, contentDir: path.join(root, "content"), outDir, now }));
  if (noBrowser) return;
  server = await serveStatic(outDir, { headers: SECURITY_HEADERS });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page's template: its record's type, "topic", or a document's URL with its organ and year left out. */
const kindOf = (p: SearchPage): string =>
  p.topic ? "topic" : (p.record?.type ?? p.url.replace(/^\/open\/[^/]+\//, "/open/*/").replace(/\d{4}/, "Y"));

/** One page per template: the richest page of each detail type (most text), a topic page, each document. */
function samples(): SearchPage[] {
  const pages = searchPagesOf(state);
  const kinds = new Map<string, SearchPage>();
  for (const p of pages) {
    const kind = kindOf(p);
    const size = (q: SearchPage) => q.record?.body.length ?? 0;
    const prev = kinds.get(kind);
    if (!prev || size(p) > size(prev)) kinds.set(kind, p);
  }
  return [...kinds.values()];
}

test(
  "the indexed text of every page template is the text the browser shows",
  { skip: noBrowser },
  async () => {
    const picked = samples();
    assert.deepEqual(picked.map(kindOf).sort(), [
      "/annual-report/Y/",
      "/contact/",
      "/interaction/",
      "/open/*/guide/",
      "/open/*/reports/Y/",
      "/website-report/Y/",
      "consultation",
      "guide",
      "interview",
      "letter",
      "news",
      "organ",
      "page",
      "periodical",
      "policy",
      "topic",
      "video",
    ]);
    const page = await browser.newPage();
    for (const p of picked) {
      await page.goto(new URL(p.url.slice(1), server.url).href);
      const shown = await shownTextOf(page);
      const indexed = visibleText(readFileSync(path.join(outDir, outputFileOf(p.url)), "utf8"));
      assert.deepEqual(wordsOf(indexed), wordsOf(shown), `${p.url}`);
    }
    await page.close();
  },
);
