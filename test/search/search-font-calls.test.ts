/**
 * What the search page asks the browser synchronously (issue 14: "the page never blocked for more
 * than 50 ms"), from a Chrome trace of a real search: on a machine without a CJK font, the
 * synchronous font calls each task waits on (each a wait for browser threads, 10–55 ms under load
 * for 0.1 ms of work: docs/search.md, "The page's main thread").
 *
 * How long the page's tasks take is a figure of the benchmark, not of this test (a task's CPU on a
 * shared machine is the machine's too: a fresh-clone CI on a slow day saw a 104 ms task the page
 * takes 20–29 ms for idle). `npm run search:eval` counts the long tasks of every query;
 * `bench/search-eval/long-task-traces.ts` breaks them down.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { hasCjkFont, launchBrowser, noBrowser } from "../helpers/browser.ts";
import { describedTask, tracedTasks, type MainThreadTask } from "../helpers/main-thread-tasks.ts";
import { serveSample, type ServedSample } from "../helpers/served-sample.ts";

/**
 * Synchronous font calls a search page load makes without a CJK font (12–13 since session 19's
 * first-visit check in steps, as the first frame comes before or after the queued size checks; 11
 * before, 18 while the last-resort stack named sans-serif too): one size's settings for each weight
 * and size the page shows (16 and bold 16 matched, bold 28, bold 18, 15) and, after the results,
 * the check of 一 (the standard family matched at 16px with its settings, the fallback lookup for 一
 * and its match). A later visit checks its remembered verdict in the search Worker (its calls wait
 * there, search-font-probe.js), so only a first visit makes that check here.
 */
const SYNC_FONT_CALLS = 13;
/**
 * The check of 一 made six synchronous font calls in the head script's task on every load; its
 * verdict is now remembered, so a later visit's head script opens the storage (its first storage
 * calls) and asks the browser no font. What comes after it is the page's layout, whose font calls
 * depend on where it falls between the canvas tasks (3 to 5 seen): the load's total is held by
 * SYNC_FONT_CALLS instead.
 */

const cjk = hasCjkFont();
const skipCalls =
  noBrowser ||
  (cjk === false ? false : "a CJK font here (or no fc-list): the page makes no font calls of its own");

let served: ServedSample | undefined;
let browser: Browser;
/** Each traced load: a reader's first visit of the search page, then a later one (the same browser profile). */
const loads: { name: string; tasks: MainThreadTask[] }[] = [];

async function tracedSearch(context: BrowserContext, name: string) {
  const page = await context.newPage();
  const traceFile = path.join(served!.work, `trace-${loads.length}.json`);
  const tasks = await tracedTasks(browser, page, traceFile, async () => {
    await page.goto(`${served!.server.url}search/?${new URLSearchParams({ q: "低保" })}`);
    await page.waitForSelector("#search-app[data-state=done]");
    // The rest of the results, the held parts and the footer's badge: every task of the load.
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
    await page.waitForTimeout(300); // the check of a remembered verdict, after the held parts
  });
  await page.close();
  loads.push({ name, tasks });
}

before(async () => {
  if (skipCalls) return;
  served = await serveSample("main-thread");
  browser = await launchBrowser();
  const context = await browser.newContext();
  // Chromium's first page starts the browser's own services (fonts included): not the page's.
  const warm = await context.newPage();
  await warm.goto(served.server.url);
  await warm.close();
  await tracedSearch(context, "first visit");
  await tracedSearch(context, "later visit");
  await context.close();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test(
  `without a CJK font a search makes at most ${SYNC_FONT_CALLS} synchronous font calls to the browser`,
  { skip: skipCalls },
  () => {
    for (const { name, tasks } of loads) {
      assert.ok(tasks.length > 20, `${name}: the page's main thread in the trace (${tasks.length} tasks)`);
      const calls = tasks.reduce((s, t) => s + t.syncCalls, 0);
      const listed = tasks.filter((t) => t.syncCalls).map(describedTask);
      assert.ok(calls <= SYNC_FONT_CALLS, `${name}: ${calls} calls:\n${listed.join("\n")}`);
    }
  },
);

test(
  "a later visit's head script reads the remembered check of 一 and makes no font call before it",
  { skip: skipCalls },
  () => {
    const { tasks } = loads.find((l) => l.name === "later visit")!;
    const head = tasks.findIndex((t) => t.storageCalls > 0);
    assert.ok(head >= 0, "the head script reads localStorage");
    const early = tasks.slice(0, head + 1).filter((t) => t.syncCalls > 0);
    assert.deepEqual(early.map(describedTask), []);
  },
);
