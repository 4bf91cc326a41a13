/**
 * Build-time tallies: ONE pass over the published records, counting per calendar year (site zone)
 * and site-wide. Cost is linear in records (plus the number of years, for 现行有效).
 */
import type { Portal } from "../portal/portal.ts";
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
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

/**
 * What a run of records adds to the tallies: additive, and merged in the records' order gives
 * the maps (and their order) one pass over all of them gives.
 */
export interface TallyCounts {
  byYear: Map<number, Tally>;
  total: Tally;
  /** Change of 现行有效 per year and kind: +1 when issued, −1 when ended; summed up after the pass. */
  validDelta: Map<number, Map<string, number>>;
  /** Guides published per year and type: summed up after the pass into `guidesListed`. */
  guideDelta: Map<number, Map<string, number>>;
  publishedYears: Set<number>;
}

/**
 * Kept runs of the site's records (the build cache's: src/build/cache/site-tallies.ts): the
 * counts of each run of the portal's records, in order, from what an earlier build counted where the run's
 * records are the same, else from `count`.
 */
export interface TallyCountMemo {
  counts(portal: Portal, count: (run: readonly ContentRecord[]) => TallyCounts): TallyCounts[];
}

/** By the site config the build was given (portal.site): one build's memo. */
const memos = new WeakMap<Site, TallyCountMemo>();

export function rememberTallyCounts(site: Site, memo: TallyCountMemo): void {
  memos.set(site, memo);
}

function nested(map: Map<number, Map<string, number>>, year: number): Map<string, number> {
  let inner = map.get(year);
  if (!inner) map.set(year, (inner = new Map<string, number>()));
  return inner;
}

/** One pass over `records` (counted types, published). */
export function countRecords(portal: Portal, records: readonly ContentRecord[]): TallyCounts {
  const { site } = portal;
  const maps = keyMaps(site);
  const counted = countedTypes(portal.types);
  const counts: TallyCounts = {
    byYear: new Map(),
    total: new Map(),
    validDelta: new Map(),
    guideDelta: new Map(),
    publishedYears: new Set(),
  };
  const { byYear, total, validDelta, guideDelta, publishedYears } = counts;
  for (const record of records) {
    const spec = counted.get(record.type);
    if (!spec || record.year === undefined) continue;
    publishedYears.add(record.year);
    const tally = nested(byYear, record.year);
    for (const cell of yearCells(maps, spec, record)) {
      bump(tally, cell);
      bump(total, cell);
    }
    if (record.type === "guide") {
      const key = `guidesListed:${maps.guideTypes.get(record.fields.item_type)}`;
      bump(nested(guideDelta, record.year), key);
      bump(total, key);
    }
    if (record.type !== "policy") continue;
    const span = policySpan(site, record);
    bump(nested(validDelta, span.from), span.kind);
    if (span.ended !== undefined) {
      bump(nested(byYear, span.ended), `policies:${span.kind}:repealed`);
      bump(total, `policies:${span.kind}:repealed`);
      bump(nested(validDelta, span.ended), span.kind, -1);
    }
  }
  return counts;
}

/** The runs' counts added up in order, in maps of their own (the runs' may be kept ones). */
function merged(runs: readonly TallyCounts[]): TallyCounts {
  const into: TallyCounts = {
    byYear: new Map(),
    total: new Map(),
    validDelta: new Map(),
    guideDelta: new Map(),
    publishedYears: new Set(),
  };
  const add = (to: Map<number, Map<string, number>>, from: Map<number, Map<string, number>>) => {
    for (const [year, cells] of from) {
      const inner = nested(to, year);
      for (const [cell, n] of cells) bump(inner, cell, n);
    }
  };
  for (const run of runs) {
    add(into.byYear, run.byYear);
    for (const [cell, n] of run.total) bump(into.total, cell, n);
    add(into.validDelta, run.validDelta);
    add(into.guideDelta, run.guideDelta);
    for (const year of run.publishedYears) into.publishedYears.add(year);
  }
  return into;
}

export function computeTallies(portal: Portal): Tallies {
  const memo = memos.get(portal.site);
  const counts = memo
    ? merged(memo.counts(portal, (run) => countRecords(portal, run)))
    : countRecords(portal, portal.records);
  return tallied(counts, portal.reports.keys());
}

/** The years and the running sums (现行有效, the guide catalogue) from the records' counts. */
function tallied(
  { byYear, total, validDelta, guideDelta, publishedYears }: TallyCounts,
  reportYears: Iterable<number>,
): Tallies {
  const tallyOf = (year: number) => nested(byYear, year);
  // Only years with content or a report: a range from the first to the last would turn one
  // mistyped year (0025) into two thousand empty statistics pages.
  // A year whose only event is a repeal has a page too (its 本年废止), unless it is after the last year.
  const known = [...publishedYears, ...reportYears];
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
