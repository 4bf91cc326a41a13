/**
 * Open data: /open-data/tallies.json (shape documented in docs/open-data.md; bump `version` on any
 * incompatible change) and one CSV per year. Same input, same bytes: no timestamps.
 */
import type { Portal } from "../portal/portal.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { allCells, cellValue, type Tallies, type Tally } from "./compute.ts";
import { countedTypes, DIMENSIONS, POLICY_KIND_KEYS } from "./cells.ts";
import { statisticsOf, labelWithUnit } from "./statistics.ts";
import { talliesUrls } from "./urls.ts";

export const OPEN_DATA_VERSION = 1;

type Counts = { all: number; policies: Record<string, Record<string, number>> } & Record<string, unknown>;

function countsOf(portal: Portal, tally: Tally | undefined): Counts {
  const counts: Counts = { all: cellValue(tally, "all"), policies: {} };
  for (const dimension of [...DIMENSIONS, "guidesListed"]) counts[dimension] = {};
  for (const cell of allCells(portal)) {
    const [dimension, key, measure] = cell.split(":");
    if (dimension === "all") continue;
    if (dimension === "policies") (counts.policies[key] ??= {})[measure] = cellValue(tally, cell);
    else (counts[dimension] as Record<string, number>)[key] = cellValue(tally, cell);
  }
  return counts;
}

function labels(portal: Portal) {
  const { site } = portal;
  const of = (list: readonly { key: string; name: string }[]) =>
    Object.fromEntries(list.map((k) => [k.key, k.name]));
  return {
    types: Object.fromEntries([...countedTypes(portal.types).values()].map((t) => [t.type, t.label])),
    columns: of(site.columns),
    videoKinds: of(site.videoKinds),
    periodicals: of(site.periodicals),
    topics: of(site.topics),
    departments: of(site.departments),
    guideTypes: of(site.guideTypes),
    guidesListed: of(site.guideTypes),
    policyKinds: Object.fromEntries(Object.entries(POLICY_KIND_KEYS).map(([name, key]) => [key, name])),
    policyMeasures: { issued: "本年制发件数", repealed: "本年废止件数（含失效）", valid: "年末现行有效件数" },
  };
}

export function talliesJson(portal: Portal, tallies: Tallies): string {
  const { site } = portal;
  const data = {
    version: OPEN_DATA_VERSION,
    site: { name: site.name, url: absoluteUrl(site, "/") },
    labels: labels(portal),
    total: countsOf(portal, tallies.total),
    years: tallies.years.map((year) => ({
      year,
      statisticsPage: absoluteUrl(site, talliesUrls.statisticsYear(year)),
      annualReport: portal.reports.has(year) ? absoluteUrl(site, talliesUrls.report(year)) : null,
      counts: countsOf(portal, tallies.byYear.get(year)),
      statistics: statisticsOf(portal, tallies, year).flatMap((section) =>
        [...(section.figure ? [section.figure] : []), ...section.rows].map((row) => ({
          key: row.key,
          section: section.title,
          label: row.label,
          unit: row.unit ?? null,
          value: row.value ?? null,
          computed: row.auditUrl !== undefined,
          items: row.auditUrl ? absoluteUrl(site, row.auditUrl) : null,
        })),
      ),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const csvField = (value: string | number) => {
  // An editor's text starting with = + - @ would run as a formula in a spreadsheet: keep it text.
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One year as CSV: the statistics table's rows, then every tally. */
export function talliesCsv(portal: Portal, tallies: Tallies, year: number): string {
  const names = labels(portal) as Record<string, Record<string, string>>;
  const dimensionNames: Record<string, string> = {
    types: "内容类型",
    columns: "新闻栏目",
    videoKinds: "视频类型",
    periodicals: "期刊",
    topics: "专题/主题",
    departments: "发布机构",
    guideTypes: "事项类型（本年发布）",
    guidesListed: "事项类型（年末已公开）",
  };
  const lines: (string | number)[][] = [["分类", "项目", "键", "数值"]];
  for (const section of statisticsOf(portal, tallies, year)) {
    for (const row of [...(section.figure ? [section.figure] : []), ...section.rows]) {
      lines.push(["统计表", labelWithUnit(row), `statistics:${row.key}`, row.value ?? ""]);
    }
  }
  const tally = tallies.byYear.get(year);
  for (const cell of allCells(portal)) {
    const [dimension, key, measure] = cell.split(":");
    if (dimension === "all") lines.push(["合计", "全部信息", cell, cellValue(tally, cell)]);
    else if (dimension === "policies")
      lines.push([
        "政策文件",
        `${names.policyKinds[key]} ${names.policyMeasures[measure]}`,
        cell,
        cellValue(tally, cell),
      ]);
    else lines.push([dimensionNames[dimension], names[dimension][key], cell, cellValue(tally, cell)]);
  }
  // Starts with a UTF-8 byte order mark: Excel (the tool most readers open a CSV with) reads a
  // CSV without one in the system's legacy code page (GBK on Chinese Windows) and garbles the text.
  return `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
}
