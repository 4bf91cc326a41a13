/**
 * The cache index's sections beside the pages and the blobs (index-file.ts): the lists of reads,
 * the search index's joined files, its shards and the steps' notes. At 50k items the lists of
 * reads were ~4.9 MB of JSON (~9k lists of ~58k [path, digest] pairs, ~17k of them distinct) and
 * the joined files ~2.6 MB (~17k files): as one JSON section, decoding and parsing it was the
 * larger part of opening the cache. So each distinct pair is written once, in two columns of
 * lines (paths, digests), and the lists as numbers into them; the joined files as three columns
 * of lines. Shards and notes (small) stay JSON.
 */
import type { SectionOut, Section } from "./index-sections.ts";
import { isRecord, isSha256, isString, strings } from "./index-values.ts";
import type { Dependency } from "./trace.ts";
import { carriedReads, type ReadsRows } from "./index-reads.ts";

/** What the sections hold (index-file.ts `Index`). */
export interface IndexRest {
  reads: Dependency[][];
  shards: Record<string, [string, string][]>;
  joined: Record<string, [string, string]>;
  notes: Record<string, string[]>;
  /** The lists of reads as read from a file: the next index carries them (index-reads.ts). */
  readsRows?: ReadsRows;
}

/** How many sections `restSections` writes. */
export const REST_SECTIONS = 7;

/**
 * The sections of `rest`, in the order `restOf` reads them. `carry`: the previous index's lists of
 * reads, and per list of `reads` the number of the previous one with the same pairs (-1: none).
 */
export function restSections(
  { reads, shards, joined, notes }: IndexRest,
  carry?: { previous: ReadsRows; from: Int32Array },
): SectionOut[] {
  const rels = Object.keys(joined);
  const rest: SectionOut[] = [
    { column: rels },
    { column: rels.map((rel) => joined[rel][0]) },
    { column: rels.map((rel) => joined[rel][1]) },
  ];
  const carried = carry && carriedReads(reads, carry.previous, carry.from);
  if (carried) return [{ json: { shards, notes } }, ...carried, ...rest];
  const ids = new Map<string, number>();
  // The lists read from the previous index share each pair's array (`readsOf`): known by identity,
  // a pair needs no text made and hashed (~58k pairs at 50k items, most of them carried).
  const idOfPair = new Map<Dependency, number>();
  const paths: string[] = [];
  const digests: string[] = [];
  let size = reads.length;
  for (const deps of reads) size += deps.length;
  // Per list, its length, then its pairs' numbers.
  const lists = new Float64Array(size);
  let at = 0;
  for (let l = 0; l < reads.length; l++) {
    const deps = reads[l];
    lists[at++] = deps.length;
    for (let d = 0; d < deps.length; d++) {
      const dep = deps[d];
      let id = idOfPair.get(dep);
      if (id === undefined) {
        const path = dep[0];
        const digest = dep[1];
        // A path is a JSON text: no NUL in it.
        const pair = `${path}\0${digest}`;
        id = ids.get(pair);
        if (id === undefined) {
          ids.set(pair, (id = paths.push(path) - 1));
          digests.push(digest);
        }
        idOfPair.set(dep, id);
      }
      lists[at++] = id;
    }
  }
  return [{ json: { shards, notes } }, { column: paths }, { column: digests }, { float64s: lists }, ...rest];
}

const isPair = (value: unknown, second: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && second(value[1]);

function every(record: unknown, test: (value: unknown, key: string) => boolean): boolean {
  if (!isRecord(record)) return false;
  for (const key in record) if (!test(record[key], key)) return false;
  return true;
}

/**
 * The lists of reads in `lists` (see `restSections`), each pair one array shared by the lists
 * holding it, and where each list starts in `lists`.
 */
function readsOf(
  lists: Float64Array,
  paths: string[],
  digests: string[],
): { reads: Dependency[][]; starts: Int32Array; lists: Float64Array } | undefined {
  const pairs = paths.map((path, i): Dependency => [path, digests[i]]);
  const reads: Dependency[][] = [];
  const starts: number[] = [];
  let at = 0;
  while (at < lists.length) {
    starts.push(at);
    const length = lists[at++];
    if (!Number.isInteger(length) || length < 0 || at + length > lists.length) return undefined;
    const deps = new Array<Dependency>(length);
    for (let i = 0; i < length; i++) {
      const pair = pairs[lists[at++]];
      if (pair === undefined) return undefined;
      deps[i] = pair;
    }
    reads.push(deps);
  }
  return { reads, starts: Int32Array.from(starts), lists };
}

/** The sections `restSections` wrote (`sections`, from the first), or undefined when they are not exactly that. */
export function restOf(sections: readonly Section[]): IndexRest | undefined {
  const [head, pathsAt, digestsAt, listsAt, relsAt, beforeAt, filesAt] = sections;
  const value = head && "json" in head ? head.json : undefined;
  if (!isRecord(value) || Object.keys(value).length !== 2) return undefined;
  const { shards, notes } = value;
  const ok =
    every(shards, (files) => Array.isArray(files) && files.every((file) => isPair(file, isSha256))) &&
    every(notes, (note) => Array.isArray(note) && note.every(isString));
  const paths = strings(pathsAt);
  const digests = paths && strings(digestsAt, paths.length);
  const lists =
    ok && paths && digests && listsAt && "float64s" in listsAt
      ? readsOf(listsAt.float64s, paths, digests)
      : undefined;
  const reads = lists?.reads;
  const rels = reads && strings(relsAt);
  const before = rels && strings(beforeAt, rels.length, true);
  const files = before && strings(filesAt, rels.length, true);
  if (!reads || !rels || !before || !files) return undefined;
  const joined: Record<string, [string, string]> = {};
  for (let i = 0; i < rels.length; i++) {
    // A file listed twice: not an index this code wrote (nor one that would set the prototype).
    if (rels[i] === "__proto__" || Object.hasOwn(joined, rels[i])) return undefined;
    joined[rels[i]] = [before[i], files[i]];
  }
  // The columns' bytes, to be carried (index-reads.ts): not when a path holds a line break (JSON).
  const pathBytes = "bytes" in pathsAt ? pathsAt.bytes : undefined;
  const digestBytes = "bytes" in digestsAt ? digestsAt.bytes : undefined;
  const readsRows: ReadsRows | undefined =
    paths && pathBytes && digestBytes
      ? {
          lists: lists.lists,
          starts: lists.starts,
          pairs: paths.length,
          paths: pathBytes,
          digests: digestBytes,
        }
      : undefined;
  return {
    reads,
    shards: shards as IndexRest["shards"],
    joined,
    notes: notes as IndexRest["notes"],
    readsRows,
  };
}
