/**
 * The record store's whole file (`records.v8`, src/build/cache/records.ts) as columns rather than
 * one `[path, entry]` pair per file: opening it is `v8.deserialize` and the collector copying
 * every object it makes, so what was one object per file and repeated in every entry is kept once
 * or in a typed array. The stamps are one Float64Array; the bodies are not among the columns
 * (record-bodies.ts: bytes after them in the store's file, read when a body is asked for); a path
 * is written only when it is not its record's `abs`; an entry's problems and its byte digest only
 * when it has any; each distinct wording signature and record fact once, entries pointing at
 * them. At 20k items this is ~30 % less CPU to open than the pairs.
 */
import type { RecordCacheEntry } from "../../content/record-cache.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Problem } from "../../problems/problems.ts";
import type { RecordFacts } from "./record-facts.ts";
import { fromTape, toTape, type RecordTape } from "./record-tape.ts";
import { encodeBodies, StoredBodies } from "./record-bodies.ts";
import { KEPT_SLOT } from "../../content/kept.ts";

/** Bumped when the columns change: a file of another layout is not used. */
export const COLUMNS_LAYOUT = 5;

/** Plain data (v8 serialization). */
export interface RecordColumns {
  layout: typeof COLUMNS_LAYOUT;
  /** Per entry, its path, or null when that is its record's `abs`. */
  paths: (string | null)[];
  /** Per entry, mtimeMs, size and ino. */
  stamps: Float64Array;
  /** Per entry, its record with an empty body, or null (a file that gave only problems), as a tape. */
  records: RecordTape;
  /** Per entry, where its body's bytes end among the bodies (record-bodies.ts), and 1 when they are UTF-16LE. */
  bodyEnds: Float64Array;
  bodyWide: Uint8Array;
  /** [entry, its problems] for the entries that have any. */
  problems: [number, Problem[]][];
  /** [entry, digest of its bytes] for the entries that kept one (files modified just before). */
  byteDigests: [number, string][];
  /** Per entry, the digest of its record (digest.ts), or null. */
  digests: (string | null)[];
  /** The distinct wording signatures, and per entry an index into them (−1: none). */
  signatures: string[];
  clean: Int32Array;
  /**
   * The distinct record facts as one JSON text, and per entry an index into them (−1: none).
   * Facts are small nested arrays and objects of strings and numbers: at 50k items (8k distinct)
   * `JSON.parse` makes them in about half the CPU `v8.deserialize` took (30 against 65 ms) and
   * allocates a third of its memory (4.5 against 12.7 MB), all of which the collector copied
   * while the store opened.
   */
  factTable: string;
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

/** The columns of `rows`, and their bodies' bytes, which the store writes after them (records.ts). */
export function toColumns({ entries, digests, clean, facts }: RecordRows): {
  columns: RecordColumns;
  bodies: Buffer;
} {
  const n = entries.length;
  const stamps = new Float64Array(n * 3);
  const bodies = new Array<string | undefined>(n);
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
    bodies[i] = record.body;
    return { ...record, body: "" };
  });
  const [signatures, cleanIndex] = interned(clean, (s) => s);
  const [factTable, factIndex] = interned(facts, (f) => JSON.stringify(f));
  const { bytes, ends, wide } = encodeBodies(bodies);
  const columns: RecordColumns = {
    layout: COLUMNS_LAYOUT,
    paths: entries.map(([abs, entry]) => (entry.result.record?.abs === abs ? null : abs)),
    stamps,
    records: toTape(records),
    bodyEnds: ends,
    bodyWide: wide,
    problems,
    byteDigests,
    digests,
    signatures,
    clean: cleanIndex,
    factTable: JSON.stringify(factTable),
    facts: factIndex,
  };
  return { columns, bodies: bytes };
}

/** What the store keeps per entry, as columns: paths and entries apart (no pair per entry). */
export interface StoredRows extends Omit<RecordRows, "entries"> {
  paths: string[];
  entries: RecordCacheEntry[];
  /** Where the records' bodies are read from. */
  bodies: StoredBodies;
}

/** The rows back as pairs, with their bodies from `bodies` (see `storedRows`). */
export function fromColumns(stored: Partial<RecordColumns>, bodies: Buffer): RecordRows | undefined {
  const rows = storedRows(stored, (ends, wide) => new StoredBodies(bodies, 0, ends, wide), bodies.length);
  if (!rows) return undefined;
  const { paths, entries, digests, clean, facts } = rows;
  return { digests, clean, facts, entries: entries.map((entry, i) => [paths[i], entry]) };
}

/** The array a JSON text holds, or undefined (not JSON, or not an array). */
function parsedArray(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rows back, or undefined when `stored` is not columns of this layout, or its bodies are not
 * `size` bytes (then it is not used). `bodiesOf` gives the bodies' reader (record-bodies.ts): the
 * records read a body from it when it is asked for (the caller closes it when the rows are not used).
 */
export function storedRows(
  stored: Partial<RecordColumns>,
  bodiesOf: (ends: Float64Array, wide: Uint8Array) => StoredBodies,
  size: number,
): StoredRows | undefined {
  const { paths, stamps, bodyEnds, bodyWide, problems, byteDigests, digests } = stored;
  const { signatures, clean, factTable, facts } = stored;
  if (stored.layout !== COLUMNS_LAYOUT || !Array.isArray(paths) || !stored.records) return undefined;
  const n = paths.length;
  if (
    !(bodyEnds instanceof Float64Array && bodyEnds.length === n) ||
    !(bodyWide instanceof Uint8Array && bodyWide.length === n) ||
    (n ? bodyEnds[n - 1] : 0) !== size ||
    !(stamps instanceof Float64Array && stamps.length === 3 * n) ||
    !Array.isArray(problems) ||
    !Array.isArray(byteDigests) ||
    !(Array.isArray(digests) && digests.length === n) ||
    !Array.isArray(signatures) ||
    !(clean instanceof Int32Array && clean.length === n) ||
    typeof factTable !== "string" ||
    !(facts instanceof Int32Array && facts.length === n)
  )
    return undefined;
  const factsMade = parsedArray(factTable);
  if (!factsMade) return undefined;
  const bodies = bodiesOf(bodyEnds, bodyWide);
  // Each record on the tape gets its row as it is made (its body is read by it), and the slot of
  // what the store keeps with it (src/content/kept.ts, set by records.ts).
  const slots = { row: StoredBodies.row, reserved: KEPT_SLOT };
  const records = fromTape(stored.records, n, bodies.accessor, slots) as (ContentRecord | null)[] | undefined;
  if (!records) return undefined;
  const problemsOf = new Map(problems);
  const bytesOf = new Map(byteDigests);
  const entries = new Array<RecordCacheEntry>(n);
  const absOf = new Array<string>(n);
  // Records v8 gave back whole (not plain data: record-tape.ts) have a body of their own: read now.
  const whole = new Set(stored.records.whole);
  for (let i = 0; i < n; i++) {
    const record = records[i];
    const ownProblems = problemsOf.get(i) ?? NO_PROBLEMS;
    if (record && whole.has(record)) record.body = bodies.body(i);
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
  return {
    paths: absOf,
    entries,
    bodies,
    digests,
    clean: Array.from(clean, (k) => (k < 0 ? null : (signatures[k] ?? null))),
    facts: Array.from(facts, (k) => (k < 0 ? null : ((factsMade[k] as RecordFacts | undefined) ?? null))),
  };
}
