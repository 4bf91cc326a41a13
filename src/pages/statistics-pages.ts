/**
 * The statistics pages: the index of years (with the chart), one table per year, and the annual
 * report per report file. (The audit list behind every computed figure is a ListPages over
 * `gongkaiTallies.audits`, src/eleventy/plugin.ts.)
 */
import { statisticsIndexPage, statisticsYearPage } from "../../layouts/statistics.ts";
import { annualReportPage } from "../../layouts/annual-report.ts";
import type { BuildState, StateRef } from "../eleventy/state.ts";
import { statisticsOf } from "../tallies/statistics.ts";
import { auditListPages } from "./audit-lists.ts";
import type { ListPageData } from "../view/list-data.ts";
import { talliesUrls } from "../tallies/urls.ts";
import { SinglePage } from "./single-page.ts";
import type { SearchEntry, TypePage } from "../content-types/spec.ts";
import { reportLabel } from "../content-types/report.ts";

export class StatisticsIndexPage extends SinglePage {
  readonly url = talliesUrls.statistics;
  protected renderPage(state: BuildState) {
    return statisticsIndexPage(state.ctx, state.tallies);
  }
}

export interface TalliesPageData {
  years: number[];
  reports: number[];
  /** Every page of every audit list. */
  audits: ListPageData[];
}

const pageDataCache = new WeakMap<BuildState, TalliesPageData>();

/** The arrays the statistics templates paginate over, as global data (`gongkaiTallies`); computed once per build. */
export function talliesPageData(state: BuildState): TalliesPageData {
  let data = pageDataCache.get(state);
  if (!data) {
    const reports = [...state.portal.reports.keys()]
      .filter((year) => Number.isInteger(year))
      .sort((a, b) => b - a);
    pageDataCache.set(
      state,
      (data = { years: state.tallies.years, reports, audits: auditListPages(state.portal, state.tallies) }),
    );
  }
  return data;
}

/** One page per year of `gongkaiTallies.<list>`. */
abstract class PerYearPages {
  constructor(protected readonly state: StateRef) {}
  protected abstract readonly list: "years" | "reports";
  protected abstract urlOf(year: number): string;
  protected abstract renderYear(state: BuildState, year: number): string;

  data() {
    return {
      pagination: {
        data: `gongkaiTallies.${this.list}`,
        size: 1,
        alias: "year",
        addAllPagesToCollections: false,
      },
      permalink: (data: { year: number }) => this.urlOf(data.year),
      eleventyExcludeFromCollections: true,
    };
  }

  render(data: { year: number }): string {
    return this.renderYear(this.state.current, data.year);
  }
}

export class StatisticsYearPages extends PerYearPages {
  protected readonly list = "years";
  protected urlOf(year: number) {
    return talliesUrls.statisticsYear(year);
  }
  protected renderYear(state: BuildState, year: number) {
    return statisticsYearPage(state.ctx, year, statisticsOf(state.portal, state.tallies, year));
  }
}

/** The site's annual reports as pages search holds (src/search/search-pages.ts), by their headings. */
export function annualReportDocuments(state: BuildState): (TypePage & { search: SearchEntry })[] {
  const type = reportLabel(state.portal.types);
  return talliesPageData(state).reports.map((year) => {
    const report = state.portal.reports.get(year)!;
    return {
      url: talliesUrls.report(year),
      render: (ctx) => annualReportPage(ctx, year, report, state.tallies.byYear.get(year)),
      search: { title: report.fields.title, date: "", filters: { type, year: String(year) } },
    };
  });
}

export class AnnualReportPages extends PerYearPages {
  protected readonly list = "reports";
  protected urlOf(year: number) {
    return talliesUrls.report(year);
  }
  protected renderYear(state: BuildState, year: number) {
    return annualReportPage(state.ctx, year, state.portal.reports.get(year)!, state.tallies.byYear.get(year));
  }
}
