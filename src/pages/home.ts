/** The home page, with the site-wide publication count. */
import { homePage } from "../../layouts/home.ts";
import type { BuildState } from "../eleventy/state.ts";
import { SinglePage } from "./single-page.ts";

export class HomePage extends SinglePage {
  readonly url = "/";

  protected renderPage(state: BuildState): string {
    const { portal } = state;
    const counted = portal.records.filter((r) => r.type !== "page" && r.type !== "topic");
    const latestYear = portal.years[0];
    const thisYear = latestYear === undefined ? undefined : { year: latestYear, count: counted.filter((r) => r.year === latestYear).length };
    return homePage(state.ctx, counted.length, thisYear);
  }
}
