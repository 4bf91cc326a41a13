/**
 * The search page on the sample portal (test/helpers/search-sample.ts), as a reader types: full-
 * and half-width, the brackets of a 发文字号 and words apart found alike; what a page shows is what
 * is found; title matches first and a pasted passage found; the filter lists fetched only when
 * asked; a search opened from its address started from <head>.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { noBrowser } from "../helpers/browser.ts";
import { PASSAGE, searchDone, searchSample, showEveryResult } from "../helpers/search-sample.ts";

const s = searchSample();
/** A versioned file's plain name (`/pagefind/v/search-head.<hash>.js` → `/pagefind/search-head.js`). */
const plainName = (url: string) => url.replace(/\/v\/([\w-]+)\.[0-9a-f]{12}(\.\w+)$/, "/$1$2");
const { containing, expectedUrls, allResults } = s;

test(
  "forgiving: full- and half-width, the brackets of a 发文字号, two words apart",
  { skip: noBrowser },
  async () => {
    const page = await s.browser.newPage();
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
    const page = await s.browser.newPage();
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
  const page = await s.browser.newPage();
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
    const page = await s.browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${s.server.url}search/?q=${encodeURIComponent("供暖")}`);
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
    const page = await s.browser.newPage();
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(
      `${s.server.url}search/?q=${encodeURIComponent("供暖")}&type=${encodeURIComponent("政策文件")}`,
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
    assert.match(
      (await page.getAttribute('head script[type="module"]', "src")) ?? "",
      /^\/portal\/pagefind\/v\/search-page\.[0-9a-f]{12}\.js$/,
      "the page's module from <head>, in one file, named by its bytes",
    );
    // The first script, before any stylesheet: it starts the Worker without waiting for the CSS
    // or the body, then cuts the page's first layout into steps (two scripts in one file); then the
    // page's one stylesheet (site.css, search.css, the theme and print.css: page-own-requests.test.ts).
    assert.deepEqual(
      (
        await page.evaluate(() =>
          [...document.head.querySelectorAll("script[src], link[rel=stylesheet]")]
            .slice(0, 2)
            .map((e) => e.getAttribute("src") ?? e.getAttribute("href") ?? ""),
        )
      ).map(plainName),
      ["/portal/pagefind/search-head.js", "/portal/assets/search-page.css"],
    );
    // Every part of the page is shown.
    for (const part of [".toolbar", ".main-nav", ".breadcrumbs", ".footer-links", ".footer-body"])
      assert.ok(await page.isVisible(part), part);
    // index.json is revalidated once more after the search has read its files (search-current.js).
    const index = fetched.filter((p) => p.startsWith("/portal/pagefind/"));
    const once = index.filter((p, k) => !p.endsWith("/index.json") || index.indexOf(p) === k);
    assert.deepEqual(once, [...new Set(index)], "no index file fetched twice, index.json aside");
    assert.ok(index.filter((p) => p.endsWith("/index.json")).length <= 3, JSON.stringify(index));
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
      fetched.filter((p) => /\/search.*\.js$/.test(p)).map(plainName),
      ["/portal/pagefind/search-head.js", "/portal/pagefind/search-page.js"],
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
    // the address's search as far as its first results' records.
    const alone = await s.browser.newPage();
    await alone.route("**/pagefind/v/search-page.*.js", (route) => route.abort());
    const records = alone.waitForRequest((r) => /\/pagefind\/d\/.*\.gz/.test(r.url()), { timeout: 20_000 });
    await alone.goto(`${s.server.url}search/?q=${encodeURIComponent("5G")}`);
    await records;
    await alone.close();
    // The first script never arrives: the module starts the Worker and the search itself.
    const late = await s.browser.newPage();
    await late.route("**/pagefind/v/search-head.*.js", (route) => route.abort());
    await late.goto(`${s.server.url}search/?q=${encodeURIComponent("5G")}`);
    assert.equal(await searchDone(late, "5G"), containing("5G").length);
    await late.close();
  },
);

test(
  "a query with line breaks in the address (a passage pasted into a link): they separate terms",
  { skip: noBrowser },
  async () => {
    // A search box cannot hold a line break (a value set by script loses it: 秸秆\n禁烧 became 秸秆禁烧).
    const page = await s.browser.newPage();
    for (const query of ["秸秆\n禁烧", `百分之九十五。\r\n${PASSAGE.slice(0, 40)}`]) {
      await page.goto(`${s.server.url}search/?q=${encodeURIComponent(query)}`);
      await page.waitForSelector("#search-app[data-state=done]", { timeout: 20_000 });
      await showEveryResult(page);
      const urls = await page.$$eval(".search-result-title a", (els) =>
        els.map((a) => a.getAttribute("href") ?? ""),
      );
      assert.ok(urls.length > containing(query.replace(/\s+/g, "")).length, JSON.stringify(query));
      assert.deepEqual(urls.sort(), expectedUrls(query), JSON.stringify(query));
      assert.equal(
        await page.inputValue("#search-q"),
        query.replace(/\r\n?|\n/g, " "),
        "the box shows them as spaces",
      );
    }
    await page.close();
  },
);
