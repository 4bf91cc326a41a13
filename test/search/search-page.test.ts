/**
 * The search page on the sample portal (test/helpers/search-sample.ts): the index the build
 * writes, typing Chinese and finding exactly the pages holding it, the order of results, filters,
 * the header's search box and the page without JavaScript, and the Worker's matching run in Node.
 * Forgiving queries, what a page shows, ranking and the page's start: search-forgiving.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeSearchIndex } from "../../src/search/index-step.ts";
import { termsOf } from "../../src/search/tokens.ts";
import { noBrowser } from "../helpers/browser.ts";
import { searchDone, searchSample, showEveryResult } from "../helpers/search-sample.ts";
import { UNAVAILABLE } from "../../src/assets/search-unavailable.js";

const s = searchSample();
const { containing } = s;

function digest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    const file = path.join(dir, rel);
    try {
      out[rel] = createHash("sha256").update(readFileSync(file)).digest("hex");
    } catch {
      // a folder
    }
  }
  return out;
}

test("the build writes the index next to the pages, in shards, the same bytes however it is run", async () => {
  const manifest = JSON.parse(readFileSync(path.join(s.outDir, "pagefind", "index.json"), "utf8"));
  // The documents a reader looks up by name, as the output holds them: 年度报告 of the site and of
  // each organ, each organ's 公开指南, the 政府网站工作年度报表, 联系我们, 互动交流.
  const documents = readdirSync(s.outDir, { recursive: true, encoding: "utf8" }).filter((rel) =>
    /^(annual-report\/\d{4}|open\/[^/]+\/reports\/\d{4}|open\/[^/]+\/guide|website-report\/\d{4}|contact|interaction)\/index\.html$/.test(
      rel.split(path.sep).join("/"),
    ),
  ).length;
  assert.ok(documents > 0);
  assert.equal(
    manifest.pages,
    s.state.details.length + s.state.portal.site.topics.length + documents,
    "details, topic pages and documents",
  );
  assert.deepEqual(
    manifest.shards,
    Array.from({ length: Math.ceil(manifest.pages / 64) }, (_, k) => k * 64),
  );
  // No Pagefind runtime: the scripts are the search page's (its first script and its module) and its
  // Worker's, each in one file (src/search/worker-bundle.ts).
  assert.deepEqual(
    readdirSync(path.join(s.outDir, "pagefind")).filter((f) => /\.(js|wasm)$/.test(f)),
    ["search-head.js", "search-page.js", "worker.js"],
  );
  // Deterministic, whether the shards are indexed one after the other or side by side.
  const again = mkdtempSync(path.join(tmpdir(), "gongkai-search-again-"));
  await writeSearchIndex(s.state, again, { shardPages: 64, workers: 1 }, s.outDir);
  assert.deepEqual(digest(path.join(again, "pagefind")), digest(path.join(s.outDir, "pagefind")));
  // …and whether the workers read the pages' HTML or are given it (no page on disk: all rendered).
  const rendered = mkdtempSync(path.join(tmpdir(), "gongkai-search-rendered-"));
  await writeSearchIndex(s.state, rendered, { shardPages: 64 }, path.join(rendered, "no-pages"));
  assert.deepEqual(digest(path.join(rendered, "pagefind")), digest(path.join(s.outDir, "pagefind")));
});

test(
  "typing Chinese into the search page finds exactly the pages containing it, under a path prefix",
  { skip: noBrowser },
  async () => {
    const page = await s.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${s.server.url}search/`);
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
    assert.equal(await first.locator("mark").first().textContent(), "低保");
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
    const page = await s.browser.newPage();
    for (const sort of ["desc", "asc"]) {
      await page.goto(`${s.server.url}search/?q=${encodeURIComponent("白桦岭市")}&sort=${sort}`);
      const count = await searchDone(page, "白桦岭市");
      assert.equal(count, containing("白桦岭市").length);
      await showEveryResult(page);
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
    const page = await s.browser.newPage();
    await page.goto(`${s.server.url}search/?q=${encodeURIComponent("供暖")}`);
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

    await page.goto(`${s.server.url}search/?q=${encodeURIComponent("税")}`);
    const inText = containing("税").length;
    assert.ok(
      inText > s.state.details.filter((r) => r.fields.title.includes("税")).length,
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
    const page = await s.browser.newPage();
    await page.goto(`${s.server.url}search/`);
    const docNo = s.state.portal.byType.policy.find((p) => p.fields.doc_no)?.fields.doc_no;
    assert.ok(
      docNo && (await page.getAttribute("#search-q", "placeholder"))?.includes(docNo),
      "the site's own 发文字号",
    );
    await page.goto(s.server.url);
    await page.fill("#site-search-q", "政务公开");
    await page.press("#site-search-q", "Enter");
    assert.equal(await searchDone(page, "政务公开"), containing("政务公开").length);
    await page.close();
    const context = await s.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${s.server.url}search/?q=${encodeURIComponent("低保")}`);
    assert.match((await noJs.textContent("main")) ?? "", /站内搜索需要启用浏览器的 JavaScript/);
    // Nothing is held back from the first layout without JavaScript: the header, the form, the footer.
    assert.equal(await noJs.getAttribute("html", "class"), null);
    for (const part of [
      ".toolbar",
      ".main-nav",
      ".breadcrumbs",
      ".search-page-form",
      ".footer-links",
      ".footer-body",
    ])
      assert.ok(await noJs.isVisible(part), part);
    await context.close();
  },
);

test(
  "a search page whose module never arrives says the search is unavailable",
  { skip: noBrowser },
  async () => {
    const page = await s.browser.newPage();
    await page.route("**/pagefind/v/search-page.*.js", (route) => route.abort("connectionfailed"));
    await page.goto(`${s.server.url}search/?q=${encodeURIComponent("低保")}`);
    await page.waitForSelector("#search-app[data-state=error]", { timeout: 10_000 });
    assert.equal(await page.textContent("#search-status"), UNAVAILABLE);
    assert.ok(await page.isVisible("#search-status"), "the notice is shown, not held back");
    await page.close();
  },
);

test("the Worker's matching, run in Node on the built index, finds exactly the pages holding random passages", async () => {
  const { SiteIndex } = await import("../../src/assets/search-site-index.js");
  const { matchPages } = await import("../../src/assets/search-match.js");
  const files = path.join(s.outDir, "pagefind");
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((url: string) => {
    const rel = String(url)
      .replace(/^\/pagefind\//, "")
      .replace(/\?.*/, "");
    return Promise.resolve(new Response(readFileSync(path.join(files, rel))));
  }) as typeof fetch;
  try {
    const index = await new SiteIndex("/pagefind/").open();
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const queries: string[] = [];
    while (queries.length < 120) {
      const text = s.shown[random(s.shown.length)].text.replace(/\s+/g, " ");
      const length = 3 + random(queries.length < 60 ? 10 : 40);
      const query = text
        .slice(random(Math.max(1, text.length - length)), undefined)
        .slice(0, length)
        .trim();
      if (termsOf(query).length) queries.push(query);
    }
    for (const query of queries) {
      const { ids } = await matchPages(index, termsOf(query), {});
      const urls = await Promise.all(ids.map(async (id: number) => `${(await index.record(id)).url}`));
      assert.deepEqual(
        urls.sort(),
        containing(query)
          .map((p) => p.url)
          .sort(),
        query,
      );
    }
  } finally {
    globalThis.fetch = realFetch;
  }
});
