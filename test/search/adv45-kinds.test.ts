/**
 * adv45's independent check (bench/search-eval/adv45-items.ts): a link's or an image's Markdown title
 * holding the word "hidden" hid the link's text and the image from search, and a body that mentions
 * data-search-body lost all its text; Latin, digits and Han in one term, 〇/零 years inside a 发文字号,
 * acronyms in three widths, text split by emphasis; a title longer than 64 characters ranks as a title
 * (the stream's title span was 64). Also the harness: a query longer than the forms
 * allow is scored as the page searches it, cut.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ADV45_ITEMS, ADV45_PARAGRAPH, ADV45_TOPIC_TAIL } from "../../bench/search-eval/adv45-items.ts";
import { scoreQuery } from "../../bench/search-eval/report.ts";
import { foldText } from "../../src/search/tokens.ts";
import { QUERY_LIMIT } from "../../src/assets/search-query.js";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { searchDone } from "../helpers/search-sample.ts";

const FIXTURES = ["/news/2026/adv45-a/", "/policies/2025/adv45-p/", "/guides/adv45-g/", "/topics/business/"];
const site = useKindsSite("adv45", (contentDir) => {
  for (const [rel, text] of Object.entries(ADV45_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
  appendFileSync(path.join(contentDir, "topics/business.md"), ADV45_TOPIC_TAIL);
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

const QUERIES = [
  "排查 hidden danger 清单和后文",
  "安全 hidden 隐患示意图",
  "以及正文其他内容",
  "详见清单与“营商环境”评价",
  "ＧＢ／Ｔ　２２６０－２００７",
  "第３季度",
  "￥１，２００元",
  "白政办发[二零二三]45号",
  "ｐｐｐ项目合同(样本)&附表",
  "每件¥1,200元",
  "加粗中间文字",
  "推进智慧农机补贴",
];

test("the search page finds what the rendered text holds", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);

test(
  "a title match beyond the title's 64th character outranks a newer page holding it in its first paragraph",
  { skip: noBrowser },
  async () => {
    const page = await site.browser.newPage();
    for (const query of ["湿地公园栈道维护专项方案", "栈道维护"]) {
      await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
      assert.equal(await searchDone(page, query), 2, query);
      const urls = await page.$$eval(".search-result-title a", (els) =>
        els.map((a) => a.getAttribute("href")),
      );
      assert.deepEqual(
        urls,
        ["/portal/news/2026/adv45-long-title/", "/portal/news/2026/adv45-body-only/"],
        query,
      );
    }
    await page.close();
  },
);

test("the harness scores a query longer than the forms allow as the page searches it", () => {
  const text = ADV45_PARAGRAPH.replace(/\n/g, "");
  const query = text.repeat(2).slice(0, 1000);
  assert.ok(query.length > QUERY_LIMIT && text.length >= QUERY_LIMIT);
  const url = "/portal/news/2026/adv45-a/";
  const page = { url, shown: text, text: foldText(text) };
  const outcome = { query, shown: 1, urls: [url] } as Parameters<typeof scoreQuery>[0];
  const score = scoreQuery(outcome, [page]);
  assert.equal(score.truth, 1);
  assert.equal(score.precision, 1);
});
