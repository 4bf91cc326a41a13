/**
 * The sample portal with a few extra items (full-width text, other brackets, a long paragraph),
 * built under /portal/ with small search shards and served with the security headers, for the
 * search page's tests (test/search/search-page.test.ts, search-forgiving.test.ts). `searchSample()`
 * registers the file's before/after hooks and returns an object they fill.
 */
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { searchPagesOf } from "../../src/search/search-pages.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { outputFileOf } from "../../src/eleventy/virtual-pages.ts";
import { termsOf, textMatches } from "../../src/search/tokens.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { serveStatic, type StaticServer } from "./serve.ts";
import { launchBrowser, noBrowser } from "./browser.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** A long paragraph for the pasted-passage test: 220 characters without a line break. */
export const PASSAGE =
  "为进一步做好农作物秸秆综合利用和露天禁烧工作，市农牧局会同各乡镇人民政府开展联合巡查，" +
  "重点检查田间地头、道路两侧和林区周边，对发现的焚烧火点即时处置并登记在册；" +
  "同时组织农机合作社开展秸秆还田、打捆离田和饲料化利用，推广智慧农机作业监测平台，" +
  "确保全年秸秆综合利用率稳定在百分之九十以上，空气质量优良天数比例持续提升，群众满意度不断提高。";

/** Items added to a copy of the sample portal for what it lacks: full-width text, other brackets … */
const EXTRA: Record<string, string> = {
  "news/2026/search-width.md": `---\ntitle: 全市新建５Ｇ基站一百二十座\ndate: 2026-03-02 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n依据白政发〔2025〕7号文件，今年新建基站一百二十座。\n`,
  "news/2026/search-half.md": `---\ntitle: 数字乡村建设稳步推进\ndate: 2026-03-03 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n农村牧区5G网络覆盖率达到百分之九十五。\n\n${PASSAGE}\n`,
  "news/2026/search-title.md": `---\ntitle: 白桦岭市秸秆禁烧工作通报\ndate: 2025-01-05 10:00\ncolumn: 市级新闻\nsource: 市融媒体中心\ndepartment: 白桦岭市人民政府办公室\n---\n\n各地认真做好秸秆禁烧工作。\n`,
};

export interface SearchSample {
  state: BuildState;
  outDir: string;
  /** Undefined without a browser. */
  server: StaticServer;
  browser: Browser;
  /** Every indexed page with the text its rendered HTML shows. */
  shown: { url: string; type?: string; text: string }[];
  /** Pages whose rendered text holds every term of the query (docs/search.md): what search must return. */
  containing: (query: string, type?: string) => { url: string; type?: string; text: string }[];
  /** What `containing` gives, as the search page links it (under /portal/), sorted. */
  expectedUrls: (query: string) => string[];
  /** Opens a search and loads every result; returns their URLs in the order shown. */
  allResults: (page: Page, query: string, extra?: string) => Promise<string[]>;
}

/** Waits for a search's results; returns the count the page gives. */
export async function searchDone(page: Page, query: string): Promise<number> {
  // A query may hold a quotation mark or a backslash: escaped, as a CSS string needs them.
  const value = query.replace(/["\\]/g, "\\$&");
  await page.waitForSelector(`#search-app[data-state=done][data-query="${value}"]`, { timeout: 20_000 });
  // "done" is the first results shown; the rest of the first ten follow while the list is aria-busy.
  await page.waitForSelector("#search-results:not([aria-busy])", { state: "attached" });
  return Number(await page.getAttribute("#search-app", "data-result-count"));
}

/** Clicks 更多 until every result of the search is shown. */
export async function showEveryResult(page: Page): Promise<void> {
  while (await page.isVisible("#search-more")) {
    const before = await page.locator(".search-result").count();
    await page.click("#search-more");
    // More results come a few per frame, the list aria-busy until the last.
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(".search-result").length > n &&
        !document.querySelector("#search-results[aria-busy]"),
      before,
    );
  }
}

export function searchSample(): SearchSample {
  const sample = {
    shown: [],
    containing: (query: string, type?: string) =>
      sample.shown.filter((p) => textMatches(p.text, termsOf(query)) && (!type || p.type === type)),
    expectedUrls: (query: string) =>
      sample
        .containing(query)
        .map((p) => `/portal${p.url}`)
        .sort(),
    allResults: async (page: Page, query: string, extra = "") => {
      await page.goto(`${sample.server.url}search/?q=${encodeURIComponent(query)}${extra}`);
      const count = await searchDone(page, query.trim());
      await showEveryResult(page);
      const urls = await page.$$eval(".search-result-title a", (els) =>
        els.map((a) => a.getAttribute("href") ?? ""),
      );
      assert.equal(urls.length, count, `${query}: every result shown`);
      return urls;
    },
  } as unknown as SearchSample; // the hooks below fill in the rest before any test runs

  before(async () => {
    const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
    sample.outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-search-")), "_site");
    const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
    // Small shards, so the sample's index is split as a large portal's is.
    const steps = defaultParts.steps.map((s) =>
      s.name === "search index" ? searchIndexStep({ shardPages: 64 }) : s,
    );
    const contentDir = path.join(path.dirname(sample.outDir), "content");
    cpSync(path.join(root, "content"), contentDir, { recursive: true });
    for (const [rel, text] of Object.entries(EXTRA)) writeFileSync(path.join(contentDir, rel), text);
    const outDir = sample.outDir;
    ({ state: sample.state } = await buildSite({
      site,
      contentDir,
      outDir,
      now,
      parts: { ...defaultParts, steps },
    }));
    sample.shown = searchPagesOf(sample.state).map((p) => ({
      url: p.url,
      type: p.topic ? "topic" : p.record?.type,
      text: visibleText(readFileSync(path.join(outDir, outputFileOf(p.url)), "utf8")),
    }));
    if (noBrowser) return;
    sample.server = await serveStatic(outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
    sample.browser = await launchBrowser();
  });

  after(async () => {
    await sample.browser?.close();
    await sample.server?.close();
  });
  return sample;
}
