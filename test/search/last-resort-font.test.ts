/**
 * The search page's last-resort face (src/assets/search-first-layout.js, search.css): on a machine
 * without a CJK font (this kind: `fc-list :lang=zh` is empty) Chinese text is drawn with a face the
 * page makes itself, the boxes the machine drew before, so laying it out asks the browser for no
 * fallback font. Where a CJK font is installed the face is not made and nothing changes.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { hasCjkFont, launchBrowser, noBrowser } from "../helpers/browser.ts";
import { serveSample, type ServedSample } from "../helpers/served-sample.ts";

const cjk = hasCjkFont();
/** Why the tests of the face cannot run here: no browser, or a CJK font (the face is then never made). */
const skip =
  noBrowser ||
  (cjk === null ? "no fc-list to tell whether this machine has a CJK font" : false) ||
  (cjk ? "this machine has a CJK font: the page never makes the last-resort face" : false);
/**
 * …and of the page with a CJK font: run it with one, e.g. Debian's fonts-noto-cjk unpacked anywhere and
 * FONTCONFIG_FILE naming a file that includes /etc/fonts/fonts.conf and adds its folder (docs/search.md).
 */
const skipWithCjk = noBrowser || (cjk ? false : "no CJK font here (see FONTCONFIG_FILE above)");

let served: ServedSample | undefined;
let browser: Browser;

before(async () => {
  if (noBrowser || cjk === null) return;
  served = await serveSample("last-resort");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

async function searchPage(query: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${served!.server.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector("#search-app[data-state=done]");
  await page.waitForSelector("#search-results:not([aria-busy])", { state: "attached" });
  return page;
}

test("without a CJK font the page makes the face and draws its Chinese text with it", { skip }, async () => {
  const page = await searchPage("低保");
  const seen = await page.evaluate(() => {
    const face = [...document.fonts].find((f) => f.family === "Gongkai Last Resort");
    return {
      marked: document.documentElement.classList.contains("search-last-resort"),
      status: face?.status,
      family: getComputedStyle(document.body).fontFamily,
      // Drawn with the face alone: its box, 0.6 em wide, where a character of no font would be blank
      // or the primary font's .notdef.
      width: (() => {
        const context = new OffscreenCanvas(1, 1).getContext("2d")!;
        context.font = '100px "Gongkai Last Resort"';
        return context.measureText("站内搜索。（一）").width;
      })(),
      ideographicSpace: (() => {
        const context = new OffscreenCanvas(1, 1).getContext("2d")!;
        context.font = '100px "Gongkai Last Resort"';
        const m = context.measureText("\u3000");
        return [m.width, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent];
      })(),
    };
  });
  assert.equal(seen.marked, true);
  assert.equal(seen.status, "loaded");
  assert.match(seen.family, /"Gongkai Last Resort"$/);
  assert.ok(Math.abs(seen.width - 8 * 60) < 1, `eight boxes 60 px wide at 100 px, got ${seen.width}`);
  assert.deepEqual(seen.ideographicSpace, [100, 0], "U+3000 is a blank 1 em wide, as the shaper makes it");
  await page.close();
});

test(
  "with the face, loading the page and its results asks the browser for one fallback font, for the script's own 一",
  { skip },
  async () => {
    const page = await browser.newPage();
    const trace = path.join(served!.work, "trace.json");
    await browser.startTracing(page, { path: trace, categories: ["blink", "fonts", "devtools.timeline"] });
    await page.goto(`${served!.server.url}search/?q=${encodeURIComponent("行政许可")}`);
    await page.waitForSelector("#search-app[data-state=done]");
    await page.waitForSelector("#search-results:not([aria-busy])", { state: "attached" });
    await page.waitForTimeout(300); // the held parts, shown one a frame
    await browser.stopTracing();
    const { traceEvents } = JSON.parse(readFileSync(trace, "utf8")) as { traceEvents: { name: string }[] };
    const lookups = traceEvents.filter((e) => e.name === "FontCache::FallbackFontForCharacter").length;
    // Without the face: about 60 a page load, one per run of Chinese text laid out (docs/search.md);
    // the footer's badge (dzjg.svg) draws its 党政机关 as outlines, so its image asks for none.
    assert.ok(lookups <= 1, `font-fallback lookups: ${lookups}`);
    await page.close();
  },
);

test(
  "the page is laid out as without the face: the same boxes, the same widths and heights",
  { skip },
  async () => {
    const page = await searchPage("低保");
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("h1, .search-hint, .search-result-title, .site-title, label")].map(
          (e) => {
            const r = e.getBoundingClientRect();
            return `${r.width}×${r.height}`;
          },
        ),
      );
    const withFace = await boxes();
    await page.evaluate(() => document.documentElement.classList.remove("search-last-resort"));
    assert.deepEqual(await boxes(), withFace);
    await page.close();
  },
);

test("with a CJK font the page makes no face and keeps site.css's stack", { skip: skipWithCjk }, async () => {
  const page = await searchPage("低保");
  const seen = await page.evaluate(() => ({
    marked: document.documentElement.classList.contains("search-last-resort"),
    faces: [...document.fonts].map((f) => f.family),
    family: getComputedStyle(document.body).fontFamily,
  }));
  assert.equal(seen.marked, false);
  assert.deepEqual(seen.faces, []);
  assert.match(seen.family, /"Noto Sans CJK SC"/);
  await page.close();
});
