/**
 * 留言办理统计 pages: one per year (layouts/letter-statistics.ts) and, for every count on it, the
 * list of exactly the letters it counts (the audit lists, in the normal list layout).
 */
import { letterStatisticsPage } from "../../layouts/letter-statistics.ts";
import type { BuildState, StateRef } from "../eleventy/state.ts";
import type { ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { talliesUrls } from "../tallies/urls.ts";
import { auditCell, letterTallies, MEASURES, MEASURE_LABELS, scopesOf } from "../tallies/letters.ts";
import { paginate } from "./paginate.ts";

export interface LettersPageData {
  years: number[];
  audits: ListPageData[];
}

const cache = new WeakMap<Portal, LettersPageData>();

/** The arrays the letter statistics templates paginate over (global data `gongkaiLetters`). */
export function lettersPageData(state: BuildState): LettersPageData {
  let data = cache.get(state.portal);
  if (!data)
    cache.set(
      state.portal,
      (data = { years: letterTallies(state.portal).years, audits: auditPages(state.portal) }),
    );
  return data;
}

function auditPages(portal: Portal): ListPageData[] {
  const tallies = letterTallies(portal);
  const pages: ListPageData[] = [];
  for (const year of tallies.years) {
    const y = tallies.byYear.get(year)!;
    for (const scope of scopesOf(y))
      for (const measure of MEASURES) {
        const items = scope[measure];
        const label = `${scope === y.total ? "" : `${scope.label}`}${MEASURE_LABELS[measure]}`;
        pages.push(
          ...paginate(
            {
              base: interactionUrls.letterAudit(year, auditCell(scope, measure)),
              title: `${year}年 ${label}：${items.length} 件`,
              section: "interaction",
              breadcrumbs: [
                { label: "政务公开统计", url: talliesUrls.statistics },
                { label: `${year}年留言办理统计`, url: interactionUrls.letterStatistics(year) },
                { label },
              ],
              style: "letter",
              description: `统计口径：${measure === "received" ? "受理日期" : "答复日期"}在${year}年${scope.id.startsWith("month-") ? scope.label : ""}的来信${scope.id.startsWith("kind-") ? `，类型：${scope.label}` : ""}${scope.id.startsWith("dept-") ? `，受理单位：${scope.label}` : ""}（含不公开的来信，不公开的只列办理信息）。共 ${items.length} 件，逐件列出如下。`,
            },
            items,
            portal.site.pageSize,
          ),
        );
      }
  }
  return pages;
}

export class LetterStatisticsPages {
  constructor(private readonly state: StateRef) {}
  data() {
    return {
      pagination: { data: "gongkaiLetters.years", size: 1, alias: "year", addAllPagesToCollections: false },
      permalink: (data: { year: number }) => interactionUrls.letterStatistics(data.year),
      eleventyExcludeFromCollections: true,
    };
  }
  render(data: { year: number }): string {
    const { current } = this.state;
    const tallies = letterTallies(current.portal);
    return letterStatisticsPage(current.ctx, tallies.byYear.get(data.year)!, tallies.years);
  }
}
