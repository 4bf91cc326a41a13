/**
 * The search page remembers whether a font on this machine draws Chinese (search-first-layout.js, in
 * localStorage), so a later page load knows it in its head script without six synchronous font calls
 * to the browser in that task; and it checks the remembered verdict again once the search's results
 * are in, so a CJK font installed (or removed) since is followed in the same page load.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { hasCjkFont, noBrowser } from "../helpers/browser.ts";
import { sampleInBrowser } from "../helpers/served-sample.ts";

const VERDICT = "gongkai-search-font-1";
const cjk = hasCjkFont();
const skip = noBrowser || (cjk === null ? "no fc-list to tell whether this machine has a CJK font" : false);
/** What the check finds here: "boxes" without a CJK font (the page then makes its last-resort face). */
const here = cjk ? "font" : "boxes";

const run = sampleInBrowser("font-verdict", skip);

async function searched(page: Page) {
  await page.goto(`${run.served!.server.url}search/?q=${encodeURIComponent("低保")}`);
  await page.waitForSelector("#search-app[data-state=done]");
}

const seen = (page: Page) =>
  page.evaluate((key) => {
    return {
      remembered: localStorage.getItem(key),
      marked: document.documentElement.classList.contains("search-last-resort"),
    };
  }, VERDICT);

test("a first visit remembers what the check found, and a later one follows it", { skip }, async () => {
  const context = await run.browser.newContext();
  const page = await context.newPage();
  await searched(page);
  assert.deepEqual(await seen(page), { remembered: here, marked: here === "boxes" });
  // Its head script makes no font call for it then: search-font-calls.test.ts.
  await searched(page);
  assert.deepEqual(await seen(page), { remembered: here, marked: here === "boxes" });
  await context.close();
});

test("a remembered verdict that no longer holds is corrected in the same page load", { skip }, async () => {
  const context = await run.browser.newContext();
  const page = await context.newPage();
  await searched(page);
  // As if a CJK font had been installed (or removed) since the last visit.
  const stale = here === "boxes" ? "font" : "boxes";
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [VERDICT, stale]);
  await searched(page);
  await page.waitForFunction(([key, value]) => localStorage.getItem(key) === value, [VERDICT, here]);
  assert.deepEqual(await seen(page), { remembered: here, marked: here === "boxes" });
  await context.close();
});
