/**
 * One year's statistics table: the configured sections and rows with their figures, computed
 * from the tallies or taken from the year's report file.
 */
import type { StatisticsRow } from "../config/statistics.ts";
import type { Portal } from "../portal/portal.ts";
import type { Tallies } from "./compute.ts";
import { queryValue } from "./query.ts";
import { talliesUrls } from "./urls.ts";

export interface FigureRow {
  key: string;
  label: string;
  unit?: string;
  /** The figure: a count, or what the editor entered (9.5、是、4次/106人); undefined when not entered. */
  value: number | string | undefined;
  /** Computed rows link to their audit list. */
  auditUrl?: string;
  row: StatisticsRow;
}

export interface FigureSection {
  title: string;
  /** The section row's own figure (二、依申请公开数量(件) 0), when it has one. */
  figure?: FigureRow;
  rows: FigureRow[];
}

function figure(portal: Portal, tallies: Tallies, year: number, row: StatisticsRow): FigureRow {
  const base = { key: row.key, label: row.label, unit: row.unit, row };
  if (row.count)
    return {
      ...base,
      value: queryValue(portal.site, row.count, tallies.byYear.get(year)),
      auditUrl: talliesUrls.audit(year, row.key),
    };
  return { ...base, value: portal.reports.get(year)?.fields.figures[row.key] };
}

export function statisticsOf(portal: Portal, tallies: Tallies, year: number): FigureSection[] {
  return portal.site.statistics.map((section) => ({
    title: section.title,
    figure: section.key
      ? figure(portal, tallies, year, {
          key: section.key,
          label: section.title,
          unit: section.unit,
          count: section.count,
        })
      : undefined,
    rows: section.rows.map((row) => figure(portal, tallies, year, row)),
  }));
}

/** The label as the seed prints it: 通过政府网站公开数(条). */
export function labelWithUnit(row: { label: string; unit?: string }): string {
  return row.unit ? `${row.label}（${row.unit}）` : row.label;
}
