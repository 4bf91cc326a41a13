/**
 * Checks of the statistics rows that zod cannot do alone: every name a query uses is declared in
 * site config, and row keys are unique (they are URLs and manual-figure names).
 */
import type { Keyed, Site } from "./schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { TallyQuery } from "./statistics.ts";
import { POLICY_KINDS } from "../content/policy.ts";

function namesOf(
  site: Site,
  query: TallyQuery,
): { list: readonly string[]; used: readonly string[]; label: string } | undefined {
  const names = (list: readonly Keyed[]) => list.map((k) => k.name);
  if ("column" in query) return { list: names(site.columns), used: query.column, label: "columns" };
  if ("videoKind" in query)
    return { list: names(site.videoKinds), used: query.videoKind, label: "videoKinds" };
  if ("periodical" in query)
    return { list: names(site.periodicals), used: query.periodical, label: "periodicals" };
  if ("topic" in query) return { list: names(site.topics), used: [query.topic], label: "topics" };
  if ("department" in query)
    return { list: names(site.departments), used: query.department, label: "departments" };
  if ("guideType" in query)
    return { list: names(site.guideTypes), used: query.guideType, label: "guideTypes" };
  if ("policyKind" in query) return { list: POLICY_KINDS, used: query.policyKind, label: "政策文件类型" };
  return undefined;
}

export function statisticsProblems(site: Site, file: string): Problem[] {
  const problems: Problem[] = [];
  const keys = new Set<string>();
  site.statistics.forEach((section, s) => {
    const entries = [
      ...(section.key ? [{ key: section.key, count: section.count, field: `statistics[${s}]` }] : []),
      ...section.rows.map((row, r) => ({
        key: row.key,
        count: row.count,
        field: `statistics[${s}].rows[${r}]`,
      })),
    ];
    for (const entry of entries) {
      if (keys.has(entry.key))
        problems.push({
          severity: "error",
          file,
          field: `${entry.field}.key`,
          message: `统计表行的键“${entry.key}”重复；键必须唯一`,
        });
      keys.add(entry.key);
      const names = entry.count && namesOf(site, entry.count);
      if (!names) continue;
      for (const name of names.used) {
        if (!names.list.includes(name)) {
          problems.push({
            severity: "error",
            file,
            field: `${entry.field}.count`,
            message: `“${name}”未在站点配置 ${names.label} 中声明；应为：${names.list.join("、")}`,
          });
        }
      }
    }
  });
  return problems;
}
