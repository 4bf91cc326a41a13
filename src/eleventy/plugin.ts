/**
 * Gongkai as an Eleventy plugin. Reads like a table of contents: data, generated pages, assets.
 * Pages are virtual templates (classes with data() and render()) paginating over the records
 * that src/content/ validated, so Eleventy never sees one template per content file.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { StateRef } from "./state.ts";
import { DetailPages } from "../pages/detail-pages.ts";
import { ListPages } from "../pages/list-pages.ts";
import { HomePage } from "../pages/home.ts";
import {
  ContactPage,
  NotFoundPage,
  SearchPage,
  SitemapPage,
  ThemeCss,
  TopicsIndexPage,
} from "../pages/misc-pages.ts";
import { FeedPages } from "../pages/feed-pages.ts";
import { feedsOf } from "../feeds/feeds.ts";
import {
  AnnualReportPages,
  StatisticsIndexPage,
  StatisticsYearPages,
  talliesPageData,
} from "../pages/statistics-pages.ts";

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

/**
 * Generated pages, each one virtual template. Other modules add theirs with `pageTemplates.push`.
 * `streamed`: rendered and written one page at a time by src/build/streamed-pages.ts instead of
 * Eleventy, which keeps every page's HTML in memory until its build ends; for templates with one
 * page per content item.
 */
export const pageTemplates: { name: string; create: (ref: StateRef) => object; streamed?: boolean }[] = [
  { name: "details", create: (ref) => new DetailPages(ref), streamed: true },
  { name: "lists", create: (ref) => new ListPages(ref), streamed: true },
  { name: "home", create: (ref) => new HomePage(ref) },
  { name: "sitemap", create: (ref) => new SitemapPage(ref) },
  { name: "contact", create: (ref) => new ContactPage(ref) },
  { name: "topics", create: (ref) => new TopicsIndexPage(ref) },
  { name: "search", create: (ref) => new SearchPage(ref) },
  { name: "not-found", create: (ref) => new NotFoundPage(ref) },
  { name: "theme-css", create: (ref) => new ThemeCss(ref) },
  { name: "feeds", create: () => new FeedPages() },
  { name: "statistics", create: (ref) => new StatisticsIndexPage(ref) },
  { name: "statistics-years", create: (ref) => new StatisticsYearPages(ref) },
  { name: "annual-reports", create: (ref) => new AnnualReportPages(ref) },
  { name: "statistics-audit", create: (ref) => new ListPages(ref, "gongkaiTallies.audits"), streamed: true },
];

export function gongkaiPlugin(eleventyConfig: EleventyConfigLike, ref: StateRef): void {
  // Data: only the arrays the page templates paginate over; layouts read the rest from `ref`.
  eleventyConfig.addGlobalData("gongkai", () => ({
    details: ref.current.details,
    lists: ref.current.lists,
    feeds: feedsOf(ref.current.portal),
  }));
  eleventyConfig.addGlobalData("gongkaiTallies", () => talliesPageData(ref.current));

  // Generated pages
  for (const page of pageTemplates)
    if (!page.streamed) eleventyConfig.addTemplate(`gongkai-${page.name}.11ty.js`, page.create(ref));

  // Assets: the portal's own, and the editors' media files
  eleventyConfig.addPassthroughCopy({
    [ASSETS_DIR]: "assets",
    [path.join(ref.current.options.contentDir, "media")]: "media",
  });
}
