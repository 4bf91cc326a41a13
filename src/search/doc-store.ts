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
 * A shard's share of the columns: per filter (`keys`), the values its pages have (`dicts`, any
 * order) and each page's code (0: none, else the value's place in the dict + 1), and each page's
 * date as `o.gz` counts it. Made from the shard's pages, or kept by the build cache with the
 * shard (src/build/cache/search-columns.ts): the shard's key holds what they are made of. Codes,
 * not each page's strings: ~50k pages' values were ~0.3 s to read back as JSON in a build.
 */
export interface ColumnsPart {
  keys: string[];
  dicts: string[][];
  codes: Uint32Array[];
  minutes: Float64Array;
}

/** The filters' keys, in their order on the search page (index.json's `facets`). */
export function facetKeys(types: readonly AnyTypeSpec[]): string[] {
  return searchFacets(types).map((f) => f.key);
}

/** The shard's share of the columns, from its pages. */
export function columnsPartOf(pages: readonly SearchPage[], types: readonly AnyTypeSpec[]): ColumnsPart {
  const keys = facetKeys(types);
  const places = keys.map(() => new Map<string, number>());
  const codes = keys.map(() => new Uint32Array(pages.length));
  pages.forEach((page, i) => {
    const filters = searchFiltersOf(page, types);
    keys.forEach((key, k) => {
      const value = filters[key];
      if (value === undefined) return;
      let place = places[k].get(value);
      if (place === undefined) places[k].set(value, (place = places[k].size));
      codes[k][i] = place + 1;
    });
  });
  const minutes = Float64Array.from(pages, (page) => minutesOf(page.date));
  return { keys, dicts: places.map((place) => [...place.keys()]), codes, minutes };
}

/** A shard's share of the columns from elsewhere (the build cache), else `make()`'s. */
export type ColumnsFrom = (keys: readonly string[], count: number, make: () => ColumnsPart) => ColumnsPart;

/** The columns of the shards' pages (`pageColumns`) and each shard's share, taken `from` where given. */
export function shardColumns(
  shards: readonly (readonly SearchPage[])[],
  types: readonly AnyTypeSpec[],
  from: readonly (ColumnsFrom | undefined)[],
) {
  const keys = facetKeys(types);
  const parts = shards.map((pages, k) => {
    const make = () => columnsPartOf(pages, types);
    return from[k]?.(keys, pages.length, make) ?? make();
  });
  return { ...pageColumns(keys, parts), parts };
}

/**
 * The filter columns (`f.gz`, per filter one varint per page: 0 none, else the value's place in
 * its sorted values + 1), each filter's values (index.json, sorted, so the same pages give the
 * same bytes) and the dates (`o.gz`) of every page, from the shards' shares in shard order; a
 * record's escaped metadata is made only for a shard indexed again, with its job.
 */
export function pageColumns(keys: readonly string[], parts: readonly ColumnsPart[]) {
  const values: Record<string, string[]> = {};
  const out: Uint8Array[] = [];
  const count = parts.reduce((n, part) => n + part.minutes.length, 0);
  keys.forEach((key, k) => {
    const all = [...new Set(parts.flatMap((part) => part.dicts[k]))].sort();
    const place = new Map(all.map((value, i) => [value, i + 1]));
    values[key] = all;
    // Every value number in as many varint bytes as the largest at most.
    const bytes = new Uint8Array(count * Math.max(1, Math.ceil(Math.log2(all.length + 1) / 7)));
    let at = 0;
    for (const part of parts) {
      // The shard's code → the value's number among all (0: none).
      const number = Uint32Array.from([0, ...part.dicts[k].map((value) => place.get(value)!)]);
      const codes = part.codes[k];
      for (let i = 0; i < codes.length; i++) {
        let v = number[codes[i]];
        while (v >= 128) {
          bytes[at++] = (v % 128) | 128;
          v = Math.floor(v / 128);
        }
        bytes[at++] = v;
      }
    }
    out.push(bytes.subarray(0, at));
  });
  const minutes = new Float64Array(count);
  let at = 0;
  for (const part of parts) {
    minutes.set(part.minutes, at);
    at += part.minutes.length;
  }
  return { keys: [...keys], values, columns: new Uint8Array(Buffer.concat(out)), dates: dateColumn(minutes) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;
const EPOCH = Date.UTC(1900, 0, 1);

/** A date as `o.gz` counts it: minutes since 1900 + 1 (0: undated). */
export function minutesOf(date: string): number {
  const m = DATE.exec(date);
  return m
    ? Math.max(1, (Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) - EPOCH) / 60_000 + 1)
    : 0;
}

/**
 * `o.gz`: each page's date (`minutesOf`) as zigzag varints of the difference from the page
 * before. Pages are newest first, so the differences are small and mostly zero. Read only where
 * several sites' results are merged by date (the platform search).
 */
export function dateColumn(minutes: ArrayLike<number>): Uint8Array {
  const out: number[] = [];
  let previous = 0;
  for (let i = 0; i < minutes.length; i++) {
    const value = minutes[i];
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
