/**
 * The statistics pages: the index of years (with the chart), one table per year, the audit list
 * behind every computed figure, and the annual report per report file. Each kind is one virtual
 * template paginating over data it derives from the build state.
 */
import { statisticsIndexPage, statisticsYearPage } from "../../layouts/statistics.ts";
import { annualReportPage } from "../../layouts/annual-report.ts";
import { listPage, type ListPageData } from "../../layouts/list.ts";
import type { BuildState, StateRef } from "../eleventy/state.ts";
import { statisticsRows } from "../config/statistics.ts";
import { auditKey, auditLists } from "../tallies/audit.ts";
import { describeQuery } from "../tallies/query.ts";
import { labelWithUnit, statisticsOf } from "../tallies/statistics.ts";
import { talliesUrls } from "../tallies/urls.ts";
import { SinglePage } from "./single-page.ts";
import { paginate, type ListSpec } from "./paginate.ts";
import type { ListStyle } from "../../layouts/parts/rows.ts";

export class StatisticsIndexPage extends SinglePage {
  readonly url = talliesUrls.statistics;
  protected renderPage(state: BuildState) {
    return statisticsIndexPage(state.ctx, state.tallies);
  }
}

/** A template paginating one item per page over `items(state)`. */
abstract class PerItemPages<T> {
  constructor(protected readonly state: StateRef) {}
  protected abstract items(state: BuildState): T[];
  protected abstract urlOf(item: T): string;
  protected abstract renderItem(state: BuildState, item: T): string;

  data() {
    return {
      entries: this.items(this.state.current),
      pagination: { data: "entries", size: 1, alias: "entry", addAllPagesToCollections: false },
      permalink: (data: { entry: T }) => this.urlOf(data.entry),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { entry: T }): string {
    return this.renderItem(this.state.current, data.entry);
  }
}

export class StatisticsYearPages extends PerItemPages<number> {
  protected items(state: BuildState) {
    return state.tallies.years;
  }
  protected urlOf(year: number) {
    return talliesUrls.statisticsYear(year);
  }
  protected renderItem(state: BuildState, year: number) {
    return statisticsYearPage(state.ctx, year, statisticsOf(state.portal, state.tallies, year));
  }
}

/** Every page of every audit list: exactly the items a computed figure counts, in the normal list layout. */
export function auditListPages(state: BuildState): ListPageData[] {
  const { portal, tallies } = state;
  const lists = auditLists(portal, tallies);
  const rows = statisticsRows(portal.site.statistics).filter((row) => row.count);
  const pages: ListPageData[] = [];
  for (const year of tallies.years) {
    for (const row of rows) {
      const items = lists.get(auditKey(year, row.key)) ?? [];
      const style: ListStyle = "policyKind" in row.count! ? "policy" : "guideType" in row.count! ? "guide" : "mixed";
      const spec: ListSpec = {
        base: talliesUrls.audit(year, row.key),
        title: `${year}年 ${labelWithUnit(row)}：${items.length}`,
        section: "statistics",
        breadcrumbs: [{ label: "政务公开统计", url: talliesUrls.statistics }, { label: `${year}年`, url: talliesUrls.statisticsYear(year) }, { label: row.label }],
        style,
        description: `统计口径：${describeQuery(row.count!)}。共 ${items.length} 条，逐条列出如下。`,
      };
      pages.push(...paginate(spec, items, portal.site.pageSize));
    }
  }
  return pages;
}

const auditCache = new WeakMap<BuildState, ListPageData[]>();

export class AuditListPages extends PerItemPages<ListPageData> {
  protected items(state: BuildState) {
    let pages = auditCache.get(state);
    if (!pages) auditCache.set(state, (pages = auditListPages(state)));
    return pages;
  }
  protected urlOf(list: ListPageData) {
    return list.url;
  }
  protected renderItem(state: BuildState, list: ListPageData) {
    return listPage(state.ctx, list);
  }
}

export class AnnualReportPages extends PerItemPages<number> {
  protected items(state: BuildState) {
    return [...state.portal.reports.keys()].filter((year) => Number.isInteger(year)).sort((a, b) => b - a);
  }
  protected urlOf(year: number) {
    return talliesUrls.report(year);
  }
  protected renderItem(state: BuildState, year: number) {
    return annualReportPage(state.ctx, year, state.portal.reports.get(year)!, state.tallies.byYear.get(year));
  }
}
