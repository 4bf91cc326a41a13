/**
 * Writes the pages of streamed page sources (detail pages, list pages) one at a time:
 * render, write, let go. Eleventy would keep every page's HTML until the end of the build, which
 * at 50k items is most of the memory and, through garbage collection, most of the time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import { templateName, type PageSource } from "../eleventy/page-source.ts";
import { outputFileOf } from "../eleventy/site-outputs.ts";

/** Renders every page of the streamed sources into `outDir`; returns how many were written. */
export async function writeStreamedPages(
  state: BuildState,
  sources: readonly PageSource[],
  outDir: string,
): Promise<number> {
  const streamed = new Set(sources.filter((s) => s.streamed).map(templateName));
  const pages = state.outputs.pages.filter((page) => streamed.has(page.template));
  for (const page of pages) {
    const file = path.join(outDir, outputFileOf(page.url));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await page.render());
  }
  return pages.length;
}
