/**
 * Writes the pages of streamed page sources (detail pages, list pages) one at a time:
 * render, write, let go. Eleventy would keep every page's HTML until the end of the build, which
 * at 50k items is most of the memory and, through garbage collection, most of the time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { templateName, type PageSource } from "../eleventy/page-source.ts";
import { outputFileOf, type VirtualPage } from "../eleventy/site-outputs.ts";
import { encodePage, mainDigest, pageFacts, writtenPagesOf, type PageFacts } from "./written-pages.ts";

/**
 * The pages of the streamed sources, the one-off pages (home, 404, search …) first: `npm start`
 * serves each page as soon as it is written, and the home page should not wait for 50k items.
 */
export function streamedPages(state: BuildState, sources: readonly PageSource[]): VirtualPage[] {
  const streamed = new Set(sources.filter((s) => s.streamed).map(templateName));
  // One pass, the template's answer taken once per run of its pages (~80k pages, a few templates).
  const oneOff: VirtualPage[] = [];
  const items: VirtualPage[] = [];
  let template: string | undefined;
  let taken = false;
  for (const page of state.outputs.pages) {
    if (page.template !== template) taken = streamed.has((template = page.template));
    if (taken) (page.item === undefined ? oneOff : items).push(page);
  }
  for (const page of items) oneOff.push(page);
  return oneOff;
}

/**
 * Lets the event loop run every ~50 ms of rendering: `npm start` answers requests from the pages
 * written so far while its first build renders, and a loop of awaited synchronous renders would
 * hold every request until the build's first real wait (the search index, minutes at 50k).
 */
export function eventLoopTurns(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < 50) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}

/**
 * Renders one page and writes it at its URL's file under `outDir` (every thread writes through
 * this); returns what the manifest and the sitemap need to know of it (written-pages.ts), and with
 * `main` its `<main>`'s digest (for the build cache's search shards).
 */
export async function writePage(outDir: string, page: VirtualPage, main = false): Promise<PageFacts> {
  const file = path.join(outDir, outputFileOf(page.url));
  mkdirSync(path.dirname(file), { recursive: true });
  const text = await page.render();
  const bytes = encodePage(text);
  writeFileSync(file, bytes);
  const facts = pageFacts(text, bytes);
  if (main) facts.push(mainDigest(text));
  return facts;
}

/** Renders every page of the streamed sources into `outDir`; returns how many were written. */
export async function writeStreamedPages(
  state: BuildState,
  sources: readonly PageSource[],
  outDir: string,
): Promise<number> {
  const pages = streamedPages(state, sources);
  const written = writtenPagesOf(state);
  const turn = eventLoopTurns();
  for (const page of pages) {
    await turn();
    written.set(outputFileOf(page.url), await writePage(outDir, page));
  }
  return pages.length;
}
