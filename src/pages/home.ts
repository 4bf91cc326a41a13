/** The home page, with the site-wide publication count from the tallies. */
import { homePage } from "../../layouts/home.ts";
import { cellValue } from "../tallies/compute.ts";
import type { BuildState } from "../eleventy/state.ts";
import { SinglePage } from "./single-page.ts";
import { DateTime } from "luxon";
import { websiteReportNotice } from "../../layouts/website-report.ts";
import { websiteReportYears } from "../tallies/website-report.ts";

/**
 * In January (build clock, site zone) the previous year's 政府网站工作年度报表 is on the home page
 * (国办函〔2018〕12号). Only the years are asked for: the 年报 pages' data (every row of every year,
 * and its audit lists) is memoized per portal, which while the pages render is the traced proxy,
 * so it was computed again through the proxies on every build (~1.4 s at 50k items).
 */
function januaryNotice(state: BuildState) {
  const now = DateTime.fromMillis(state.now, { zone: state.portal.site.timeZone });
  const year = now.year - 1;
  if (now.month !== 1 || !websiteReportYears(state.portal, state.tallies.years).includes(year)) return "";
  return websiteReportNotice(state.ctx, year);
}

export class HomePage extends SinglePage {
  readonly url = "/";

  protected renderPage(state: BuildState): string {
    const { portal, tallies } = state;
    const latestYear = portal.years[0];
    const thisYear =
      latestYear === undefined
        ? undefined
        : { year: latestYear, count: cellValue(tallies.byYear.get(latestYear), "all") };
    return homePage(state.ctx, cellValue(tallies.total, "all"), thisYear, januaryNotice(state));
  }
}
