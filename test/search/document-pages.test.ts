/**
 * The documents readers look for by name though no record is theirs: the site's and each organ's
 * 政府信息公开工作年度报告 (《条例》第五十条), each organ's 政府信息公开指南 (第十二条) and the
 * 政府网站工作年度报表. adv47 found them shown but never found: 2025年政府信息公开工作年度报告 gave
 * no result though seven pages have it as their heading. adv48 found 联系我们 and 市长信箱 (互动交流) the same.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { searchDone } from "../helpers/search-sample.ts";
import { foldText } from "../../src/search/tokens.ts";
import { codePoints } from "../../src/assets/search-stream.js";
import { TITLE_SPAN } from "../../src/assets/search-query.js";

const FIXTURES = [
  "/annual-report/2025/",
  "/open/edu/reports/2025/",
  "/open/edu/guide/",
  "/open/luming/guide/",
  "/website-report/2025/",
  "/contact/",
  "/interaction/",
];
const site = useKindsSite("documents", () => {});

/** A query, and a page the rendered sample portal shows it on, which must be among its results. */
const NAMED: [query: string, url: string][] = [
  ["2025年政府信息公开工作年度报告", "/annual-report/2025/"],
  ["白桦岭市人民政府2025年政府信息公开工作年度报告", "/annual-report/2025/"],
  ["白桦岭市教育局2025年政府信息公开工作年度报告", "/open/edu/reports/2025/"],
  ["教育经费使用和学生资助", "/open/edu/reports/2025/"],
  ["鹿鸣镇人民政府政府信息公开指南", "/open/luming/guide/"],
  ["本镇主动公开的政府信息分为机构职能", "/open/luming/guide/"],
  ["白桦岭市林海路16号二楼", "/open/edu/guide/"],
  ["政府网站工作年度报表", "/website-report/2025/"],
  // adv48: the contact page was shown but never found.
  ["联系我们", "/contact/"],
  ["bhlzwgk@baihualing.gov.cn", "/contact/"],
  // adv48: the 咨询建言 channels' page as well.
  ["市长信箱", "/interaction/"],
  ["我为政府网站找错", "/interaction/"],
  // adv49: its heading, the result's title, was in the index's title but not in its indexed text.
  ["互动交流", "/interaction/"],
];

test("every indexed page's title, as the index's title region holds it, is in its indexed text", () => {
  // A search entry whose title its data-search-body leaves out (adv49: 互动交流) is found by words
  // its text, the results' proof and the judge, do not hold.
  const missing = site.shown.filter((p) => {
    const head = String.fromCodePoint(...codePoints(foldText(p.title)).slice(0, TITLE_SPAN - 1));
    return !foldText(p.text).replace(/\s+/gu, " ").includes(head);
  });
  assert.deepEqual(
    missing.map((p) => p.url),
    [],
  );
  assert.ok(site.shown.length > 200);
});

test("each document's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

test("the search page finds them as the rendered text holds them", { skip: noBrowser }, () =>
  assertFoundAsRendered(
    site.browser,
    site.url,
    site.shown,
    FIXTURES,
    NAMED.map(([query]) => query),
  ),
);

test(
  "a document named in full is among its query's results, under its 类型",
  { skip: noBrowser },
  async () => {
    const page = await site.browser.newPage();
    for (const [query, url] of NAMED) {
      await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
      assert.ok((await searchDone(page, query)) > 0, query);
      const hrefs = await page.$$eval(".search-result-title a", (els) =>
        els.map((a) => a.getAttribute("href")),
      );
      assert.ok(hrefs.includes(`/portal${url}`), `${query}: ${url} among ${hrefs.join(" ")}`);
    }
    // Filtered by 类型 年度报告 and an organ: that organ's 年报 only (the site's report is no organ's).
    const query = "2025年政府信息公开工作年度报告";
    await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}&type=年度报告&department=市教育局`);
    await searchDone(page, query);
    const hrefs = await page.$$eval(".search-result-title a", (els) =>
      els.map((a) => a.getAttribute("href")),
    );
    assert.deepEqual(hrefs, ["/portal/open/edu/reports/2025/"]);
    await page.close();
  },
);
