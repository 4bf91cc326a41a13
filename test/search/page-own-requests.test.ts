/**
 * The search page's own requests (docs/search.md, "Sixteenth round"): a query's requests count the
 * page's too (issue 14: at most 40 a query), so the page makes five — its HTML, its first script
 * (search-head.js, site.js inside), its one stylesheet (site.css, search.css, theme.css and print.css
 * in one file: layouts/search-css.ts), its module and the Worker; the tab icon is a data: URL. It
 * made ten. The page still looks and behaves as with the separate files: the stylesheet is theirs in
 * their order, print styles apply in print only, site.js's switches work, and the CSP is kept.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { noBrowser } from "../helpers/browser.ts";
import { sampleInBrowser } from "../helpers/served-sample.ts";

const skip = noBrowser;
const run = sampleInBrowser("page-requests", skip);

/** The index's own files (what count-requests.ts counts as the Worker's). */
const INDEX_FILE = /^pagefind\/(?:index\.json|[gxdt]\/|[fo]\.gz)/;

test("a search page load makes five requests of its own, the index's files aside", { skip }, async () => {
  const context = await run.browser.newContext();
  const page = await context.newPage();
  const seen: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => seen.push(r.url()));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${run.served!.server.url}search/?q=${encodeURIComponent("政务")}`);
  await page.waitForSelector("#search-app[data-state=done]");
  await page.waitForLoadState("networkidle");
  const own = seen
    .filter((url) => !url.startsWith("data:"))
    .map((url) => url.replace(run.served!.server.url, "").replace(/\?.*$/, ""))
    // A versioned name (assets/v/, pagefind/v/: the hash of the bytes) as its plain one.
    .map((rel) => rel.replace(/\bv\/([\w-]+)\.[0-9a-f]{12}(\.\w+)$/, "$1$2"))
    .filter((rel) => !INDEX_FILE.test(rel))
    .sort();
  assert.deepEqual(own, [
    "assets/search-page.css",
    "pagefind/search-head.js",
    "pagefind/search-page.js",
    "pagefind/worker.js",
    "search/",
  ]);
  assert.deepEqual(errors, [], "no CSP violation or script error");
  // site.js ran (from the first script): the `js` class, and a switch that works.
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("js")));
  await page.evaluate(() =>
    document.querySelector<HTMLButtonElement>('button[data-mode="large-font"]')!.click(),
  );
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
  // print.css applies in print only, as its media="print" link did.
  const navShown = () =>
    page.evaluate(() => getComputedStyle(document.querySelector(".main-nav")!).display !== "none");
  assert.equal(await navShown(), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await navShown(), false);
  await context.close();
});

test(
  "the search page's stylesheet is site.css, search.css, the theme and print.css, in that order",
  { skip },
  () => {
    const site = path.join(run.served!.work, "_site", "assets");
    const read = (name: string) => readFileSync(path.join(site, name), "utf8");
    assert.equal(
      read("search-page.css"),
      [
        read("site.css"),
        read("search.css"),
        read("theme.css"),
        `@media print {\n${read("print.css")}\n}\n`,
      ].join("\n"),
    );
    // Every other page keeps the separate files (the reader's cache shares them from page to page).
    const home = readFileSync(path.join(run.served!.work, "_site", "index.html"), "utf8");
    assert.match(home, /assets\/v\/site\.[0-9a-f]{12}\.css/);
    assert.doesNotMatch(home, /search-page\.css/);
  },
);
