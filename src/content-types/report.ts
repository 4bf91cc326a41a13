/**
 * 年度报告: one file per year (content/reports/<year>.md) with the figures no page can count and
 * the text of the annual report; read by the statistics and annual report pages (src/tallies/).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { shownPath } from "../problems/placed.ts";
import { reportSchema, type ReportFields } from "../content/report.ts";
import { REPORT_SECTIONS } from "../content/report-tables.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import { ScaffoldError } from "../editors/scaffold-lines.ts";
import type { AnyTypeSpec, TypeSpec } from "./spec.ts";

const FOLDER = "reports";

export const report: TypeSpec<"report", ReportFields> = {
  type: "report",
  folder: FOLDER,
  label: "年度报告",
  schema: reportSchema,
  section: "",
  yearly: true,
  scaffold: {
    // A report covers the previous calendar year; tables default to zeros (docs/tallies.md lists every row).
    lines: ({ stamp }) => [
      `published: ${stamp.toFormat("yyyy-MM-dd")}`,
      `figures: {}  # 统计表中手工填报行的键 → 数值`,
      `# table2: { permits: 0, penalties: 0, coercions: 0, fees: 0 }`,
      `# table3: / table4: 见 docs/tallies.md`,
    ],
    folder: () => "",
    // An organ's report is content/reports/<organ>/<year>.md: `--name edu/2025` (docs/organs.md).
    path({ name, stamp, contentDir, site }) {
      const rel = `${FOLDER}/${name ?? stamp.year - 1}.md`;
      const match = name === undefined ? null : /^(?:([a-z0-9-]+)\/)?(\d{4})$/.exec(name);
      if (name !== undefined && !match)
        throw new ScaffoldError(
          "年度报告的文件名应为年份（例如 --name 2025），机关的年度报告为 机关的键/年份（例如 --name edu/2025）",
        );
      const organ = match?.[1];
      if (organ !== undefined && !site.departments.some((d) => d.key === organ))
        throw new ScaffoldError(
          `“${organ}”不是站点配置 departments 中的键；可选：${site.departments.map((d) => d.key).join("、")}`,
        );
      if (existsSync(path.join(contentDir, rel)))
        throw new ScaffoldError(`${shownPath(path.resolve(contentDir, rel))} 已存在`);
      return rel;
    },
    body: REPORT_SECTIONS.map((heading) => `## ${heading}\n\n${TODO}正文。\n`).join("\n"),
  },
};

/**
 * The 类型 an annual report is counted under in search (the site's and an organ's 年报 alike): the
 * site's report type's label, or the built-in one where a site's type list leaves the type out.
 */
export const reportLabel = (types: readonly AnyTypeSpec[]): string =>
  types.find((t) => t.type === report.type)?.label ?? report.label;
