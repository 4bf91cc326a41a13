/**
 * The shape of the 政府网站工作年度报表 template (src/tallies/website-report.ts) and the helpers its
 * computed rows share: a row is computed from the records of one year, taken from site config, or
 * an editor's figure.
 */
import type { Portal } from "../portal/portal.ts";
import type { ContentRecord } from "../content/types.ts";
import { groupBy } from "../portal/group.ts";
import { letterTallies } from "./letters.ts";
import { interpretationCoverage } from "./interpretation.ts";

export type WebsiteValue = number | string;

/** What a computed row counts in one year: its items (the audit list) and, when not their number, its value. */
export interface Computed {
  items: ContentRecord[];
  value?: WebsiteValue;
  /** The audit list's rows: a type whose spec has list rows (letters), or "mixed". */
  style?: string;
}

export interface WebsiteRowSpec {
  /** ASCII key: `website.<key>` in the report file, the audit list /website-report/<year>/<key>/. */
  key: string;
  label: string;
  unit?: string;
  /** 0: a row of the section; 1: a sub-row (其中 …). */
  indent?: 1;
  /** From site config (网站名称, 标识码 …). */
  config?: (portal: Portal) => string;
  /** Counted from the records; undefined when the site has no such items (then an editor's figure). */
  compute?: (c: YearContext) => Computed | undefined;
}

export interface WebsiteSectionSpec {
  title: string;
  rows: WebsiteRowSpec[];
}

export interface YearContext {
  portal: Portal;
  year: number;
}

export const inYear = (c: YearContext) => (r: ContentRecord) => r.year === c.year;

const byYear = new WeakMap<Portal, Map<number, ContentRecord[]>>();
/**
 * The portal's records of the context's year, in their order: grouped once per portal, not
 * filtered from every record per row and year (~4 % of a one-edit build's load+validate at 20k).
 */
export function yearRecords(c: YearContext): readonly ContentRecord[] {
  let years = byYear.get(c.portal);
  if (!years) byYear.set(c.portal, (years = groupBy(c.portal.records, (r) => r.year)));
  return years.get(c.year) ?? [];
}
/** Whether the build has a type (a site's list may leave out 意见征集 or 在线访谈: then the editor's figure). */
export const has = (c: YearContext, type: string) => c.portal.types.some((t) => t.type === type);
export const coverageOf = (c: YearContext) => interpretationCoverage(c.portal).find((y) => y.year === c.year);

export function lettersOf(c: YearContext) {
  return letterTallies(c.portal).byYear.get(c.year);
}
