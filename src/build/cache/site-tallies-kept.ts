/**
 * A run of the site's tallies as site-tallies.ts keeps it: its counts and its audit lists as
 * places among its records.
 */
import type { ContentRecord } from "../../content/types.ts";
import type { AuditLists } from "../../tallies/audit.ts";
import type { TallyCounts } from "../../tallies/compute.ts";

export interface Kept {
  /** The digest of its records' digests, in order (organ-counts.ts `itemsKey`). */
  items: string;
  counts: TallyCounts;
  audits?: KeptAudits;
}

/**
 * A run's audit lists: the years listed for (joined by commas), the lists' keys, and their places
 * among the run's records end to end (`ends[i]`: where list i ends). A typed array per list was
 * ~38k at 50k items, each a host object node:v8 reads back through a JS callback (~85 ms).
 */
export interface KeptAudits {
  years: string;
  keys: string[];
  ends: Int32Array;
  places: Int32Array;
}

/** One run as this build has it: what was kept for it (when its records are the same), and its results. */
export interface Now {
  records: readonly ContentRecord[];
  kept?: Kept;
  counts?: TallyCounts;
  audits?: { years: string; lists: AuditLists };
}

/** The lists kept for a run of `records`, or undefined when they do not fit it (then they are made again). */
export function decoded(
  { keys, ends, places }: KeptAudits,
  records: readonly ContentRecord[],
): AuditLists | undefined {
  if (ends.length !== keys.length || (ends.at(-1) ?? 0) !== places.length) return undefined;
  const lists: AuditLists = new Map();
  let from = 0;
  for (let k = 0; k < keys.length; k++) {
    const to = ends[k];
    if (to < from) return undefined;
    const list: ContentRecord[] = [];
    for (let i = from; i < to; i++) {
      const record = records[places[i]];
      if (record === undefined) return undefined;
      list.push(record);
    }
    lists.set(keys[k], list);
    from = to;
  }
  return lists;
}

/** A run's results as kept: places among its records (undefined when a listed record is not one of them). */
export function encode(now: Now, items: string): Kept | undefined {
  const counts = now.counts ?? now.kept?.counts;
  if (!counts) return undefined;
  let audits = now.kept?.audits;
  if (now.audits) {
    const at = new Map<object, number>(now.records.map((record, i) => [record, i]));
    const [keys, ends, places]: [string[], number[], number[]] = [[], [], []];
    for (const [key, records] of now.audits.lists) {
      for (const record of records) places.push(at.get(record) ?? -1);
      keys.push(key);
      ends.push(places.length);
    }
    if (places.includes(-1)) return undefined;
    audits = { years: now.audits.years, keys, ends: Int32Array.from(ends), places: Int32Array.from(places) };
  }
  return { items, counts, audits };
}
