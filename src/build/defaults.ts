/**
 * What a Gongkai build is made of, as values: the page sources (each one virtual template) and
 * the after-render steps. `buildSite`, `npm run check` and the dev server take these unless told
 * otherwise; a test or another site passes its own list.
 */
import type { PageSource } from "../eleventy/page-source.ts";
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
import { TypePages } from "../pages/type-pages.ts";
import { AnnualReportPages, StatisticsIndexPage, StatisticsYearPages } from "../pages/statistics-pages.ts";
import type { BuildStep } from "./steps.ts";
import type { SiteParts } from "./outputs.ts";
import { headersStep } from "./headers-file.ts";
import { mediaStep } from "../media/copy-step.ts";
import { sitemapStep } from "./sitemap-xml.ts";
import { manifestStep } from "./manifest.ts";
import { openDataStep } from "../tallies/open-data-step.ts";
import { searchIndexStep } from "../search/index-step.ts";
import { InteractionPage } from "../pages/interaction-page.ts";
import { LetterStatisticsPages } from "../pages/letter-statistics-pages.ts";
import { lettersOpenDataStep } from "../tallies/letters-open-data-step.ts";
import { WebsiteReportPages, websiteReportStep } from "../pages/website-report-pages.ts";
import { adminStep } from "../cms/admin-step.ts";

export const defaultPageSources: readonly PageSource[] = [
  { name: "details", create: (ref) => new DetailPages(ref), streamed: true },
  { name: "lists", create: (ref) => new ListPages(ref), streamed: true },
  { name: "home", create: (ref) => new HomePage(ref), streamed: true },
  { name: "sitemap", create: (ref) => new SitemapPage(ref), streamed: true },
  { name: "contact", create: (ref) => new ContactPage(ref), streamed: true },
  { name: "topics", create: (ref) => new TopicsIndexPage(ref), streamed: true },
  { name: "search", create: (ref) => new SearchPage(ref), streamed: true },
  { name: "not-found", create: (ref) => new NotFoundPage(ref), streamed: true },
  { name: "theme-css", create: (ref) => new ThemeCss(ref), streamed: true },
  { name: "feeds", create: () => new FeedPages(), streamed: true },
  { name: "statistics", create: (ref) => new StatisticsIndexPage(ref), streamed: true },
  { name: "statistics-years", create: (ref) => new StatisticsYearPages(ref), streamed: true },
  { name: "annual-reports", create: (ref) => new AnnualReportPages(ref), streamed: true },
  { name: "statistics-audit", create: (ref) => new ListPages(ref, "gongkaiTallies.audits"), streamed: true },
  { name: "interaction", create: (ref) => new InteractionPage(ref), streamed: true },
  { name: "letter-statistics", create: (ref) => new LetterStatisticsPages(ref), streamed: true },
  { name: "letter-audit", create: (ref) => new ListPages(ref, "gongkaiLetters.audits"), streamed: true },
  { name: "website-report", create: (ref) => new WebsiteReportPages(ref), streamed: true },
  {
    name: "website-report-audit",
    create: (ref) => new ListPages(ref, "gongkaiWebsiteReport.audits"),
    streamed: true,
  },
  { name: "type-pages", create: (ref) => new TypePages(ref), streamed: true },
];

/** In list order unless a step names what it comes after (the manifest: after all others). */
export const defaultSteps: readonly BuildStep[] = [
  // First: the steps after it that describe the output (sitemap, manifest) find the media there.
  mediaStep,
  headersStep,
  openDataStep,
  lettersOpenDataStep,
  websiteReportStep,
  searchIndexStep(),
  sitemapStep(),
  adminStep,
  manifestStep,
];

export const defaultParts: SiteParts = { pages: defaultPageSources, steps: defaultSteps };
