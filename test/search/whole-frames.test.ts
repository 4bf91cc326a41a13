/**
 * The search page is laid out in few frames (issue 14: "the page never blocked for more than 50 ms";
 * docs/search.md, task44). Each frame is a main-thread task, and raster and compositor work on the
 * threads beside it; on a busy two-core machine those are what a task waits for past 50 ms. So
 * nothing of the page is held back from its first layout (sessions 17–41 showed the toolbar, the
 * navigation and the footer one per frame after it), and the results a search's answer brings are
 * appended at once, not three a frame.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { noBrowser } from "../helpers/browser.ts";
import { sampleInBrowser } from "../helpers/served-sample.ts";
import { FIRST_SHOWN } from "../../src/assets/search-query.js";

const skip = noBrowser;
const run = sampleInBrowser("whole-frames", skip);
/** The parts search.css held back (`content-visibility: hidden`) until after the first layout. */
const PARTS = [
  ".toolbar",
  ".main-nav ul",
  ".breadcrumbs",
  ".footer-links",
  ".footer-channels",
  ".footer-body",
];

interface Seen {
  /** The parts found when the body was parsed, and those of them not laid out (not `visible`). */
  parts?: string[];
  held?: string[];
  /** The results appended by each task (one MutationObserver callback per task that appended any). */
  batches: number[];
}

test(
  "nothing is held back from the first layout, and an answer's results are appended at once",
  { skip },
  async () => {
    // Wide: the toolbar and the navigation were held on screens wider than 40em only.
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((parts: string[]) => {
      const seen: Seen = { batches: [] };
      (window as unknown as { __seen: Seen }).__seen = seen;
      document.addEventListener(
        "DOMContentLoaded",
        () => {
          const found = parts.filter((p) => document.querySelector(p));
          seen.parts = found;
          seen.held = found.filter(
            (p) => getComputedStyle(document.querySelector(p)!).contentVisibility !== "visible",
          );
        },
        { once: true },
      );
      new MutationObserver((records) => {
        const added = records
          .flatMap((r) => [...r.addedNodes])
          .filter((n) => n instanceof HTMLElement && n.classList.contains("search-result")).length;
        if (added) seen.batches.push(added);
      }).observe(document, { childList: true, subtree: true });
    }, PARTS);
    const page = await context.newPage();
    await page.goto(`${run.served!.server.url}search/?${new URLSearchParams({ q: "低保" })}`);
    await page.waitForSelector("#search-app[data-state=done]");
    await page.waitForFunction(() => !document.getElementById("search-results")?.hasAttribute("aria-busy"));
    const seen = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const results = await page.locator(".search-result").count();
    await context.close();
    assert.deepEqual(seen.parts, PARTS, "every part of the page is there when the body is parsed");
    assert.deepEqual(seen.held, [], "parts not laid out with the first layout");
    assert.ok(results > FIRST_SHOWN, `more results than the answer brings (${results})`);
    assert.equal(
      seen.batches[0],
      FIRST_SHOWN,
      `the answer's results, appended by task: ${seen.batches.join(", ")}`,
    );
  },
);
