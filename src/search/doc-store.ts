/**
 * The pages' side of the index that is made once for all shards: the filter columns (`f.gz`, per
 * filter one varint per page: 0 none, else value index + 1) and the dates (`o.gz`). Each shard's
 * record and text files (`d/`, `t/`) are made where it is indexed (doc-pieces.mjs).
 */

import type { AnyTypeSpec } from "../content-types/spec.ts";
import { searchFacets, searchFiltersOf } from "./records.ts";
import type { SearchPage } from "./search-pages.ts";

export { DOC_CHUNK } from "./doc-pieces.mjs";

/**
 * The filter columns (`f.gz`), each filter's values (index.json) and the dates (`o.gz`) of every
 * page; a record's escaped metadata is made only for a shard indexed again, with its job.
 */
export function pageColumns(pages: readonly SearchPage[], types: readonly AnyTypeSpec[]) {
  const keys = searchFacets(types).map((f) => f.key);
  const { values, columns } = facetColumns(
    keys,
    pages.map((page) => searchFiltersOf(page, types)),
  );
  return { keys, values, columns, dates: dateColumn(pages.map((page) => page.date)) };
}

/** The filter columns and each filter's values (sorted, so the same pages give the same bytes). */
export function facetColumns(
  keys: readonly string[],
  records: readonly Record<string, string>[],
): { values: Record<string, string[]>; columns: Uint8Array } {
  const values: Record<string, string[]> = {};
  const parts: Uint8Array[] = [];
  const column = new Array<string | undefined>(records.length);
  for (const key of keys) {
    const index = new Map<string, number>();
    for (let i = 0; i < records.length; i++) {
      const value = records[i][key];
      column[i] = value;
      if (value !== undefined) index.set(value, 0);
    }
    const all = [...index.keys()].sort();
    all.forEach((value, i) => index.set(value, i + 1));
    values[key] = all;
    // Every value number in as many varint bytes as the largest at most.
    const out = new Uint8Array(records.length * Math.max(1, Math.ceil(Math.log2(all.length + 1) / 7)));
    let at = 0;
    for (const value of column) {
      let v = value === undefined ? 0 : index.get(value)!;
      while (v >= 128) {
        out[at++] = (v % 128) | 128;
        v = Math.floor(v / 128);
      }
      out[at++] = v;
    }
    parts.push(out.subarray(0, at));
  }
  return { values, columns: new Uint8Array(Buffer.concat(parts)) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;
const EPOCH = Date.UTC(1900, 0, 1);

/**
 * `o.gz`: each page's date as minutes since 1900 + 1 (0: undated), as zigzag varints of the
 * difference from the page before. Pages are newest first, so the differences are small and
 * mostly zero. Read only where several sites' results are merged by date (the platform search).
 */
export function dateColumn(dates: readonly string[]): Uint8Array {
  const out: number[] = [];
  let previous = 0;
  for (const date of dates) {
    const m = DATE.exec(date);
    const value = m
      ? Math.max(1, (Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) - EPOCH) / 60_000 + 1)
      : 0;
    const d = previous - value;
    let z = d >= 0 ? d * 2 : -d * 2 - 1;
    while (z >= 128) {
      out.push((z % 128) | 128);
      z = Math.floor(z / 128);
    }
    out.push(z);
    previous = value;
  }
  return Uint8Array.from(out);
}
