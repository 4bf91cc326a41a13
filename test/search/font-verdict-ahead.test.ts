/**
 * The search page's check whether a font here draws 一 is made ahead, on whichever page of the site a
 * reader opens first (site.js, when idle after its load), so a search page opened from the header's
 * box knows the verdict in its head script: its first visit makes no synchronous font call to the
 * browser in that task (six before: up to 145 ms of waiting on a busy machine, county 50k).
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser } from "playwright-core";
import { hasCjkFont, launchBrowser, noBrowser } from "../helpers/browser.ts";
import { tracedTasks, type MainThreadTask } from "../helpers/main-thread-tasks.ts";
import { serveSample, type ServedSample } from "../helpers/served-sample.ts";

const VERDICT = "gongkai-search-font-1";
const cjk = hasCjkFont();
const skip = noBrowser || (cjk === null ? "no fc-list to tell whether this machine has a CJK font" : false);
const skipCalls =
  noBrowser ||
  (cjk === false ? false : "a CJK font here (or no fc-list): the page makes no font calls of its own");
/** What the search page's own check finds here (font-verdict.test.ts). */
const here = cjk ? "font" : "boxes";

let served: ServedSample | undefined;
let browser: Browser;
let remembered: string | null = null;
let tasks: MainThreadTask[] = [];

before(async () => {
  if (skip) return;
  served = await serveSample("font-ahead");
  browser = await launchBrowser();
  const context = await browser.newContext();
  // A reader's first page of the site: the home page, then the search page.
  const home = await context.newPage();
  await home.goto(served.server.url);
  remembered = await home
    .waitForFunction((key) => localStorage.getItem(key), VERDICT, { timeout: 10_000 })
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  await home.close();
  // The search page next (as from the header's box: a new page, so the trace holds its tasks alone).
  const page = await context.newPage();
  tasks = await tracedTasks(browser, page, path.join(served.work, "trace-ahead.json"), async () => {
    await page.goto(`${served!.server.url}search/?${new URLSearchParams({ q: "低保" })}`);
    await page.waitForSelector("#search-app[data-state=done]");
  });
  await context.close();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test("a page other than the search page remembers what the search page's check finds", { skip }, () => {
  assert.equal(remembered, here);
});

test("the search page opened next makes no font call up to its head script", { skip: skipCalls }, () => {
  const head = tasks.findIndex((t) => t.storageCalls > 0);
  assert.ok(
    tasks.length > 20 && head >= 0,
    `the search page's head script in the trace (${tasks.length} tasks)`,
  );
  const early = tasks.slice(0, head + 1).filter((t) => t.syncCalls > 0);
  assert.deepEqual(
    early.map((t) => `task at ${(t.at / 1000).toFixed(1)} ms: ${t.syncCalls} sync font calls`),
    [],
  );
});
