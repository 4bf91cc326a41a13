/**
 * The portal's page sources (each one virtual template), in a file of their own: the cache keys
 * (src/build/cache/described.ts) name their functions by place, and src/build/defaults.ts, with
 * the after-render steps, is itself imported by the cache through the media step.
 */
import type { PageSource } from "../eleventy/page-source.ts";
import { DETAIL_SOURCE, DetailPages } from "../pages/detail-pages.ts";
import { ListPages } from "../pages/list-pages.ts";
import { HomePage } from "../pages/home.ts";
import {
  ContactPage,
  NotFoundPage,
  SearchCss,
  SearchPage,
  SitemapPage,
  ThemeCss,
  TopicsIndexPage,
} from "../pages/misc-pages.ts";
import { FeedPages } from "../pages/feed-pages.ts";
import { TypePages } from "../pages/type-pages.ts";
import { AnnualReportPages, StatisticsIndexPage, StatisticsYearPages } from "../pages/statistics-pages.ts";
import { InteractionPage } from "../pages/interaction-page.ts";
import { LetterStatisticsPages } from "../pages/letter-statistics-pages.ts";
import { WebsiteReportPages } from "../pages/website-report-pages.ts";

export const defaultPageSources: readonly PageSource[] = [
  { name: DETAIL_SOURCE, create: (ref) => new DetailPages(ref), streamed: true },
  { name: "lists", create: (ref) => new ListPages(ref), streamed: true },
  { name: "home", create: (ref) => new HomePage(ref), streamed: true },
  { name: "sitemap", create: (ref) => new SitemapPage(ref), streamed: true },
  { name: "contact", create: (ref) => new ContactPage(ref), streamed: true },
  { name: "topics", create: (ref) => new TopicsIndexPage(ref), streamed: true },
  { name: "search", create: (ref) => new SearchPage(ref), streamed: true },
  { name: "not-found", create: (ref) => new NotFoundPage(ref), streamed: true },
  { name: "theme-css", create: (ref) => new ThemeCss(ref), streamed: true },
  { name: "search-css", create: (ref) => new SearchCss(ref), streamed: true },
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
