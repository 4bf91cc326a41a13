/**
 * The pages' side of the index that is made once for all shards: the filter columns (`f.gz`, per
 * filter one varint per page: 0 none, else value index + 1) and the dates (`o.gz`). Each shard's
 * record and text files (`d/`, `t/`) are made where it is indexed (doc-pieces.mjs).
 */

export { DOC_CHUNK } from "./doc-pieces.mjs";

/** The filter columns and each filter's values (sorted, so the same pages give the same bytes). */
export function facetColumns(
  keys: readonly string[],
  records: readonly Record<string, string>[],
): { values: Record<string, string[]>; columns: Uint8Array } {
  const values: Record<string, string[]> = {};
  const out: number[] = [];
  for (const key of keys) {
    const all = [...new Set(records.map((r) => r[key]).filter((v): v is string => v !== undefined))].sort();
    values[key] = all;
    const index = new Map(all.map((v, i) => [v, i + 1]));
    for (const r of records) {
      let v = r[key] === undefined ? 0 : index.get(r[key])!;
      while (v >= 128) {
        out.push((v % 128) | 128);
        v = Math.floor(v / 128);
      }
      out.push(v);
    }
  }
  return { values, columns: Uint8Array.from(out) };
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
