/** The home page, with the site-wide publication count from the tallies. */
import { homePage } from "../../layouts/home.ts";
import { cellValue } from "../tallies/compute.ts";
import type { BuildState } from "../eleventy/state.ts";
import { SinglePage } from "./single-page.ts";

export class HomePage extends SinglePage {
  readonly url = "/";

  protected renderPage(state: BuildState): string {
    const { portal, tallies } = state;
    const latestYear = portal.years[0];
    const thisYear =
      latestYear === undefined
        ? undefined
        : { year: latestYear, count: cellValue(tallies.byYear.get(latestYear), "all") };
    return homePage(state.ctx, cellValue(tallies.total, "all"), thisYear);
  }
}
