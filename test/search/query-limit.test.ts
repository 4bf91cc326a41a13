/**
 * How long a query may be (search-query.js `QUERY_LIMIT`): the header's box and the search page's
 * form send their query in a GET address, and a host with an 8 KB request line (nginx's default
 * large_client_header_buffers) refuses a longer one before the search page loads. The forms stop at
 * the limit; an address longer than it (a link made elsewhere) is cut by the page and its Worker alike,
 * and the page says so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { QUERY_LIMIT, addressQueryOf, termsOf } from "../../src/assets/search-query.js";
import { noBrowser } from "../helpers/browser.ts";
import { sampleInBrowser } from "../helpers/served-sample.ts";

/** Text of `n` characters cut from a Chinese paragraph (with its punctuation, as pasted). */
const passage = (n: number) =>
  "为进一步做好农作物秸秆综合利用和露天禁烧工作，市农牧局会同各乡镇人民政府开展联合巡查。"
    .repeat(20)
    .slice(0, n);

test("the limit keeps a CJK query's address under 7 KB and lets a 500-character passage through", () => {
  // A form's GET: every character of a Chinese text is %XX%XX%XX, 9 bytes; outside the BMP 12 bytes
  // for two UTF-16 units, which is what maxlength counts.
  const address = (q: string) =>
    `/portal/search/?${new URLSearchParams({ q, type: "政策文件", sort: "desc" })}`;
  assert.ok(
    address("公".repeat(QUERY_LIMIT)).length < 7 * 1024,
    `${address("公".repeat(QUERY_LIMIT)).length} bytes`,
  );
  assert.ok(address("𠀾".repeat(QUERY_LIMIT / 2)).length < 7 * 1024);
  assert.ok(QUERY_LIMIT >= 500);
  for (const n of [200, 500]) assert.equal(addressQueryOf(passage(n)), passage(n));
});

test("an address's query: line breaks are spaces, and one over the limit is cut between characters", () => {
  assert.equal(addressQueryOf("受理窗口\r\n周一至周五\n地址\r电话"), "受理窗口 周一至周五 地址 电话");
  assert.equal(addressQueryOf(passage(1000)), passage(QUERY_LIMIT));
  const wide = addressQueryOf(`公${"𠀾".repeat(QUERY_LIMIT)}`);
  assert.equal(wide.length, QUERY_LIMIT - 1, "never half of 𠀾");
  assert.ok(!/[\ud800-\udbff]$/.test(wide));
  assert.deepEqual(termsOf(addressQueryOf(`甲\n乙`)), ["甲", "乙"]);
});

const skip = noBrowser;
const run = sampleInBrowser("query-limit", skip);

test(
  "the forms stop at the limit, and a pasted 500-character passage is searched whole",
  { skip },
  async () => {
    const page = await run.browser.newPage();
    await page.goto(run.served!.server.url);
    assert.equal(await page.getAttribute("#site-search-q", "maxlength"), String(QUERY_LIMIT));
    await page.fill("#site-search-q", passage(500));
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press("#site-search-q", "Enter")]);
    assert.equal(await page.inputValue("#search-q"), passage(500));
    assert.equal(await page.getAttribute("#search-q", "maxlength"), String(QUERY_LIMIT));
    // Typed or pasted, the box takes no more than the limit.
    await page.fill("#search-q", "");
    await page.fill("#search-q", passage(1000));
    assert.ok((await page.inputValue("#search-q")).length <= QUERY_LIMIT);
    await page.close();
  },
);

test("an address longer than the limit is cut to it, searched, and the page says so", { skip }, async () => {
  const page = await run.browser.newPage();
  const long = passage(1000);
  await page.goto(`${run.served!.server.url}search/?q=${encodeURIComponent(long)}`);
  const cut = passage(QUERY_LIMIT);
  await page.waitForSelector(`#search-app[data-state=done]`, { timeout: 30_000 });
  assert.equal(await page.getAttribute("#search-app", "data-query"), cut);
  assert.equal(await page.inputValue("#search-q"), cut);
  assert.match((await page.textContent("#search-status")) ?? "", new RegExp(`只搜索了前 ${QUERY_LIMIT} 字`));
  // The address the page keeps is the cut query's (a reload or a shared link fits the host).
  await page.waitForFunction((n) => new URLSearchParams(location.search).get("q")!.length <= n, QUERY_LIMIT);
  await page.close();
});
