/**
 * Checks of the organs' report files (content/reports/<organ>/<year>.md): the folder is an organ
 * with a file and the name a year (errors); no figure for a row the site computes, no key the
 * organ's 年报 does not have, no 政府网站工作年度报表 (errors naming file, line and field: the page
 * would silently ignore them); the six section headings (a warning, as for the site's report).
 * And an organ without a report for a past year: a warning (its page says 未填报).
 */
import { DateTime } from "luxon";
import type { Problem } from "../problems/problems.ts";
import type { Portal } from "../portal/portal.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { REPORT_SECTIONS } from "../content/report-tables.ts";
import { reportSections } from "../tallies/report-body.ts";
import { organsOf } from "./platform.ts";
import { contentFolderOf } from "../content/content-folder.ts";
import { isYearName, organReportPath, type ReportRecord } from "./report-files.ts";
import { organReports } from "./tallies.ts";

const WHERE_MANUAL =
  "行政许可、处罚、强制和收费填在 table2，依申请公开情况填在 table3，行政复议和行政诉讼填在 table4";

function fileProblems(portal: Portal, report: ReportRecord, organ: string, name: string): Problem[] {
  const organs = organsOf(portal).byKey;
  const file = report.file;
  const content = contentFolderOf(report);
  if (!organs.has(organ))
    return [
      {
        severity: "error",
        file,
        field: "文件夹",
        message: `机关年度报告应放在 ${content}/reports/<机关的键>/ 下，“${organ}”不是有机关文件（${content}/organs/）的机关；可选：${[...organs.keys()].join("、")}`,
      },
    ];
  if (!isYearName(name))
    return [
      {
        severity: "error",
        file,
        field: "文件名",
        message: `机关年度报告文件应以年份命名，例如 ${content}/reports/${organ}/2025.md（现为 ${file}）`,
      },
    ];
  const problems: Problem[] = [];
  const at = (path: string[]) => ({ file, line: lineOfRecordPath(report, path), field: path.join(".") });
  const rows = new Map(organReports(portal).rows.map((r) => [r.key, r]));
  for (const key of Object.keys(report.fields.figures)) {
    const row = rows.get(key);
    problems.push({
      severity: "error",
      ...at(["figures", key]),
      message: row
        ? `“${row.label}”由网站根据${organs.get(organ)!.name}发布的信息自动统计，不能填报；请删除这一项`
        : `机关年度报告没有键为“${key}”的填报行；${WHERE_MANUAL}`,
    });
  }
  for (const [field, label] of [
    ["rules", "规章"],
    ["normative", "行政规范性文件"],
  ] as const) {
    if (report.fields.table2[field] === undefined) continue;
    problems.push({
      severity: "error",
      ...at(["table2", field]),
      message: `“${label}”的件数由网站根据本机关的政策文件自动统计，不能填报；请删除这一项`,
    });
  }
  if (Object.keys(report.fields.website).length)
    problems.push({
      severity: "error",
      ...at(["website"]),
      message: `政府网站工作年度报表属于门户网站的年度报告（${content}/reports/<年份>.md），机关年度报告中不填；请删除 website`,
    });
  const present = reportSections(report.body).map((s) => s.heading);
  const missing = REPORT_SECTIONS.filter((heading) => !present.includes(heading));
  if (missing.length)
    problems.push({
      severity: "warning",
      file,
      line: report.bodyLine,
      message: `年度报告正文缺少以下二级标题（## …）：${missing.join("、")}`,
    });
  return problems;
}

/**
 * A past year without the organ's report. Years before the first report file of the portal (the
 * site's or an organ's) are history from before reports were kept here: not warned about.
 */
function missingReports(portal: Portal, now: number): Problem[] {
  const reports = organReports(portal);
  const current = DateTime.fromMillis(now, { zone: portal.site.timeZone }).year;
  const fileYears = [...portal.reports.keys(), ...[...reports.files.values()].flatMap((m) => [...m.keys()])];
  const first = fileYears.length ? Math.min(...fileYears) : current - 1;
  const problems: Problem[] = [];
  for (const { organ } of reports.byOrgan.values())
    for (const year of reports.years) {
      if (year >= current || year < first || reports.files.get(organ.key)?.has(year)) continue;
      problems.push({
        severity: "warning",
        file: organ.record.file,
        field: "年度报告",
        message: `${organ.record.fields.title}没有${year}年政府信息公开工作年度报告（应为 ${contentFolderOf(organ.record)}/reports/${organ.key}/${year}.md）；年报页只有自动统计的数字，其余标为“未填报”，汇总也不计入该机关的填报数（《条例》第五十条）`,
      });
    }
  return problems;
}

export function organReportProblems(portal: Portal, now: number): Problem[] {
  const problems: Problem[] = [];
  for (const report of portal.byType.report) {
    const path = organReportPath(report);
    if (path) problems.push(...fileProblems(portal, report, path.organ, path.name));
  }
  return [...problems, ...missingReports(portal, now)];
}
