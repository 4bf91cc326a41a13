/**
 * The audit list pages: for every year and computed statistics row, the items its figure counts,
 * paginated in the normal list layout. Kept apart from the portal's browsing lists (`state.lists`,
 * all on 网站地图): these are reached from the figures.
 */
import type { ListPageData } from "../view/list-data.ts";
import { statisticsRows } from "../config/statistics.ts";
import type { Portal } from "../portal/portal.ts";
import { paginate, type ListSpec } from "./paginate.ts";
import { auditKey, auditLists } from "../tallies/audit.ts";
import { countedTypes } from "../tallies/cells.ts";
import type { Tallies } from "../tallies/compute.ts";
import { describeQuery } from "../tallies/query.ts";
import { labelWithUnit } from "../tallies/statistics.ts";
import { talliesUrls } from "../tallies/urls.ts";
import { coverageLists } from "./coverage-lists.ts";

/** Every page of every audit list: exactly the items a computed figure counts, in the normal list layout. */
export function auditListPages(portal: Portal, tallies: Tallies): ListPageData[] {
  const lists = auditLists(portal, tallies);
  const rows = statisticsRows(portal.site.statistics).filter((row) => row.count);
  const counted = [...countedTypes(portal.types).values()];
  const pages: ListPageData[] = [];
  for (const year of tallies.years) {
    for (const row of rows) {
      const items = lists.get(auditKey(year, row.key)) ?? [];
      // Policy and guide rows list one type: in its own table (src/content-types/), like its lists.
      const style = "policyKind" in row.count! ? "policy" : "guideType" in row.count! ? "guide" : "mixed";
      const spec: ListSpec = {
        base: talliesUrls.audit(year, row.key),
        title: `${year}年 ${labelWithUnit(row)}：${items.length}`,
        section: "statistics",
        breadcrumbs: [
          { label: "政务公开统计", url: talliesUrls.statistics },
          { label: `${year}年`, url: talliesUrls.statisticsYear(year) },
          { label: row.label },
        ],
        style,
        description: `统计口径：${describeQuery(row.count!, counted)}。共 ${items.length} 条，逐条列出如下。`,
      };
      // Vouched (paginate's ownFields): auditPlan puts a record in a year's row by its own type,
      // fields, year and policy span, in the records' order (newest first, ties by id; the memo's
      // runs joined in that order); the rows and years are in the spec (its URL and title).
      pages.push(...paginate(spec, items, portal.site.pageSize, true));
    }
  }
  // The 解读 coverage figures' lists (src/tallies/interpretation.ts), reached from their figures too.
  pages.push(...coverageLists(portal));
  return pages;
}
