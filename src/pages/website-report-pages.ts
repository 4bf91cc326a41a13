/**
 * 政府网站工作年度报表 pages: one per year (layouts/website-report.ts) and, for every computed row,
 * the list of exactly the items it counts (the audit lists, in the normal list layout); the JSON.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { websiteReportPage, websiteReportTitle } from "../../layouts/website-report.ts";
import type { SearchEntry } from "../content-types/spec.ts";
import type { BuildState, StateRef } from "../eleventy/state.ts";
import type { BuildStep } from "../build/steps.ts";
import type { ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import type { LayoutContext } from "../view/context.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { talliesUrls } from "../tallies/urls.ts";
import { websiteReportOf, websiteReportYears } from "../tallies/website-report.ts";
import { paginate } from "./paginate.ts";

/** A year's 年度报表 page, with what it shows as its `inputs` (src/content-types/spec.ts TypePage). */
export interface YearReportPage {
  url: string;
  inputs: unknown[];
  render(ctx: LayoutContext): string;
  search: SearchEntry;
}

export interface WebsiteReportPageData {
  years: number[];
  reports: YearReportPage[];
  audits: ListPageData[];
}

const cache = new WeakMap<Portal, WebsiteReportPageData>();

/** The arrays the 年度报表 templates paginate over (global data `gongkaiWebsiteReport`). */
export function websiteReportPageData(state: BuildState): WebsiteReportPageData {
  let data = cache.get(state.portal);
  if (!data) {
    const years = websiteReportYears(state.portal, state.tallies.years);
    const reports = years.map((year) => yearReportPage(state.portal, year));
    cache.set(state.portal, (data = { years, reports, audits: auditPages(state.portal, years) }));
  }
  return data;
}

/**
 * The page declares the figures it shows (each row's key, value and source; the labels are the
 * template's, in the code), which the build cache compares instead of what computing them read:
 * every record, so one title edit rendered every year's page again, each computing its report
 * again through the trace proxies (the memo is per portal, and the proxy is another portal).
 */
function yearReportPage(portal: Portal, year: number): YearReportPage {
  const sections = websiteReportOf(portal, year);
  return {
    url: interactionUrls.websiteReport(year),
    inputs: [year, sections.map((s) => [s.title, s.rows.map((r) => [r.spec.key, r.value, r.source])])],
    render: (ctx) => websiteReportPage(ctx, year, sections),
    search: {
      title: websiteReportTitle(portal.site, year),
      date: "",
      filters: { type: "年度报表", year: String(year) },
    },
  };
}

function auditPages(portal: Portal, years: readonly number[]): ListPageData[] {
  const pages: ListPageData[] = [];
  for (const year of years)
    for (const section of websiteReportOf(portal, year))
      for (const row of section.rows) {
        if (row.source !== "computed") continue;
        const items = row.computed!.items;
        pages.push(
          ...paginate(
            {
              base: interactionUrls.websiteReportAudit(year, row.spec.key),
              title: `${year}年 ${section.title}：${row.spec.label}（${row.value}）`,
              section: "statistics",
              breadcrumbs: [
                { label: "政务公开统计", url: talliesUrls.statistics },
                { label: `${year}年政府网站工作年度报表`, url: interactionUrls.websiteReport(year) },
                { label: row.spec.label },
              ],
              style: row.computed!.style ?? "mixed",
              description: `政府网站工作年度报表“${section.title}：${row.spec.label}”所统计的 ${items.length} 条信息，逐条列出如下。`,
            },
            items,
            portal.site.pageSize,
          ),
        );
      }
  return pages;
}

export class WebsiteReportPages {
  constructor(private readonly state: StateRef) {}
  data() {
    return {
      pagination: {
        data: "gongkaiWebsiteReport.reports",
        size: 1,
        alias: "report",
        addAllPagesToCollections: false,
      },
      permalink: (data: { report: YearReportPage }) => data.report.url,
      eleventyExcludeFromCollections: true,
    };
  }
  render(data: { report: YearReportPage }): string {
    return data.report.render(this.state.current.ctx);
  }
}

/** /open-data/website-report.json: every year's rows with their source and, when counted, their items' address. */
export function websiteReportJson(portal: Portal, years: readonly number[]): string {
  const { site } = portal;
  const data = {
    version: 1,
    site: { name: site.name, url: absoluteUrl(site, "/") },
    years: years.map((year) => ({
      year,
      page: absoluteUrl(site, interactionUrls.websiteReport(year)),
      sections: websiteReportOf(portal, year).map((section) => ({
        title: section.title,
        rows: section.rows.map((row) => ({
          key: row.spec.key,
          label: row.spec.label,
          unit: row.spec.unit ?? null,
          value: row.value ?? null,
          source: row.source,
          items:
            row.source === "computed"
              ? absoluteUrl(site, interactionUrls.websiteReportAudit(year, row.spec.key))
              : null,
        })),
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const websiteReportStep: BuildStep = {
  name: "website report open data",
  outputs: () => [interactionUrls.websiteReportJson],
  run(state, outDir) {
    const file = path.join(outDir, interactionUrls.websiteReportJson);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, websiteReportJson(state.portal, websiteReportPageData(state).years));
  },
};
