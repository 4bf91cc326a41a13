/**
 * The record store's whole file (`records.v8`, src/build/cache/records.ts) as columns rather than
 * one `[path, entry]` pair per file: opening it is `v8.deserialize` and the collector copying
 * every object it makes, so what was one object per file and repeated in every entry is kept once
 * or in a typed array. The stamps are one Float64Array; the bodies one string, each record's a
 * slice of it; a path is written only when it is not its record's `abs`; an entry's problems and
 * its byte digest only when it has any; each distinct wording signature and record fact once,
 * entries pointing at them. At 20k items this is ~30 % less CPU to open than the pairs.
 */
import type { RecordCacheEntry } from "../../content/record-cache.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Problem } from "../../problems/problems.ts";
import type { RecordFacts } from "./record-facts.ts";
import { fromTape, toTape, type RecordTape } from "./record-tape.ts";

/** Bumped when the columns change: a file of another layout is not used. */
export const COLUMNS_LAYOUT = 2;

/** Plain data (v8 serialization). */
export interface RecordColumns {
  layout: typeof COLUMNS_LAYOUT;
  /** Per entry, its path, or null when that is its record's `abs`. */
  paths: (string | null)[];
  /** Per entry, mtimeMs, size and ino. */
  stamps: Float64Array;
  /** Per entry, its record with an empty body, or null (a file that gave only problems), as a tape. */
  records: RecordTape;
  /** Every record's body, joined; `bodyLengths` cuts it (0 for an entry without a record). */
  bodies: string;
  bodyLengths: Uint32Array;
  /** [entry, its problems] for the entries that have any. */
  problems: [number, Problem[]][];
  /** [entry, digest of its bytes] for the entries that kept one (files modified just before). */
  byteDigests: [number, string][];
  /** Per entry, the digest of its record (digest.ts), or null. */
  digests: (string | null)[];
  /** The distinct wording signatures, and per entry an index into them (−1: none). */
  signatures: string[];
  clean: Int32Array;
  /** The distinct record facts, and per entry an index into them (−1: none). */
  factTable: RecordFacts[];
  facts: Int32Array;
}

/** What the store keeps per entry, as records.ts reads and writes it. */
export interface RecordRows {
  entries: [string, RecordCacheEntry][];
  digests: (string | null)[];
  clean: (string | null)[];
  facts: (RecordFacts | null)[];
}

/** Shared by every entry without problems: nothing adds to a cached result's problems. */
const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/** Distinct values by a text of them, each kept once, and per row its index (−1 for null). */
function interned<T>(values: readonly (T | null)[], text: (value: T) => string): [T[], Int32Array] {
  const table: T[] = [];
  const at = new Map<string, number>();
  const index = new Int32Array(values.length);
  values.forEach((value, i) => {
    if (value === null || value === undefined) return void (index[i] = -1);
    const key = text(value);
    let k = at.get(key);
    if (k === undefined) at.set(key, (k = table.push(value) - 1));
    index[i] = k;
  });
  return [table, index];
}

export function toColumns({ entries, digests, clean, facts }: RecordRows): RecordColumns {
  const n = entries.length;
  const stamps = new Float64Array(n * 3);
  const bodyLengths = new Uint32Array(n);
  const bodies: string[] = [];
  const problems: [number, Problem[]][] = [];
  const byteDigests: [number, string][] = [];
  const records = entries.map(([, entry], i): ContentRecord | null => {
    stamps[3 * i] = entry.mtimeMs;
    stamps[3 * i + 1] = entry.size;
    stamps[3 * i + 2] = entry.ino;
    if (entry.result.problems.length) problems.push([i, entry.result.problems]);
    if (entry.digest !== undefined) byteDigests.push([i, entry.digest]);
    const { record } = entry.result;
    if (!record) return null;
    bodies.push(record.body);
    bodyLengths[i] = record.body.length;
    return { ...record, body: "" };
  });
  const [signatures, cleanIndex] = interned(clean, (s) => s);
  const [factTable, factIndex] = interned(facts, (f) => JSON.stringify(f));
  return {
    layout: COLUMNS_LAYOUT,
    paths: entries.map(([abs, entry]) => (entry.result.record?.abs === abs ? null : abs)),
    stamps,
    records: toTape(records),
    bodies: bodies.join(""),
    bodyLengths,
    problems,
    byteDigests,
    digests,
    signatures,
    clean: cleanIndex,
    factTable,
    facts: factIndex,
  };
}

/** What the store keeps per entry, as columns: paths and entries apart (no pair per entry). */
export interface StoredRows extends Omit<RecordRows, "entries"> {
  paths: string[];
  entries: RecordCacheEntry[];
}

/** The rows back as pairs (see `storedRows`). */
export function fromColumns(stored: Partial<RecordColumns>): RecordRows | undefined {
  const rows = storedRows(stored);
  if (!rows) return undefined;
  const { paths, entries, ...rest } = rows;
  return { ...rest, entries: entries.map((entry, i) => [paths[i], entry]) };
}

/** The rows back, or undefined when `stored` is not columns of this layout (then it is not used). */
export function storedRows(stored: Partial<RecordColumns>): StoredRows | undefined {
  const { paths, stamps, bodies, bodyLengths, problems, byteDigests, digests } = stored;
  const { signatures, clean, factTable, facts } = stored;
  if (stored.layout !== COLUMNS_LAYOUT || !Array.isArray(paths) || !stored.records) return undefined;
  const n = paths.length;
  const records = fromTape(stored.records, n) as (ContentRecord | null)[] | undefined;
  if (
    !records ||
    !(stamps instanceof Float64Array && stamps.length === 3 * n) ||
    typeof bodies !== "string" ||
    !(bodyLengths instanceof Uint32Array && bodyLengths.length === n) ||
    !Array.isArray(problems) ||
    !Array.isArray(byteDigests) ||
    !(Array.isArray(digests) && digests.length === n) ||
    !Array.isArray(signatures) ||
    !(clean instanceof Int32Array && clean.length === n) ||
    !Array.isArray(factTable) ||
    !(facts instanceof Int32Array && facts.length === n)
  )
    return undefined;
  const problemsOf = new Map(problems);
  const bytesOf = new Map(byteDigests);
  const entries = new Array<RecordCacheEntry>(n);
  const absOf = new Array<string>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const record = records[i];
    const ownProblems = problemsOf.get(i) ?? NO_PROBLEMS;
    if (record) {
      record.body = bodies.slice(at, (at += bodyLengths[i]));
    }
    const abs = paths[i] ?? record?.abs;
    if (typeof abs !== "string") return undefined;
    absOf[i] = abs;
    entries[i] = {
      mtimeMs: stamps[3 * i],
      size: stamps[3 * i + 1],
      ino: stamps[3 * i + 2],
      digest: bytesOf.get(i),
      result: record ? { record, problems: ownProblems } : { problems: ownProblems },
    };
  }
  if (at !== bodies.length) return undefined;
  return {
    paths: absOf,
    entries,
    digests,
    clean: Array.from(clean, (k) => (k < 0 ? null : (signatures[k] ?? null))),
    facts: Array.from(facts, (k) => (k < 0 ? null : (factTable[k] ?? null))),
  };
}
