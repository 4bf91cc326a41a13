/**
 * Writes the pages of streamed templates (detail pages, list pages) one at a time:
 * render, write, let go. Eleventy would keep every page's HTML until the end of the build, which
 * at 50k items is most of the memory and, through garbage collection, most of the time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { StateRef } from "../eleventy/state.ts";
import { expandPages, outputFileOf, recordPlugin, streamedTemplates } from "../eleventy/virtual-pages.ts";

/** Renders every streamed page into `outDir`; returns how many were written. */
export async function writeStreamedPages(ref: StateRef, outDir: string): Promise<number> {
  const registrations = recordPlugin(ref);
  const pages = await expandPages(registrations, streamedTemplates(ref));
  for (const page of pages) {
    const file = path.join(outDir, outputFileOf(page.url));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await page.render());
  }
  return pages.length;
}
