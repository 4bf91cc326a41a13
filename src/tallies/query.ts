/**
 * Statistics rows evaluated against the tallies: a tally query becomes cell ids (its value is their
 * sum) and a record filter (its audit list), both from the classification in cells.ts.
 */
import type { Site } from "../config/schema.ts";
import type { PolicyMeasure, TallyQuery } from "../config/statistics.ts";
import { keyMaps, POLICY_KIND_KEYS } from "./cells.ts";
import { cellValue, type Tally } from "./compute.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";

type Maps = ReturnType<typeof keyMaps>;

// Not a closure made per query (a named closure costs a defineProperty under tsx's keepNames).
const cellsOf = (maps: Maps, dimension: keyof Maps, names: readonly string[]) =>
  names.map((name) => `${dimension}:${maps[dimension].get(name)}`);

/** The cells a query sums. Queries name site-config names; validation guarantees they exist. */
export function queryCells(site: Site, query: TallyQuery): string[] {
  const maps = keyMaps(site);
  if ("all" in query) return ["all"];
  if ("type" in query) return query.type.map((t) => `types:${t}`);
  if ("column" in query) return cellsOf(maps, "columns", query.column);
  if ("videoKind" in query) return cellsOf(maps, "videoKinds", query.videoKind);
  if ("periodical" in query) return cellsOf(maps, "periodicals", query.periodical);
  if ("topic" in query) return cellsOf(maps, "topics", [query.topic]);
  if ("department" in query) return cellsOf(maps, "departments", query.department);
  if ("guideType" in query)
    return cellsOf(maps, "guideTypes", query.guideType).map((cell) =>
      query.measure === "listed" ? cell.replace(/^guideTypes:/, "guidesListed:") : cell,
    );
  return query.policyKind.map(
    (kind) => `policies:${POLICY_KIND_KEYS[kind as keyof typeof POLICY_KIND_KEYS]}:${query.measure}`,
  );
}

export function queryValue(site: Site, query: TallyQuery, tally: Tally | undefined): number {
  return queryCells(site, query).reduce((sum, cell) => sum + cellValue(tally, cell), 0);
}

/** A short Chinese description of what a query counts (shown on audit pages and in docs). */
export function describeQuery(query: TallyQuery, counted: readonly AnyTypeSpec[]): string {
  const types = new Map(counted.map((t) => [t.type, t.label]));
  const measures: Record<PolicyMeasure, string> = {
    issued: "本年发布",
    repealed: "本年废止（含失效）",
    valid: "年末现行有效",
  };
  if ("all" in query) return `本年发布的全部信息（${[...types.values()].join("、")}）`;
  if ("type" in query) return `本年发布的${query.type.map((t) => types.get(t)).join("、")}`;
  if ("column" in query) return `本年发布的新闻，栏目：${query.column.join("、")}`;
  if ("videoKind" in query) return `本年发布的视频，类型：${query.videoKind.join("、")}`;
  if ("periodical" in query) return `本年出版的期刊：${query.periodical.map((p) => `《${p}》`).join("、")}`;
  if ("topic" in query) return `本年发布、标注专题/主题“${query.topic}”的信息`;
  if ("department" in query) return `本年发布的信息，发布机构：${query.department.join("、")}`;
  if ("guideType" in query)
    return `${query.measure === "listed" ? "截至年末已公开" : "本年发布"}的办事指南，事项类型：${query.guideType.join("、")}`;
  return `${measures[query.measure]}的政策文件，类型：${query.policyKind.join("、")}`;
}
