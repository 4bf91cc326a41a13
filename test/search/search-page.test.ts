import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { searchIndexStep, writeSearchIndex } from "../../src/search/index-step.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { searchPagesOf } from "../../src/search/search-pages.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { outputFileOf } from "../../src/eleventy/virtual-pages.ts";
import { termsOf, textMatches } from "../../src/search/tokens.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { serveStatic, type StaticServer } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";

const root = path.resolve(import.meta.dirname, "../..");
let state: BuildState;
let outDir: string;
let server: StaticServer;
let browser: Browser;

/** Every indexed page with the text its rendered HTML shows. */
let shown: { url: string; type?: string; text: string }[] = [];

/** Pages whose rendered text holds every term of the query (docs/search.md): what search must return. */
const containing = (query: string, type?: string) =>
  shown.filter((p) => textMatches(p.text, termsOf(query)) && (!type || p.type === type));

/** A long paragraph for the pasted-passage test: 220 characters without a line break. */
const PASSAGE =
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

async function searchDone(page: Page, query: string): Promise<number> {
  await page.waitForSelector(`#search-app[data-state=done][data-query="${query}"]`, { timeout: 20_000 });
  // "done" is the first results shown; the rest of the first ten follow while the list is aria-busy.
  await page.waitForSelector("#search-results:not([aria-busy])", { state: "attached" });
  return Number(await page.getAttribute("#search-app", "data-result-count"));
}

before(async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: "/portal/" });
  outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-search-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  // Small shards, so the sample's index is split as a large portal's is.
  const steps = defaultParts.steps.map((s) =>
    s.name === "search index" ? searchIndexStep({ shardPages: 64 }) : s,
  );
  const contentDir = path.join(path.dirname(outDir), "content");
  cpSync(path.join(root, "content"), contentDir, { recursive: true });
  for (const [rel, text] of Object.entries(EXTRA)) writeFileSync(path.join(contentDir, rel), text);
  ({ state } = await buildSite({ site, contentDir, outDir, now, parts: { ...defaultParts, steps } }));
  shown = searchPagesOf(state).map((p) => ({
    url: p.url,
    type: p.topic ? "topic" : p.record?.type,
    text: visibleText(readFileSync(path.join(outDir, outputFileOf(p.url)), "utf8")),
  }));
  if (noBrowser) return;
  server = await serveStatic(outDir, { prefix: "/portal/", headers: SECURITY_HEADERS });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file of an index folder with a hash of its bytes. */
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
  const manifest = JSON.parse(readFileSync(path.join(outDir, "pagefind", "index.json"), "utf8"));
  assert.equal(
    manifest.pages,
    state.details.length + state.portal.site.topics.length,
    "details and topic pages",
  );
  assert.deepEqual(
    manifest.shards,
    Array.from({ length: Math.ceil(manifest.pages / 64) }, (_, k) => k * 64),
  );
  // No Pagefind runtime: the scripts are the search page's and its Worker's, each in one file (src/search/worker-bundle.ts).
  assert.deepEqual(
    readdirSync(path.join(outDir, "pagefind")).filter((f) => /\.(js|wasm)$/.test(f)),
    ["search-page.js", "worker.js"],
  );
  // Deterministic, whether the shards are indexed one after the other or side by side.
  const again = mkdtempSync(path.join(tmpdir(), "gongkai-search-again-"));
  await writeSearchIndex(state, again, { shardPages: 64, workers: 1 }, outDir);
  assert.deepEqual(digest(path.join(again, "pagefind")), digest(path.join(outDir, "pagefind")));
  // …and whether the workers read the pages' HTML or are given it (no page on disk: all rendered).
  const rendered = mkdtempSync(path.join(tmpdir(), "gongkai-search-rendered-"));
  await writeSearchIndex(state, rendered, { shardPages: 64 }, path.join(rendered, "no-pages"));
  assert.deepEqual(digest(path.join(rendered, "pagefind")), digest(path.join(outDir, "pagefind")));
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
    const page = await browser.newPage();
    for (const sort of ["desc", "asc"]) {
      await page.goto(`${server.url}search/?q=${encodeURIComponent("白桦岭市")}&sort=${sort}`);
      const count = await searchDone(page, "白桦岭市");
      assert.equal(count, containing("白桦岭市").length);
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
    await page.goto(`${server.url}search/`);
    const docNo = state.portal.byType.policy.find((p) => p.fields.doc_no)?.fields.doc_no;
    assert.ok(
      docNo && (await page.getAttribute("#search-q", "placeholder"))?.includes(docNo),
      "the site's own 发文字号",
    );
    await page.goto(server.url);
    await page.fill("#site-search-q", "政务公开");
    await page.press("#site-search-q", "Enter");
    assert.equal(await searchDone(page, "政务公开"), containing("政务公开").length);
    await page.close();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}search/?q=${encodeURIComponent("低保")}`);
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

/** Opens a search and loads every result; returns their URLs in the order shown. */
async function allResults(page: Page, query: string, extra = ""): Promise<string[]> {
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}${extra}`);
  const count = await searchDone(page, query.trim());
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
  const urls = await page.$$eval(".search-result-title a", (els) =>
    els.map((a) => a.getAttribute("href") ?? ""),
  );
  assert.equal(urls.length, count, `${query}: every result shown`);
  return urls;
}

const expectedUrls = (query: string) =>
  containing(query)
    .map((p) => `/portal${p.url}`)
    .sort();

test(
  "forgiving: full- and half-width, the brackets of a 发文字号, two words apart",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    const width = containing("5G");
    assert.ok(width.some((p) => p.text.includes("５Ｇ")) && width.some((p) => p.text.includes("5G")));
    for (const query of ["５Ｇ", "5G", "5g"]) {
      assert.deepEqual((await allResults(page, query)).sort(), expectedUrls("5G"), query);
    }
    const docNo = await allResults(page, "白政发[2025]7号");
    assert.ok(
      docNo.some((u) => u.endsWith("/search-width/")),
      "[] finds the document cited with 〔〕",
    );
    assert.deepEqual(docNo.sort(), expectedUrls("白政发〔2025〕7号"));
    const apart = await allResults(page, "秸秆 禁烧");
    assert.ok(
      apart.some((u) => u.endsWith("/search-half/")),
      "both words, apart",
    );
    assert.deepEqual(apart.sort(), expectedUrls("秸秆 禁烧"));
    assert.ok(apart.length > containing("秸秆禁烧").length);
    // Counts per filter value are of the pages holding both words. The lists are filled when the
    // 筛选 disclosure is opened (a reader who never opens it is not made to wait for them).
    const byType = (type: string) => containing("秸秆 禁烧", type).length;
    assert.equal(await page.locator("#search-filter-type option").count(), 1, "filled when opened");
    await page.click(".search-disclosure > summary");
    assert.equal(
      await page.textContent('#search-filter-type option[value="新闻"]'),
      `新闻（${byType("news")}）`,
    );
    assert.equal(
      await page.textContent('#search-filter-type option[value="政策文件"]'),
      `政策文件（${byType("policy")}）`,
    );
    const many = "白桦岭市 发布";
    const manyUrls = await allResults(page, many);
    assert.ok(manyUrls.length > 40, "many results in every shard");
    assert.deepEqual(manyUrls.sort(), expectedUrls(many));
    await page.click(".search-disclosure > summary");
    for (const [type, label] of [
      ["news", "新闻"],
      ["policy", "政策文件"],
      ["guide", "办事指南"],
    ]) {
      assert.equal(
        await page.textContent(`#search-filter-type option[value="${label}"]`),
        `${label}（${containing(many, type).length}）`,
      );
    }
    await page.close();
  },
);

test(
  "what a page shows is found: an attachment's name, a guide's fee basis, a topic page",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    for (const query of ["附着物补偿明细表", "发改价格规〔2016〕2559号", "每增加一本证书加收工本费10元"]) {
      const urls = await allResults(page, query);
      assert.ok(urls.length > 0, `${query} is on a page`);
      assert.deepEqual(urls.sort(), expectedUrls(query), query);
    }
    const topic = await allResults(page, "生态文明建设");
    assert.ok(topic.includes("/portal/topics/ecology/"), "the topic page itself is a result");
    await page.close();
  },
);

test("title matches come first; a pasted 200-character passage is found", { skip: noBrowser }, async () => {
  const page = await browser.newPage();
  const urls = await allResults(page, "秸秆禁烧");
  const titles = await page.$$eval(".search-result-title", (els) => els.map((e) => e.textContent ?? ""));
  const inTitle = titles.map((t) => t.includes("秸秆禁烧"));
  assert.ok(inTitle[0] && inTitle.includes(false), "the sample has title and body matches");
  assert.ok(inTitle.indexOf(false) > inTitle.lastIndexOf(true), "every title match before every body match");
  assert.ok(urls[0].endsWith("/search-title/") || titles[0].includes("秸秆禁烧"));
  const passage = PASSAGE.slice(10, 210);
  let requests = 0;
  page.on("request", (r) => r.url().includes("/pagefind/") && requests++);
  const found = await allResults(page, passage);
  assert.ok(requests <= 30, `a passage costs a bounded number of index requests (${requests})`);
  assert.ok(
    found.some((u) => u.endsWith("/search-half/")),
    "the passage's page is found",
  );
  assert.deepEqual(found.sort(), expectedUrls(passage));
  await page.close();
});

test(
  "the filter columns and lists wait for 筛选: not fetched for a search without a filter, then shown with its counts",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}search/?q=${encodeURIComponent("供暖")}`);
    const count = await searchDone(page, "供暖");
    assert.ok(count > 0);
    assert.ok(!fetched.includes("/portal/pagefind/f.gz"), "no filter columns for a search without a filter");
    assert.equal(await page.locator("#search-filter-type option").count(), 1);
    await page.click(".search-disclosure > summary");
    const policies = containing("供暖", "policy").length;
    await page.waitForSelector('#search-filter-type option[value="政策文件"]', { state: "attached" });
    assert.equal(
      await page.textContent('#search-filter-type option[value="政策文件"]'),
      `政策文件（${policies}）`,
      "the lists appear with the counts of the search shown",
    );
    assert.ok(fetched.includes("/portal/pagefind/f.gz"));
    await page.close();
  },
);

test(
  "opened with a query and a filter in the address: the search starts from <head>, filtered, each file fetched once",
  { skip: noBrowser },
  async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(
      `${server.url}search/?q=${encodeURIComponent("供暖")}&type=${encodeURIComponent("政策文件")}`,
    );
    const count = await searchDone(page, "供暖");
    assert.equal(
      count,
      containing("供暖", "policy").length,
      "the address's filter applies to the first search",
    );
    assert.ok(count > 0 && count < containing("供暖").length);
    assert.equal(await page.inputValue("#search-filter-type"), "政策文件");
    assert.match(page.url(), /type=/, "the filter stays in the address");
    assert.equal(
      await page.getAttribute('head script[type="module"]', "src"),
      "/portal/pagefind/search-page.js",
      "the page's module from <head>, in one file",
    );
    // The first scripts, before any stylesheet: one starts the Worker without waiting for the CSS
    // or the body, the other cuts the page's first layout into steps.
    assert.deepEqual(
      await page.evaluate(() =>
        [...document.head.querySelectorAll("script[src], link[rel=stylesheet]")]
          .slice(0, 3)
          .map((e) => e.getAttribute("src") ?? e.getAttribute("href")),
      ),
      ["/portal/assets/search-boot.js", "/portal/assets/search-first-layout.js", "/portal/assets/site.css"],
    );
    // Every part held back from the first layout is shown once the page is parsed.
    await page.waitForFunction(() => !/search-hold/.test(document.documentElement.className));
    for (const part of [".toolbar", ".main-nav", ".breadcrumbs", ".footer-links", ".footer-body"])
      assert.ok(await page.isVisible(part), part);
    const index = fetched.filter((p) => p.startsWith("/portal/pagefind/"));
    assert.deepEqual(index, [...new Set(index)], "no index file fetched twice");
    // The page's own resource timings hold only its requests, not the Worker's: the Worker, named
    // after the address, fetched the manifest and the buckets itself; the page only its scripts.
    const byPage = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
    );
    assert.deepEqual(
      byPage.filter((p) => p.startsWith("/portal/pagefind/") && !p.endsWith(".js")),
      [],
    );
    assert.ok(index.includes("/portal/pagefind/index.json"), "the Worker read the index");
    assert.ok(
      index.some((p) => p.startsWith("/portal/pagefind/g/")),
      "the Worker fetched the buckets",
    );
    assert.deepEqual(
      fetched.filter((p) => p.endsWith("worker.js")),
      ["/portal/pagefind/worker.js"],
      "one Worker, in one file",
    );
    assert.deepEqual(
      fetched.filter((p) => /\/assets\/search.*\.js$/.test(p)),
      ["/portal/assets/search-boot.js", "/portal/assets/search-first-layout.js"],
      "no module fetched one by one (the first scripts are classic ones)",
    );
    await page.close();
  },
);

test(
  "the search in the address runs without the page's module (started by the first script); without the first script the module starts it",
  { skip: noBrowser },
  async () => {
    // The module never arrives: the Worker, started from <head>, still opens the index and runs
    // the address's search as far as its first results' records and text.
    const alone = await browser.newPage();
    await alone.route("**/pagefind/search-page.js", (route) => route.abort());
    const records = alone.waitForRequest((r) => /\/pagefind\/t\/.*\.gz/.test(r.url()), { timeout: 20_000 });
    await alone.goto(`${server.url}search/?q=${encodeURIComponent("5G")}`);
    await records;
    await alone.close();
    // The first script never arrives: the module starts the Worker and the search itself.
    const late = await browser.newPage();
    await late.route("**/assets/search-boot.js", (route) => route.abort());
    await late.goto(`${server.url}search/?q=${encodeURIComponent("5G")}`);
    assert.equal(await searchDone(late, "5G"), containing("5G").length);
    await late.close();
  },
);

test("the Worker's matching, run in Node on the built index, finds exactly the pages holding random passages", async () => {
  const { SiteIndex } = await import("../../src/assets/search-site-index.js");
  const { matchPages } = await import("../../src/assets/search-match.js");
  const files = path.join(outDir, "pagefind");
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
      const text = shown[random(shown.length)].text.replace(/\s+/g, " ");
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
