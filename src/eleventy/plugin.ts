/**
 * Gongkai as an Eleventy plugin. Reads like a table of contents: data, generated pages, assets.
 * Pages are virtual templates (classes with data() and render()) paginating over the records
 * that src/content/ validated, so Eleventy never sees one template per content file.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { StateRef } from "./state.ts";
import { templateName, type PageSource } from "./page-source.ts";
import { feedsOf } from "../feeds/feeds.ts";
import { talliesPageData } from "../pages/statistics-pages.ts";
import { lettersPageData } from "../pages/letter-statistics-pages.ts";
import { websiteReportPageData } from "../pages/website-report-pages.ts";
import { typePagesOf } from "../pages/type-pages.ts";

export const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");

/** The subset of Eleventy's UserConfig this plugin uses (Eleventy ships no TypeScript types). */
export interface EleventyConfigLike {
  addGlobalData(name: string, data: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: unknown): void;
  addPassthroughCopy(copy: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setQuietMode(quiet: boolean): void;
  on(event: string, callback: (...args: unknown[]) => unknown): void;
}

/** Registers the global data, the page sources Eleventy renders (not the streamed ones) and the assets. */
export function gongkaiPlugin(
  eleventyConfig: EleventyConfigLike,
  ref: StateRef,
  sources: readonly PageSource[],
): void {
  // Data: only the arrays the page templates paginate over; layouts read the rest from `ref`.
  eleventyConfig.addGlobalData("gongkai", () => ({
    details: ref.current.details,
    lists: ref.current.lists,
    feeds: feedsOf(ref.current.portal),
  }));
  eleventyConfig.addGlobalData("gongkaiTallies", () => talliesPageData(ref.current));
  eleventyConfig.addGlobalData("gongkaiLetters", () => lettersPageData(ref.current));
  eleventyConfig.addGlobalData("gongkaiWebsiteReport", () => websiteReportPageData(ref.current));
  eleventyConfig.addGlobalData("gongkaiPages", () => typePagesOf(ref.current));

  // Generated pages
  for (const source of sources)
    if (!source.streamed) eleventyConfig.addTemplate(templateName(source), source.create(ref));

  // The portal's own assets. The editors' media files are copied by src/media/copy-step.ts, not
  // here: a passthrough copy would follow symbolic links and publish embargoed files.
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: "assets" });
}
