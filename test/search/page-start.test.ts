/**
 * The search page's start (src/assets/search.js) kept out of the task that dispatches
 * DOMContentLoaded: that task already runs the page's deferred module, the DOMContentLoaded
 * listeners and the browser's form tracking (autofill), which lays the page out — with the page's
 * start too it was the longest task of a page load (docs/search.md, "The page's main thread").
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { noBrowser } from "../helpers/browser.ts";
import { sampleInBrowser } from "../helpers/served-sample.ts";

declare global {
  interface Window {
    __searchingAt?: number;
    __replaced?: string[];
  }
}

const skip = noBrowser;
const run = sampleInBrowser("page-start", skip);

/** A search page whose script records when the search starts and every address it replaces. */
async function openSearch(address: string): Promise<Page> {
  const page = await run.browser.newPage();
  await page.addInitScript(() => {
    window.__replaced = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      window.__replaced?.push(String(url));
      replace(data, unused, url);
    };
    new MutationObserver(() => {
      if (document.getElementById("search-app")?.dataset.state) window.__searchingAt ??= performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
  await page.goto(`${run.served!.server.url}search/${address}`);
  await page.waitForSelector("#search-app[data-state=done]");
  return page;
}

test("the page starts its search in a task after DOMContentLoaded's, not in it", { skip }, async () => {
  const page = await openSearch(`?${new URLSearchParams({ q: "低保" })}`);
  const { searchingAt, dclEnd } = await page.evaluate(() => ({
    searchingAt: window.__searchingAt ?? 0,
    // Taken as the event's dispatch returns, after its listeners and their promise reactions.
    dclEnd: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
      .domContentLoadedEventEnd,
  }));
  assert.ok(
    dclEnd > 0 && searchingAt > dclEnd,
    `search started at ${searchingAt}, DOMContentLoaded ended at ${dclEnd}`,
  );
  await page.close();
});

test("the address's own search leaves the address alone; another search replaces it", { skip }, async () => {
  const page = await openSearch(`?${new URLSearchParams({ q: "低保 救助" })}`);
  assert.deepEqual(await page.evaluate(() => window.__replaced), []);
  assert.equal(new URL(page.url()).searchParams.get("q"), "低保 救助");
  await page.fill("#search-q", "行政许可");
  await page.press("#search-q", "Enter");
  await page.waitForSelector('#search-app[data-state=done][data-query="行政许可"]');
  assert.deepEqual(await page.evaluate(() => window.__replaced), [
    `/portal/search/?${new URLSearchParams({ q: "行政许可" })}`,
  ]);
  await page.close();
});

test("an address written differently from the page's own is rewritten once", { skip }, async () => {
  const page = await openSearch(`?utm=x&q=${encodeURIComponent(" 低保")}`);
  assert.deepEqual(await page.evaluate(() => window.__replaced), [
    `/portal/search/?${new URLSearchParams({ q: "低保" })}`,
  ]);
  await page.close();
});
