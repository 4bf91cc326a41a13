/**
 * The audit lists: for every year and every computed statistics row, exactly the items its figure
 * counts. Built in one pass over the records with the same classification as the tallies
 * (cells.ts), so each list's length is the figure it backs.
 */
import { statisticsRows, type PolicyMeasure } from "../config/statistics.ts";
import type { Portal } from "../portal/portal.ts";
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import { countedTypes, inPolicyCell, keyMaps, policySpan, yearCells } from "./cells.ts";
import type { Tallies } from "./compute.ts";
import { queryCells } from "./query.ts";

/** Items per `${year}/${rowKey}`, newest first (the records' order). */
export type AuditLists = Map<string, ContentRecord[]>;

export const auditKey = (year: number, rowKey: string) => `${year}/${rowKey}`;

/**
 * Kept runs of the site's records (the build cache's: src/build/cache/site-tallies.ts): each
 * run's lists, in order, from what an earlier build listed where the run's records and the
 * years are the same, else from `list`.
 */
export interface AuditListMemo {
  audits(
    portal: Portal,
    years: readonly number[],
    list: (run: readonly ContentRecord[]) => AuditLists,
  ): AuditLists[];
}

/** By the site config the build was given (portal.site): one build's memo. */
const memos = new WeakMap<Site, AuditListMemo>();

export function rememberAuditLists(site: Site, memo: AuditListMemo): void {
  memos.set(site, memo);
}

export function auditLists(portal: Portal, tallies: Tallies): AuditLists {
  const list = auditPlan(portal, tallies.years);
  const memo = memos.get(portal.site);
  if (!memo) return list(portal.records);
  const runs = memo.audits(portal, tallies.years, list);
  return joinRuns(runs, [...(runs[0]?.keys() ?? list([]).keys())]);
}

/**
 * The runs' lists joined in the runs' order, one list per key of `keys`. Each run has every list,
 * with the same keys in the same order (`auditPlan` makes them so, and a kept run is decoded in the
 * order it was made: src/build/cache/site-tallies-kept.ts), so a run's lists are walked beside the
 * keys instead of each key looked up in each run (~150 keys × ~400 runs at 50k items, every run's
 * keys strings of their own) and a `flatMap` callback per key and run: ~25 samples of a one-edit
 * build's main thread at 50k. A run whose keys are not those, in that order, is looked up by key.
 */
export function joinRuns(runs: readonly AuditLists[], keys: readonly string[]): AuditLists {
  const joined: ContentRecord[][] = keys.map(() => []);
  for (const run of runs) {
    if (sameKeys(run, keys)) {
      let k = 0;
      for (const items of run.values()) append(joined[k++], items);
    } else for (let k = 0; k < keys.length; k++) append(joined[k], run.get(keys[k]) ?? []);
  }
  const lists: AuditLists = new Map();
  for (let k = 0; k < keys.length; k++) lists.set(keys[k], joined[k]);
  return lists;
}

/** Does `run` hold exactly `keys`, in that order? */
function sameKeys(run: AuditLists, keys: readonly string[]): boolean {
  if (run.size !== keys.length) return false;
  let k = 0;
  for (const key of run.keys()) if (key !== keys[k++]) return false;
  return true;
}

function append(to: ContentRecord[], items: readonly ContentRecord[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]);
}

/** What lists the records of a run (one pass over them), for the rows and the years. */
function auditPlan(
  portal: Portal,
  years: readonly number[],
): (records: readonly ContentRecord[]) => AuditLists {
  const { site } = portal;
  const maps = keyMaps(site);
  const counted = countedTypes(portal.types);
  const computed = statisticsRows(site.statistics).filter((row) => row.count);
  /** Cell → keys of the rows that sum it (non-policy rows). */
  const rowsOfCell = new Map<string, string[]>();
  /** Policy rows: kind cells and measure. */
  const policyRows: { key: string; kinds: Set<string>; measure: PolicyMeasure }[] = [];
  /** Listed-guide cell → keys of the rows that sum it: a guide is in every year's list from its own on. */
  const listedRows = new Map<string, string[]>();
  for (const row of computed) {
    const cells = queryCells(site, row.count!);
    if ("policyKind" in row.count!) {
      policyRows.push({
        key: row.key,
        kinds: new Set(cells.map((c) => c.split(":")[1])),
        measure: row.count.measure,
      });
      continue;
    }
    for (const cell of cells) {
      const index = cell.startsWith("guidesListed:") ? listedRows : rowsOfCell;
      index.set(cell, [...(index.get(cell) ?? []), row.key]);
    }
  }
  return (records) => {
    const lists: AuditLists = new Map();
    /** Row key → year → its list (the same arrays as `lists`: no key string made per item). */
    const byRow = new Map<string, Map<number, ContentRecord[]>>();
    for (const year of years)
      for (const row of computed) {
        const list: ContentRecord[] = [];
        lists.set(auditKey(year, row.key), list);
        let years = byRow.get(row.key);
        if (!years) byRow.set(row.key, (years = new Map<number, ContentRecord[]>()));
        years.set(year, list);
      }
    const add = (year: number, key: string, record: ContentRecord) => byRow.get(key)?.get(year)?.push(record);

    for (const record of records) {
      const spec = counted.get(record.type);
      if (!spec || record.year === undefined) continue;
      const matched = new Set<string>();
      for (const cell of yearCells(maps, spec, record))
        for (const key of rowsOfCell.get(cell) ?? []) matched.add(key);
      for (const key of matched) add(record.year, key, record);
      if (record.type === "guide") {
        const first = record.year;
        for (const key of listedRows.get(`guidesListed:${maps.guideTypes.get(record.fields.item_type)}`) ??
          []) {
          for (const year of years) if (year >= first) add(year, key, record);
        }
      }
      if (record.type !== "policy" || policyRows.length === 0) continue;
      const span = policySpan(site, record);
      for (const row of policyRows) {
        if (!row.kinds.has(span.kind)) continue;
        for (const year of years) if (inPolicyCell(span, row.measure, year)) add(year, row.key, record);
      }
    }
    return lists;
  };
}
