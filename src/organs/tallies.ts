/**
 * Each organ's 年报 figures, from the items it published, through the portal's own tally engine
 * (src/tallies/): the organ's items are a portal of their own, counted with `computeTallies` and
 * listed with `auditLists`, so a figure and its audit list agree as they do for the site. The
 * partition is one pass and each organ counts only its items: linear in records overall.
 * The county summary adds up the organs' figures (every row is a count, which the template allows).
 */
import type { Site } from "../config/schema.ts";
import { statisticsRows, type StatisticsRow, type StatisticsSection } from "../config/statistics.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Portal } from "../portal/portal.ts";
import { auditKey, auditLists, type AuditLists } from "../tallies/audit.ts";
import { countedTypes } from "../tallies/cells.ts";
import { computeTallies, type Tallies } from "../tallies/compute.ts";
import { queryValue } from "../tallies/query.ts";
import { organsOf, type Organ } from "./platform.ts";
import { organReportFiles, type ReportRecord } from "./report-files.ts";

const MEASURES = [
  ["issued", "本年制发件数"],
  ["repealed", "本年废止件数"],
  ["valid", "现行有效件数"],
] as const;

/** The rows of an organ's 年报: 主动公开 counts by type, and table 二's 第二十条第（一）项. */
export function organReportSections(portal: Portal): StatisticsSection[] {
  const types = [...countedTypes(portal.types).values()];
  const policyRows = (kind: "规章" | "行政规范性文件", key: string) =>
    MEASURES.map(([measure, label]) => ({
      key: `${key}-${measure}`,
      label: `${kind}：${label}`,
      unit: "件",
      count: { policyKind: [kind], measure },
    }));
  return [
    {
      title: "主动公开政府信息情况",
      rows: [
        { key: "all", label: "本年主动公开政府信息", unit: "条", count: { all: true as const } },
        ...types.map((t) => ({
          key: `type-${t.type}`,
          label: `其中：${t.label}`,
          unit: "条",
          count: { type: [t.type] },
        })),
      ],
    },
    {
      title: "第二十条第（一）项",
      rows: [...policyRows("规章", "rules"), ...policyRows("行政规范性文件", "normative")],
    },
  ];
}

export interface OrganTally {
  organ: Organ;
  tallies: Tallies;
  audits: AuditLists;
}

export interface OrganReports {
  /** The sections and rows every organ's 年报 has. */
  sections: StatisticsSection[];
  rows: StatisticsRow[];
  /** The site with those rows as its statistics: what the tally engine counts an organ's items by. */
  site: Site;
  byOrgan: Map<string, OrganTally>;
  /** The organs' report files (the text and the manual tables): organ key → year → file. */
  files: Map<string, Map<number, ReportRecord>>;
  /** Years with a figure in any organ's 年报 or a report file, ascending: the summary's years. */
  years: number[];
}

const cache = new WeakMap<Portal, OrganReports>();

/** An organ's counts and audit lists, as `organReports` finds them from its items. */
export type OrganCount = Pick<OrganTally, "tallies" | "audits">;

/**
 * What an earlier build counted per organ (the build cache keeps it: src/build/cache/organ-counts.ts).
 * `take` gives an organ's counts back only when its items are the same records, in the same
 * order, as then (the counts are a function of them, the site config and the code); `counted`
 * is told every organ's counts as this build has them.
 */
export interface OrganCountMemo {
  take(organ: string, items: readonly ContentRecord[], portal: Portal): OrganCount | undefined;
  counted(organ: string, items: readonly ContentRecord[], count: OrganCount, taken: boolean): void;
}

/** By the site config the build was given (portal.site): one build's memo. */
const memos = new WeakMap<Site, OrganCountMemo>();

export function rememberOrganCounts(site: Site, memo: OrganCountMemo): void {
  memos.set(site, memo);
}

function countOrgan(portal: Portal, site: Site, items: ContentRecord[]): OrganCount {
  const own: Portal = { ...portal, site, records: items, reports: new Map() };
  const tallies = computeTallies(own);
  return { tallies, audits: auditLists(own, tallies) };
}

export function organReports(portal: Portal): OrganReports {
  let reports = cache.get(portal);
  if (reports) return reports;
  const sections = organReportSections(portal);
  const site: Site = { ...portal.site, statistics: sections };
  const byOrgan = new Map<string, OrganTally>();
  const years = new Set<number>();
  const memo = memos.get(portal.site);
  for (const organ of organsOf(portal).list) {
    const taken = memo?.take(organ.key, organ.items, portal);
    const { tallies, audits } = taken ?? countOrgan(portal, site, organ.items);
    memo?.counted(organ.key, organ.items, { tallies, audits }, taken !== undefined);
    for (const year of tallies.years) years.add(year);
    byOrgan.set(organ.key, { organ, tallies, audits });
  }
  const files = organReportFiles(portal);
  for (const byYear of files.values()) for (const year of byYear.keys()) years.add(year);
  reports = {
    sections,
    rows: statisticsRows(sections),
    site,
    byOrgan,
    files,
    years: [...years].sort((a, b) => a - b),
  };
  cache.set(portal, reports);
  return reports;
}

/** One figure of an organ's 年报 (0 for a year it has no item in). */
export function organFigure(reports: OrganReports, organ: string, year: number, row: StatisticsRow): number {
  const tally = reports.byOrgan.get(organ)?.tallies.byYear.get(year);
  return row.count ? queryValue(reports.site, row.count, tally) : 0;
}

/** The items behind one figure of an organ's 年报. */
export function organAudit(
  reports: OrganReports,
  organ: string,
  year: number,
  row: StatisticsRow,
): ContentRecord[] {
  return reports.byOrgan.get(organ)?.audits.get(auditKey(year, row.key)) ?? [];
}

/** An organ's report file for a year, when it has one (its manual tables and text). */
export const organReportFile = (
  reports: OrganReports,
  organ: string,
  year: number,
): ReportRecord | undefined => reports.files.get(organ)?.get(year);

/** The county summary's figure: the sum of the organs' figures. */
export function summaryFigure(reports: OrganReports, year: number, row: StatisticsRow): number {
  let sum = 0;
  for (const key of reports.byOrgan.keys()) sum += organFigure(reports, key, year, row);
  return sum;
}
