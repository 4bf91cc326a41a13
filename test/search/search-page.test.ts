import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { pageText } from "../../src/search/page-text.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
let state: BuildState;
let outDir: string;
let server: StaticServer;
let browser: Browser;

/** Pages of the sample whose text contains the query: what the search must return. */
const containing = (query: string, type?: string) =>
  state.details.filter(
    (r) =>
      pageText(r, state.portal.site.allowHtml).toLowerCase().includes(query.toLowerCase()) &&
      (!type || r.type === type),
  );

async function searchDone(page: Page, query: string): Promise<number> {
  await page.waitForSelector(`#search-app[data-state=done][data-query="${query}"]`, { timeout: 20_000 });
  return Number(await page.getAttribute("#search-app", "data-result-count"));
}

before(async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
  outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-search-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  // Small shards, so the sample's index is split as a large portal's is.
  const steps = defaultParts.steps.map((s) =>
    s.name === "search index" ? searchIndexStep({ shardPages: 60 }) : s,
  );
  ({ state } = await buildSite({
    site,
    contentDir: path.join(root, "content"),
    outDir,
    now,
    parts: { ...defaultParts, steps },
  }));
  if (noBrowser) return;
  server = await serveStatic(outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the build writes the search bundle next to the pages, without Pagefind's unused UIs", () => {
  const manifest = JSON.parse(readFileSync(path.join(outDir, "pagefind", "shards.json"), "utf8"));
  assert.equal(manifest.shards.length, Math.ceil(state.details.length / 60));
  assert.equal(manifest.pages, state.details.length);
  const shard = readdirSync(path.join(outDir, "pagefind", "0"));
  assert.ok(shard.includes("pagefind.js") && shard.includes("pagefind-entry.json"));
  assert.ok(!shard.some((f) => f.startsWith("pagefind-ui") || f.startsWith("pagefind-component-ui")));
});

test(
  "typing Chinese into the search page finds exactly the pages containing it, under a path prefix",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${server.url}search/`);
    for (const query of ["低保", "政务公开", "市市场监督管理局", "疫情防控"]) {
      await page.fill("#search-q", query);
      await page.press("#search-q", "Enter");
      const count = await searchDone(page, query);
      assert.equal(count, containing(query).length, `${query}: result count`);
    }
    await page.fill("#search-q", "低保");
    await page.press("#search-q", "Enter");
    await searchDone(page, "低保");
    const first = page.locator(".search-result").first();
    assert.match((await first.locator("a").getAttribute("href")) ?? "", /^\/portal\//);
    assert.equal(await first.locator(".search-result-excerpt mark").first().textContent(), "低保");
    assert.match((await first.locator(".search-result-meta").textContent()) ?? "", /\d{4}-\d{2}-\d{2}/);
    assert.match(
      page.url(),
      /\?q=%E4%BD%8E%E4%BF%9D$/,
      "the query is in the address, so the page can be shared",
    );
    assert.deepEqual(errors, [], "no script errors under the site's Content-Security-Policy");
    await page.close();
  },
);

test(
  "results from every shard come newest first, or oldest first when asked",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    for (const sort of ["desc", "asc"]) {
      await page.goto(`${server.url}search/?q=${encodeURIComponent("白桦岭市")}&sort=${sort}`);
      const count = await searchDone(page, "白桦岭市");
      assert.equal(count, containing("白桦岭市").length);
      while (await page.isVisible("#search-more")) {
        const before = await page.locator(".search-result").count();
        await page.click("#search-more");
        await page.waitForFunction((n) => document.querySelectorAll(".search-result").length > n, before);
      }
      const dates = await page.$$eval(".search-result-meta", (els) =>
        els.map((e) => /\d{4}-\d{2}-\d{2}/.exec(e.textContent ?? "")?.[0] ?? ""),
      );
      assert.equal(dates.length, count);
      const dated = dates.filter(Boolean);
      const expected = [...dated].sort();
      assert.deepEqual(
        dated,
        sort === "asc" ? expected : expected.reverse(),
        `${sort}: in date order across shards`,
      );
    }
    await page.close();
  },
);

test(
  "a filter narrows the results; one character is searched in the whole text",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent("供暖")}`);
    const all = await searchDone(page, "供暖");
    assert.equal(all, containing("供暖").length);
    await page.click(".search-disclosure > summary"); // filters sit behind the closed 筛选 disclosure
    await page.selectOption("#search-filter-type", "政策文件");
    await page.waitForSelector(`#search-app[data-state=done]`);
    await page.waitForFunction(
      (n) =>
        document.querySelector<HTMLElement>("#search-app")?.dataset.state === "done" &&
        document.querySelectorAll(".search-result").length <= n,
      containing("供暖", "policy").length,
    );
    const policies = containing("供暖", "policy").length;
    assert.ok(policies > 0 && policies < all, "the sample has policies and others about 供暖");
    assert.equal(Number(await page.getAttribute("#search-app", "data-result-count")), policies);
    assert.match(page.url(), /type=/);

    await page.goto(`${server.url}search/?q=${encodeURIComponent("税")}`);
    const inText = containing("税").length;
    assert.ok(
      inText > state.details.filter((r) => r.fields.title.includes("税")).length,
      "the sample has 税 outside titles",
    );
    assert.equal(await searchDone(page, "税"), inText);
    await page.close();
  },
);

test(
  "the header's search box leads to results; without JavaScript the page says so",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.fill("#site-search-q", "政务公开");
    await page.press("#site-search-q", "Enter");
    assert.equal(await searchDone(page, "政务公开"), containing("政务公开").length);
    await page.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}search/?q=${encodeURIComponent("低保")}`);
    assert.match((await noJs.textContent("main")) ?? "", /站内搜索需要启用浏览器的 JavaScript/);
    await context.close();
  },
);
