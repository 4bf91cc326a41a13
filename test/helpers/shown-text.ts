/**
 * The text a sighted reader sees in a page's main content, as Chromium lays it out: the yardstick
 * the search index is held to (test/search/visible-text.test.ts, and the search harness's check of
 * its ground truth, bench/search-eval/truth-check.ts).
 *
 * `innerText` of `<main>` follows the CSS: `display: none` (and `hidden`, a closed `<details>`
 * beyond its summary) is left out, block, flex and table boxes end a line or a cell, inline boxes
 * join their neighbours; text that CSS generates (`::before`, list markers) is not text, as a copy
 * and paste does not carry it either. Before it is read, what a sighted reader does not see is
 * taken out (screen-reader-only text, `aria-hidden`), buttons (controls, not content) and a video's
 * fallback text; an image counts as its alt text (a poster described in words). When the page marks
 * parts with `data-search-body` (a topic page), only those count.
 */
import type { Page } from "playwright-core";

export async function shownTextOf(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const main = document.querySelector("main");
    if (!main) return "";
    for (const e of main.querySelectorAll(".visually-hidden, [aria-hidden=true], button")) e.remove();
    for (const img of main.querySelectorAll("img")) {
      const alt = document.createElement("div");
      alt.textContent = img.alt;
      img.replaceWith(alt);
    }
    for (const v of main.querySelectorAll("video, audio")) v.replaceChildren();
    const marked = main.querySelectorAll("[data-search-body]");
    return marked.length ? [...marked].map((e) => e.innerText).join("\\n") : main.innerText;
  })()`);
}

/** The runs between white space: the text compared, whatever line or tab separates two runs. */
export const wordsOf = (text: string): string[] => text.split(/\s+/u).filter(Boolean);
