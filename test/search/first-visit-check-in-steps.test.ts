/**
 * A reader's first visit of the search page (a shared link: no verdict remembered), on a machine
 * without a CJK font: the check whether a font draws 一 is made in three tasks of at most two
 * synchronous font calls, not in the head script's task (six calls there, 34–145 ms of wall on a busy
 * machine: issue 14's "never blocked for more than 50 ms"). Meanwhile <html> is not displayed (set by
 * the head script, no stylesheet to wait for), so no layout comes before the verdict: a layout without
 * it made dozens of font calls in one task. Once the check is done the page is shown and the verdict
 * remembered; without JavaScript nothing is held.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Browser } from "playwright-core";
import { hasCjkFont, launchBrowser, noBrowser } from "../helpers/browser.ts";
import { describedTask, tracedTasks, type MainThreadTask } from "../helpers/main-thread-tasks.ts";
import { serveSample, type ServedSample } from "../helpers/served-sample.ts";

const skip = noBrowser;
const skipCalls =
  noBrowser ||
  (hasCjkFont() === false
    ? false
    : "a CJK font here (or no fc-list): the page makes no font calls of its own");
/** The most synchronous font calls one task of a first visit may make: a step of the check, or the
 * first layout after it (3 seen; a layout before the verdict made 38). */
const CALLS_PER_TASK = 5;

let served: ServedSample | undefined;
let browser: Browser;
let tasks: MainThreadTask[] = [];
let seen: { display: string; inline: string; remembered: string | null; status: number } | undefined;
let noScript: { display: string; status: number } | undefined;

before(async () => {
  if (skip) return;
  served = await serveSample("first-visit-check");
  browser = await launchBrowser();
  // Chromium's first page starts the browser's own services (fonts included): not the page's.
  const warm = await browser.newPage();
  await warm.goto(`${served.server.url}search/`);
  await warm.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  tasks = await tracedTasks(
    browser,
    page,
    path.join(served.work, "trace-first-visit-check.json"),
    async () => {
      await page.goto(`${served!.server.url}search/?${new URLSearchParams({ q: "低保" })}`);
      await page.waitForSelector("#search-app[data-state=done]");
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
    },
  );
  seen = await page.evaluate(() => ({
    display: getComputedStyle(document.documentElement).display,
    inline: document.documentElement.getAttribute("style") ?? "",
    remembered: localStorage.getItem("gongkai-search-font-1"),
    status: document.getElementById("search-status")?.getBoundingClientRect().height ?? 0,
  }));
  await context.close();
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const plain = await bare.newPage();
  await plain.goto(`${served.server.url}search/`);
  noScript = await plain.evaluate(() => ({
    display: getComputedStyle(document.documentElement).display,
    status: document.querySelector("main")?.getBoundingClientRect().height ?? 0,
  }));
  await bare.close();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

test("a first visit's head script makes no synchronous font call", { skip: skipCalls }, () => {
  assert.ok(tasks.length > 20, `the page's main thread in the trace (${tasks.length} tasks)`);
  const head = tasks.find((t) => t.storageCalls > 0);
  assert.ok(head, "the head script reads localStorage");
  assert.equal(head.syncCalls, 0, describedTask(head));
});

test(
  `no task of a first visit makes more than ${CALLS_PER_TASK} synchronous font calls`,
  { skip: skipCalls },
  () => {
    const over = tasks.filter((t) => t.syncCalls > CALLS_PER_TASK);
    assert.deepEqual(over.map(describedTask), []);
    const steps = tasks.filter((t) => t.syncCalls > 0);
    assert.ok(steps.length >= 3, `the check's steps and the layouts: ${steps.map(describedTask).join("\n")}`);
  },
);

test("once checked the page is shown, nothing left held, the verdict remembered", { skip }, () => {
  assert.ok(seen);
  assert.equal(seen.display, "block");
  assert.equal(seen.inline, "");
  assert.ok(seen.remembered === "boxes" || seen.remembered === "font", String(seen.remembered));
  assert.ok(seen.status > 0, "the status line is laid out");
});

test("without JavaScript nothing is held", { skip }, () => {
  assert.ok(noScript);
  assert.equal(noScript.display, "block");
  assert.ok(noScript.status > 0);
});
