/**
 * The 年度报表 figures an editor entered (`website:` in content/reports/<year>.md): a key the
 * template does not have is never shown, and a figure for a row the build counts itself is ignored
 * (a warning when it differs from the count).
 */
import type { Portal } from "../portal/portal.ts";
import type { Problem } from "../problems/problems.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { WEBSITE_ROW_KEYS, websiteReportOf } from "./website-report.ts";

export function websiteReportProblems(portal: Portal): Problem[] {
  const problems: Problem[] = [];
  for (const [year, report] of portal.reports) {
    const manual = report.fields.website;
    const keys = Object.keys(manual);
    if (!keys.length) continue;
    const shown = new Map(websiteReportOf(portal, year).flatMap((s) => s.rows.map((r) => [r.spec.key, r])));
    for (const key of keys) {
      const where = {
        file: report.file,
        line: lineOfRecordPath(report, ["website", key]),
        field: `website.${key}`,
      };
      const row = shown.get(key);
      if (!WEBSITE_ROW_KEYS.has(key) || !row) {
        problems.push({
          severity: "warning",
          ...where,
          message: `政府网站工作年度报表中没有键为“${key}”的行，此数不会显示；可用的键见 docs/website-report.md`,
        });
      } else if (row.source !== "manual" && row.value !== manual[key]) {
        problems.push({
          severity: "warning",
          ...where,
          message: `“${row.spec.label}”由${row.source === "config" ? "站点配置" : "网站自动统计"}得出（${row.value}），手工填报的 ${manual[key]} 不会显示`,
        });
      }
    }
  }
  return problems;
}
