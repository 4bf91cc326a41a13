/**
 * Build-time tallies: ONE pass over the published records, counting per calendar year (site zone)
 * and site-wide. Cost is linear in records (plus the number of years, for 现行有效).
 */
import type { Portal } from "../portal/portal.ts";
import { POLICY_MEASURES } from "../config/statistics.ts";
import { countedTypes, keyMaps, policySpan, POLICY_KIND_KEYS, yearCells } from "./cells.ts";

/** Counts by cell id (see cells.ts); a missing cell is 0. */
export type Tally = Map<string, number>;

export interface Tallies {
  /** Every year with a published item or a report file, ascending (no empty years in between). */
  years: number[];
  byYear: Map<number, Tally>;
  /** Site-wide: every cell over all years; 现行有效 as at the end of the last year. */
  total: Tally;
}

export function cellValue(tally: Tally | undefined, cell: string): number {
  return tally?.get(cell) ?? 0;
}

function bump(tally: Tally, cell: string, by = 1): void {
  tally.set(cell, (tally.get(cell) ?? 0) + by);
}

export function computeTallies(portal: Portal): Tallies {
  const { site } = portal;
  const maps = keyMaps(site);
  const counted = countedTypes(portal.types);
  const byYear = new Map<number, Tally>();
  const total: Tally = new Map();
  const tallyOf = (year: number) => {
    let tally = byYear.get(year);
    if (!tally) byYear.set(year, (tally = new Map<string, number>()));
    return tally;
  };
  /** Change of 现行有效 per year and kind: +1 when issued, −1 when ended; summed up after the pass. */
  const validDelta = new Map<number, Map<string, number>>();
  const publishedYears = new Set<number>();
  const delta = (year: number, kind: string, by: number) => {
    let perKind = validDelta.get(year);
    if (!perKind) validDelta.set(year, (perKind = new Map<string, number>()));
    perKind.set(kind, (perKind.get(kind) ?? 0) + by);
  };

  /** Guides published per year and type: summed up after the pass into `guidesListed`. */
  const guideDelta = new Map<number, Map<string, number>>();
  for (const record of portal.records) {
    const spec = counted.get(record.type);
    if (!spec || record.year === undefined) continue;
    publishedYears.add(record.year);
    const tally = tallyOf(record.year);
    for (const cell of yearCells(maps, spec, record)) {
      bump(tally, cell);
      bump(total, cell);
    }
    if (record.type === "guide") {
      const key = `guidesListed:${maps.guideTypes.get(record.fields.item_type)}`;
      let perType = guideDelta.get(record.year);
      if (!perType) guideDelta.set(record.year, (perType = new Map<string, number>()));
      perType.set(key, (perType.get(key) ?? 0) + 1);
      bump(total, key);
    }
    if (record.type !== "policy") continue;
    const span = policySpan(site, record);
    delta(span.from, span.kind, 1);
    if (span.ended !== undefined) {
      bump(tallyOf(span.ended), `policies:${span.kind}:repealed`);
      bump(total, `policies:${span.kind}:repealed`);
      delta(span.ended, span.kind, -1);
    }
  }

  // Only years with content or a report: a range from the first to the last would turn one
  // mistyped year (0025) into two thousand empty statistics pages.
  // A year whose only event is a repeal has a page too (its 本年废止), unless it is after the last year.
  const known = [...publishedYears, ...portal.reports.keys()];
  const latest = Math.max(...known);
  const repealYears = [...byYear.keys()].filter((year) => year <= latest);
  const years = [...new Set([...known, ...repealYears])].sort((a, b) => a - b);
  const isYear = new Set(years);
  // 现行有效 and the guide catalogue are running sums: apply every year's change in order, years
  // without content included, and record the sums in the years that have a page.
  const changeYears = [...new Set([...years, ...validDelta.keys(), ...guideDelta.keys()])].sort(
    (a, b) => a - b,
  );
  const last = years[years.length - 1] ?? -Infinity;
  const valid = new Map<string, number>();
  const listed = new Map<string, number>();
  for (const year of changeYears) {
    if (year > last) break;
    for (const [kind, by] of validDelta.get(year) ?? []) valid.set(kind, (valid.get(kind) ?? 0) + by);
    for (const [cell, by] of guideDelta.get(year) ?? []) listed.set(cell, (listed.get(cell) ?? 0) + by);
    if (!isYear.has(year)) continue;
    const tally = tallyOf(year);
    for (const [kind, n] of valid) if (n) tally.set(`policies:${kind}:valid`, n);
    for (const [cell, n] of listed) tally.set(cell, n);
  }
  for (const [kind, n] of valid) total.set(`policies:${kind}:valid`, n);
  // Repeals dated after the last year are not a year of the report yet.
  for (const year of byYear.keys()) if (!isYear.has(year)) byYear.delete(year);
  return { years, byYear, total };
}

/** Every cell id a tally can have for this site, in a stable order (for open data and CSV). */
export function allCells(portal: Portal): string[] {
  const { site } = portal;
  const cells = ["all", ...[...countedTypes(portal.types).keys()].map((t) => `types:${t}`)];
  for (const [dimension, list] of [
    ["columns", site.columns],
    ["videoKinds", site.videoKinds],
    ["periodicals", site.periodicals],
    ["topics", site.topics],
    ["departments", site.departments],
    ["guideTypes", site.guideTypes],
    ["guidesListed", site.guideTypes],
  ] as const) {
    for (const entry of list) cells.push(`${dimension}:${entry.key}`);
  }
  for (const kind of Object.values(POLICY_KIND_KEYS))
    for (const measure of POLICY_MEASURES) cells.push(`policies:${kind}:${measure}`);
  return cells;
}
