/**
 * The cache's index (`index.json`): its shape in memory and on disk, and a check of it. At 50k
 * items the index holds ~80k pages and ~100k blobs. In the file, pages and blobs are columns
 * (one array of output files, one of keys …): JSON.parse makes an object with 100k keys one
 * dictionary insert at a time, while arrays of strings parse and stringify in one sweep, and the
 * check is a loop over each array. A zod schema over it took longer than JSON.parse itself, so
 * the check is written out: typeof and length tests. Anything else than exactly this shape makes
 * the whole index unusable (the build starts afresh), as before.
 */
import { existsSync, readFileSync } from "node:fs";
import { CACHE_FORMAT } from "./fingerprint.ts";
import type { Dependency } from "./trace.ts";

/**
 * The pages, as the file holds them: one column per field, and the row of each output file. At
 * 50k items ~80k rows: a [key, sha256, reads] array per row, filled from the columns on opening
 * and emptied into them on saving, made ~160k arrays for the collector per build.
 */
export class PageTable {
  private readonly rows = new Map<string, number>();

  constructor(
    readonly files: string[] = [],
    readonly keys: string[] = [],
    readonly sha256s: string[] = [],
    /** Per row, its list of reads: an index into the index's `reads`. */
    readonly reads: number[] = [],
    /** Per row, its list page's hint ("" for none): list-hints.ts. */
    readonly hints: string[] = [],
  ) {
    for (let i = 0; i < files.length; i++) this.rows.set(files[i], i);
  }

  get size(): number {
    return this.files.length;
  }

  /** The row of `file`, or undefined (of a table that was given every file by `set` or on opening). */
  row(file: string): number | undefined {
    return this.rows.get(file);
  }

  set(file: string, key: string, sha256: string, reads: number, hint: string): void {
    const row = this.rows.get(file);
    if (row === undefined) this.rows.set(file, this.append(file, key, sha256, reads, hint));
    else this.setRow(row, key, sha256, reads, hint);
  }

  /**
   * Adds a row for `file`, which the caller knows is not in the table, without noting it for
   * `row`: a build carries ~80k rows over at 50k items, each a map lookup and insert otherwise.
   */
  append(file: string, key: string, sha256: string, reads: number, hint: string): number {
    const row = this.files.push(file) - 1;
    this.setRow(row, key, sha256, reads, hint);
    return row;
  }

  setRow(row: number, key: string, sha256: string, reads: number, hint: string): void {
    this.keys[row] = key;
    this.sha256s[row] = sha256;
    this.reads[row] = reads;
    this.hints[row] = hint;
  }
}

/** [size, mtimeMs, ino] of a blob when it was stored or last verified. */
export type BlobStat = [number, number, number];

export interface Index {
  format: string;
  fingerprint: string;
  /** Output file → its key, SHA-256 and reads. */
  pages: PageTable;
  /**
   * The distinct lists of reads, each written once: at 50k items ~80k pages share a few thousand
   * lists (most detail pages read only `portal.byType.page`), and a build checks each list once
   * (trace.ts `unchanged`).
   */
  reads: Dependency[][];
  /** Shard key → its files [relative path, sha256]. */
  shards: Record<string, [string, string][]>;
  /** The search index's joined files: path in the index → [SHA-256 before gzip, SHA-256 of the file]. */
  joined: Record<string, [string, string]>;
  /** What a step noted about this build's output (sitemap.xml: its pages marked noindex), by step. */
  notes: Record<string, string[]>;
  /** sha256 → its stat when it was stored or last verified. */
  blobs: Map<string, BlobStat>;
}

/** The file's shape: `pages` as [files, keys, sha256s, reads, hints], `blobs` as [sha256s, stats three by three]. */
interface IndexFile extends Omit<Index, "pages" | "blobs"> {
  pages: [string[], string[], string[], number[], string[]];
  blobs: [string[], number[]];
}

const KEYS = ["format", "fingerprint", "pages", "reads", "shards", "joined", "notes", "blobs"];

const HEX = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: checked by its length and characters (blob paths are made from it). */
export const isSha256 = (value: unknown): value is string =>
  typeof value === "string" && value.length === 64 && HEX.test(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isPair = (value: unknown, second: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && second(value[1]);

const isString = (value: unknown) => typeof value === "string";

function every(record: unknown, test: (value: unknown, key: string) => boolean): boolean {
  if (!isRecord(record)) return false;
  for (const key in record) if (!test(record[key], key)) return false;
  return true;
}

/** An array of `length` (when given) values that all pass `test`. */
function column(value: unknown, test: (v: unknown) => boolean, length?: number): value is unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) return false;
  for (const v of value) if (!test(v)) return false;
  return true;
}

const isReads = (value: unknown): boolean =>
  Array.isArray(value) && value.every((dep) => isPair(dep, isString));

const isFiniteNumber = (n: unknown) => typeof n === "number" && Number.isFinite(n);

function pagesOf(value: unknown, reads: number): PageTable | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [files, keys, sha256s, ids, hints] = value as unknown[];
  if (!column(files, isString)) return undefined;
  const n = files.length;
  const isId = (id: unknown) => Number.isInteger(id) && (id as number) >= 0 && (id as number) < reads;
  if (!column(keys, isString, n) || !column(sha256s, isSha256, n) || !column(ids, isId, n)) return undefined;
  if (!column(hints, isString, n)) return undefined;
  const pages = new PageTable(
    files as string[],
    keys as string[],
    sha256s as string[],
    ids as number[],
    hints as string[],
  );
  // A file listed twice: not an index this code wrote.
  return pages.size === n ? pages : undefined;
}

function blobsOf(value: unknown): Map<string, BlobStat> | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [sha256s, stats] = value as unknown[];
  if (!column(sha256s, isSha256) || !column(stats, isFiniteNumber, sha256s.length * 3)) return undefined;
  const blobs = new Map<string, BlobStat>();
  const numbers = stats as number[];
  for (let i = 0; i < sha256s.length; i++)
    blobs.set(sha256s[i] as string, [numbers[3 * i], numbers[3 * i + 1], numbers[3 * i + 2]]);
  return blobs.size === sha256s.length ? blobs : undefined;
}

/** The index in `value` (parsed JSON) when it has exactly the shape of the file and this format. */
export function asIndex(value: unknown, format: string): Index | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== KEYS.length || !KEYS.every((key) => key in value)) return undefined;
  const ok =
    value.format === format &&
    typeof value.fingerprint === "string" &&
    Array.isArray(value.reads) &&
    value.reads.every(isReads) &&
    every(value.shards, (files) => Array.isArray(files) && files.every((file) => isPair(file, isSha256))) &&
    every(value.joined, (entry) => Array.isArray(entry) && entry.length === 2 && entry.every(isSha256)) &&
    every(value.notes, (note) => Array.isArray(note) && note.every(isString));
  if (!ok) return undefined;
  const pages = pagesOf(value.pages, (value.reads as unknown[]).length);
  const blobs = pages && blobsOf(value.blobs);
  return blobs && { ...(value as unknown as IndexFile), pages, blobs };
}

/** The index as the file holds it (JSON). */
export function indexText(index: Index): string {
  const { files, keys, sha256s, reads, hints } = index.pages;
  const stats: number[] = [];
  for (const stat of index.blobs.values()) stats.push(stat[0], stat[1], stat[2]);
  const file: IndexFile = {
    ...index,
    pages: [files, keys, sha256s, reads, hints],
    blobs: [[...index.blobs.keys()], stats],
  };
  return JSON.stringify(file);
}

export const emptyIndex = (fingerprint: string): Index => ({
  format: CACHE_FORMAT,
  fingerprint,
  pages: new PageTable(),
  reads: [],
  shards: {},
  joined: {},
  notes: {},
  blobs: new Map(),
});

/**
 * The index in `file` when it is of this format and fingerprint (`previous`); else why not, in
 * Chinese, and the blobs of an index of another fingerprint.
 */
export function readIndex(
  file: string,
  fingerprint: string,
): { previous?: Index; ignored?: string; blobs?: Index["blobs"] } {
  if (!existsSync(file)) return {};
  try {
    const index = asIndex(JSON.parse(readFileSync(file, "utf8")), CACHE_FORMAT);
    if (!index) return { ignored: "缓存格式不符" };
    // Its blobs are still those bytes: the output before last, their links, stays in place
    // where a page comes out the same (spare.ts), instead of every file removed and written.
    if (index.fingerprint !== fingerprint) return { ignored: "代码、配置或版式已改变", blobs: index.blobs };
    return { previous: index };
  } catch {
    return { ignored: "缓存索引无法读取" };
  }
}
