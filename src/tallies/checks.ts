/**
 * Checks of the report files against the site and the tallies. The 勾稽 checks inside one file
 * are in the report schema (src/content/report.ts); these need the config or the counts:
 * the file name is the year, figures name declared rows, and an editor's figure that contradicts
 * a computed one is a warning (the page shows the computed figure).
 */
import type { Problem } from "../problems/problems.ts";
import type { RecordOf } from "../content/types.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { contentFolderOf } from "../content/content-folder.ts";
import { statisticsRows } from "../config/statistics.ts";
import type { Portal } from "../portal/portal.ts";
import { REPORT_SECTIONS } from "../content/report-tables.ts";
import { cellValue, type Tallies } from "./compute.ts";
import { queryValue } from "./query.ts";
import { reportSections } from "./report-body.ts";
import { countedTypes } from "./cells.ts";

function tableTwoProblems(
  report: RecordOf<"report">,
  tallies: Tallies,
  year: number,
  lineOf: (path: string[]) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const tally = tallies.byYear.get(year);
  const measures = { issued: "本年制发件数", repealed: "本年废止件数", valid: "现行有效件数" } as const;
  for (const [field, kind, label] of [
    ["normative", "normative", "行政规范性文件"],
    ["rules", "rules", "规章"],
  ] as const) {
    const entered = report.fields.table2[field];
    if (!entered) continue;
    for (const measure of Object.keys(measures) as (keyof typeof measures)[]) {
      const value = entered[measure];
      const computed = cellValue(tally, `policies:${kind}:${measure}`);
      if (value !== undefined && value !== computed) {
        problems.push({
          severity: "warning",
          file: report.file,
          line: lineOf(["table2", field, measure]),
          field: `table2.${field}.${measure}（${label}${measures[measure]}）`,
          message: `填报数 ${value} 与按政策文件自动统计的 ${computed} 不一致；年度报告显示自动统计数 ${computed}`,
        });
      }
    }
  }
  return problems;
}

export function reportProblems(portal: Portal, tallies: Tallies): Problem[] {
  const problems: Problem[] = [];
  const rows = new Map(statisticsRows(portal.site.statistics).map((row) => [row.key, row]));
  for (const report of portal.byType.report) {
    // An organ's report (content/reports/<organ>/<year>.md) is checked with the organs (src/organs/report-checks.ts).
    if (report.id.split("/").length === 3) continue;
    const name = report.id.split("/").slice(1).join("/");
    if (!/^\d{4}$/.test(name)) {
      problems.push({
        severity: "error",
        file: report.file,
        message: `年度报告文件应以年份命名，例如 ${contentFolderOf(report)}/reports/2025.md（现为 ${report.file}）`,
      });
      continue;
    }
    const year = Number(name);
    // Reports are few; a file is read again only when it has a problem.
    const lineOf = (path: string[]) => lineOfRecordPath(report, path);
    for (const [key, value] of Object.entries(report.fields.figures)) {
      const row = rows.get(key);
      const where = { file: report.file, line: lineOf(["figures", key]), field: `figures.${key}` };
      if (!row) {
        problems.push({
          severity: "warning",
          ...where,
          message: `站点配置 statistics 中没有键为“${key}”的统计行，此数不会显示；可用的键：${[...rows.keys()].join("、")}`,
        });
      } else if (row.count) {
        const computed = queryValue(portal.site, row.count, tallies.byYear.get(year));
        if (value !== computed) {
          problems.push({
            severity: "warning",
            ...where,
            message: `“${row.label}”手工填报 ${value}，与自动统计的 ${computed} 不一致；统计表显示自动统计数 ${computed}`,
          });
        }
      }
    }
    problems.push(...tableTwoProblems(report, tallies, year, lineOf));
    const present = reportSections(report.body).map((s) => s.heading);
    const missing = REPORT_SECTIONS.filter((heading) => !present.includes(heading));
    if (missing.length) {
      problems.push({
        severity: "warning",
        file: report.file,
        line: report.bodyLine,
        message: `年度报告正文缺少以下二级标题（## …）：${missing.join("、")}`,
      });
    }
  }
  return problems;
}

/** Statistics rows that count by type must name types the tallies count (the site config cannot know them). */
export function countedTypeProblems(portal: Portal, file = "site.config.ts"): Problem[] {
  const counted = countedTypes(portal.types);
  const problems: Problem[] = [];
  portal.site.statistics.forEach((section, s) => {
    const entries = [
      { count: section.count, field: `statistics[${s}].count` },
      ...section.rows.map((row, r) => ({ count: row.count, field: `statistics[${s}].rows[${r}].count` })),
    ];
    for (const { count, field } of entries) {
      if (!count || !("type" in count)) continue;
      for (const type of count.type.filter((t) => !counted.has(t)))
        problems.push({
          severity: "error",
          file,
          field,
          message: `“${type}”不是计入统计的内容类型；应为：${[...counted.keys()].join("、")}`,
        });
    }
  });
  return problems;
}
