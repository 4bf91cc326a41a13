/**
 * Summaries shown on one page lead to the page they summarise, which shows them too. The home
 * page's 头条 shows the headline news item's summary and 机构 (/organs/) each organ's; adv48 and
 * adv49 found their words found by nothing, since the news and organ pages did not show them (so
 * search, which holds what pages show, did not hold them).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import type { Page } from "playwright-core";
import { noBrowser } from "../helpers/browser.ts";

const site = useKindsSite("headline-summary", () => {});

/**
 * The page `href` (as the list links it) shows `words` as its summary, indexes the text Chromium
 * shows, and `clause` and all of the summary each find exactly the pages showing them.
 */
async function leadsTo(page: Page, href: string, words: string, clause: string): Promise<void> {
  await page.goto(new URL(href, site.url).href);
  assert.equal((await page.textContent(".article > .summary", { timeout: 5000 }))?.trim(), words);
  await page.close();
  const url = href.slice("/portal".length);
  await assertIndexedAsShown(site.browser, site.url, site.shown, [url]);
  await assertFoundAsRendered(site.browser, site.url, site.shown, [url], [clause, words]);
}

test(
  "the words of the home page's 头条 summary find the news page, which shows them",
  { skip: noBrowser },
  async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url);
    const summary = (await page.textContent(".headline-summary", { timeout: 5000 })) ?? "";
    const href = (await page.getAttribute(".headline-title a", "href")) ?? "";
    const time = (await page.textContent(".headline-summary time")) ?? "";
    const words = summary.slice(0, summary.length - time.length).trim();
    assert.ok(words.length >= 10 && href.startsWith("/portal/news/"), `${href}: ${summary}`);
    await leadsTo(page, href, words, words.split(/[，。]/)[0]);
  },
);

test(
  "the words of an organ's summary on 机构 find the organ's page, which shows them",
  { skip: noBrowser },
  async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}organs/`);
    const entry = page.locator("li", { has: page.locator(".note") }).first();
    const words = ((await entry.locator(".note").textContent()) ?? "").trim();
    const href = (await entry.locator("a").first().getAttribute("href")) ?? "";
    assert.ok(words.length >= 6 && href.startsWith("/portal/organs/"), `${href}: ${words}`);
    await leadsTo(page, href, words, words.split(/[，。、；]/)[0]);
  },
);
