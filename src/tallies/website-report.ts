/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): the national template's sections and rows, each either
 * computed from the records of the year (with the list of exactly the items it counts), taken from
 * site config, or an editor's figure from content/reports/<year>.md (`website:`). The field list is
 * our reading of the template as provinces reproduce it (docs/website-report.md says which rows).
 */
import type { Portal } from "../portal/portal.ts";
import { letterTallies } from "./letters.ts";
import type {
  Computed,
  WebsiteRowSpec,
  WebsiteSectionSpec,
  WebsiteValue,
  YearContext,
} from "./website-report-spec.ts";
import { PUBLICATION_SECTIONS } from "./website-rows-publication.ts";
import { INTERACTION_SECTIONS } from "./website-rows-interaction.ts";

export type { Computed, WebsiteRowSpec, WebsiteSectionSpec, WebsiteValue, YearContext };

export const WEBSITE_REPORT: WebsiteSectionSpec[] = [...PUBLICATION_SECTIONS, ...INTERACTION_SECTIONS];

/** Every row key of the template (the keys `website:` may name). */
export const WEBSITE_ROW_KEYS: ReadonlySet<string> = new Set(
  WEBSITE_REPORT.flatMap((s) => s.rows.map((r) => r.key)),
);

/** One row as shown for a year. */
export interface WebsiteFigure {
  spec: WebsiteRowSpec;
  /** Undefined: an editor's figure not entered. */
  value: WebsiteValue | undefined;
  source: "computed" | "config" | "manual";
  computed?: Computed;
}

export interface WebsiteSection {
  title: string;
  rows: WebsiteFigure[];
}

const reportCache = new WeakMap<Portal, Map<number, WebsiteSection[]>>();

/** The 年度报表 of one year: computed rows from the records, the rest from config or the report file (once per build and year). */
export function websiteReportOf(portal: Portal, year: number): WebsiteSection[] {
  let years = reportCache.get(portal);
  if (!years) reportCache.set(portal, (years = new Map<number, WebsiteSection[]>()));
  let sections = years.get(year);
  if (!sections) years.set(year, (sections = computeReport(portal, year)));
  return sections;
}

function computeReport(portal: Portal, year: number): WebsiteSection[] {
  const manual = (portal.reports.get(year)?.fields as { website?: Record<string, WebsiteValue> } | undefined)
    ?.website;
  const c: YearContext = { portal, year };
  return WEBSITE_REPORT.map((section) => ({
    title: section.title,
    rows: section.rows.map((spec): WebsiteFigure => {
      const computed = spec.compute?.(c);
      if (computed)
        return { spec, value: computed.value ?? computed.items.length, source: "computed", computed };
      if (spec.config) return { spec, value: spec.config(portal), source: "config" };
      return { spec, value: manual?.[spec.key], source: "manual" };
    }),
  }));
}

/** The years that get a 年度报表: those with statistics or letters. */
export function websiteReportYears(portal: Portal, statisticsYears: readonly number[]): number[] {
  return [...new Set([...statisticsYears, ...letterTallies(portal).years])].sort((a, b) => a - b);
}
