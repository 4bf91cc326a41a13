/**
 * The lists of reads of the index being saved, carried from the previous index's sections
 * (index-rest.ts lays them out: a column of paths and one of digests, one row per distinct pair,
 * and the lists as numbers into them). At 50k items ~17k lists of ~58k pairs: numbering every
 * pair again (a map lookup each) and writing both columns again took ~70 ms of a one-edit
 * build's main thread, where nearly every list is one the previous index had. Here the previous
 * pairs keep their numbers (both columns are carried as the bytes read), a list the previous index
 * had is copied as its numbers, and only the pairs of the new lists are added at the end. Pairs
 * no list uses any longer stay in the columns until they are a quarter of them; then the lists are
 * numbered afresh (`restSections`' full pass), which drops them.
 */
import type { SectionOut } from "./index-sections.ts";
import type { Dependency } from "./trace.ts";

/** The previous index's lists of reads as read from its file (index-rest.ts `restOf`). */
export interface ReadsRows {
  /** The lists: per list, its length, then its pairs' numbers. */
  lists: Float64Array;
  /** Where each list starts in `lists`. */
  starts: Int32Array;
  /** How many pairs the columns hold, and their bytes (the sections as read, rows without the last line break). */
  pairs: number;
  paths: Uint8Array;
  digests: Uint8Array;
}

/** A line break between two parts of a column. */
const NEWLINE = Buffer.from("\n");

/**
 * The sections of the lists `reads` (paths, digests, lists), carried from `previous`; `from`:
 * per list of `reads`, the previous index's number of a list with the same pairs (-1: none).
 * Undefined when the unused pairs would be a quarter of the columns or more, or a new pair
 * holds a line break (the caller numbers every pair afresh).
 */
export function carriedReads(
  reads: readonly Dependency[][],
  previous: ReadsRows,
  from: Int32Array,
): SectionOut[] | undefined {
  const { lists: before, starts } = previous;
  let size = 0;
  for (let l = 0; l < reads.length; l++) size += reads[l].length + 1;
  const lists = new Float64Array(size);
  const ids = new Map<string, number>();
  const paths: string[] = [];
  const digests: string[] = [];
  let at = 0;
  for (let l = 0; l < reads.length; l++) {
    const was = from[l];
    if (was >= 0) {
      const start = starts[was];
      const end = start + before[start] + 1;
      lists.set(before.subarray(start, end), at);
      at += end - start;
      continue;
    }
    const deps = reads[l];
    lists[at++] = deps.length;
    for (let d = 0; d < deps.length; d++) {
      const [path, digest] = deps[d];
      if (path.includes("\n") || digest.includes("\n")) return undefined;
      const pair = `${path}\0${digest}`;
      let id = ids.get(pair);
      if (id === undefined) {
        ids.set(pair, (id = previous.pairs + paths.push(path) - 1));
        digests.push(digest);
      }
      lists[at++] = id;
    }
  }
  const total = previous.pairs + paths.length;
  if (4 * live(lists, total) < 3 * total) return undefined;
  const column = (bytes: Uint8Array, added: string[]): SectionOut => {
    const parts: Uint8Array[] = previous.pairs > 0 ? [bytes] : [];
    if (added.length > 0) {
      if (parts.length > 0) parts.push(NEWLINE);
      parts.push(Buffer.from(added.join("\n")));
    }
    return { parts, count: total };
  };
  return [column(previous.paths, paths), column(previous.digests, digests), { float64s: lists }];
}

/** How many of the `total` pairs the lists use. */
function live(lists: Float64Array, total: number): number {
  const used = new Uint8Array(total);
  let count = 0;
  let at = 0;
  while (at < lists.length) {
    const end = at + lists[at] + 1;
    for (at++; at < end; at++) {
      const id = lists[at];
      if (used[id] === 0) {
        used[id] = 1;
        count++;
      }
    }
  }
  return count;
}
