/**
 * The cache's index (`index.txt`): its shape in memory and on disk, and a check of it. At 50k
 * items the index holds ~95k pages and ~95k blobs. In the file, pages and blobs are columns
 * (one of output files, one of keys …), strings one a line (index-sections.ts): an object with
 * 100k keys is made one dictionary insert at a time, while a column is split in one sweep, and
 * the check is a loop over each column (a column of SHA-256s one test of its text). A zod
 * schema over it took longer than JSON.parse itself, so the check is written out: typeof and
 * length tests. Anything else than exactly this shape makes the whole index unusable (the build
 * starts afresh), as before.
 */
import { existsSync, readFileSync } from "node:fs";
import { CACHE_FORMAT } from "./fingerprint.ts";
import { readSections, writeSections, type Section } from "./index-sections.ts";
import { PageTable, STRING_COLUMNS } from "./page-table.ts";
import { carriedBytes, carriedLines } from "./column-carry.ts";
import type { Dependency } from "./trace.ts";

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
  /**
   * The blobs' column as read from a file (the keys of `blobs`, in its order), and its bytes: the
   * next index lists the blobs both have first, in this order, and so carries the column's bytes.
   */
  blobRows?: { sha256s: string[]; ascii?: Uint8Array };
}

/** What the file holds beside the columns: the lists of reads, the shards, the joined files, the notes. */
type IndexRest = Pick<Index, "reads" | "shards" | "joined" | "notes">;

/** The file's name in the cache folder (the layout of index-sections.ts; `index.json` before it). */
export const INDEX_FILE = "index.txt";

const HEX = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: checked by its length and characters (blob paths are made from it). */
export const isSha256 = (value: unknown): value is string =>
  typeof value === "string" && value.length === 64 && HEX.test(value);

/** Not a hex digit nor a line break: a column of SHA-256s checked in one pass over its text. */
const NOT_HEX = /[^0-9a-f\n]/;

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

/** A section's strings: a column (of `length`, when given), SHA-256s when `sha256`; else undefined. */
function strings(section: Section | undefined, length?: number, sha256 = false): string[] | undefined {
  if (section === undefined || "float64s" in section) return undefined;
  if ("json" in section)
    return column(section.json, sha256 ? isSha256 : isString, length)
      ? (section.json as string[])
      : undefined;
  const { column: values, text } = section;
  if (length !== undefined && values.length !== length) return undefined;
  if (sha256 && (NOT_HEX.test(text) || !values.every((value) => value.length === 64))) return undefined;
  return values;
}

/** A section's numbers (of `length`) that all pass `test`, else undefined. */
function numbers(
  section: Section | undefined,
  length: number,
  test: (n: unknown) => boolean,
): number[] | undefined {
  return section && "json" in section && column(section.json, test, length)
    ? (section.json as number[])
    : undefined;
}

function pagesOf(sections: Section[], reads: number): PageTable | undefined {
  const files = strings(sections[1]);
  if (!files) return undefined;
  const n = files.length;
  const isId = (id: unknown) => Number.isInteger(id) && (id as number) >= 0 && (id as number) < reads;
  const keys = strings(sections[2], n);
  const sha256s = strings(sections[3], n, true);
  const ids = numbers(sections[4], n, isId);
  const hints = strings(sections[5], n);
  if (!keys || !sha256s || !ids || !hints) return undefined;
  const pages = new PageTable(files, keys, sha256s, ids, hints);
  // A file listed twice: not an index this code wrote.
  if (pages.size !== n) return undefined;
  // The text of each column read as lines (the others, JSON, are written out again).
  const texts: PageTable["texts"] = (pages.texts = {});
  const ascii: PageTable["ascii"] = (pages.ascii = {});
  for (const [name, at] of [
    ["files", 1],
    ["keys", 2],
    ["sha256s", 3],
    ["hints", 5],
  ] as const) {
    const section = sections[at];
    if ("text" in section) texts[name] = section.text;
    if ("ascii" in section && section.ascii) ascii[name] = section.ascii;
  }
  return pages;
}

function blobsOf(sections: Section[]): Pick<Index, "blobs" | "blobRows"> | undefined {
  const section = sections[6];
  const sha256s = strings(section, undefined, true);
  const stats = sections[7];
  if (!sha256s || !("float64s" in stats) || stats.float64s.length !== sha256s.length * 3) return undefined;
  const { float64s } = stats;
  const blobs = new Map<string, BlobStat>();
  for (let i = 0; i < sha256s.length; i++) {
    const stat: BlobStat = [float64s[3 * i], float64s[3 * i + 1], float64s[3 * i + 2]];
    if (!(Number.isFinite(stat[0]) && Number.isFinite(stat[1]) && Number.isFinite(stat[2]))) return undefined;
    blobs.set(sha256s[i], stat);
  }
  if (blobs.size !== sha256s.length) return undefined;
  return { blobs, blobRows: { sha256s, ascii: "ascii" in section ? section.ascii : undefined } };
}

const REST_KEYS = ["reads", "shards", "joined", "notes"];

function restOf(value: unknown): IndexRest | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== REST_KEYS.length || !REST_KEYS.every((key) => key in value)) return undefined;
  const ok =
    Array.isArray(value.reads) &&
    value.reads.every(isReads) &&
    every(value.shards, (files) => Array.isArray(files) && files.every((file) => isPair(file, isSha256))) &&
    every(value.joined, (entry) => Array.isArray(entry) && entry.length === 2 && entry.every(isSha256)) &&
    every(value.notes, (note) => Array.isArray(note) && note.every(isString));
  return ok ? (value as unknown as IndexRest) : undefined;
}

/** The index in `bytes` when it has exactly the shape of the file and this format; throws when it is not laid out as one. */
export function indexOf(bytes: Buffer, format: string): Index | undefined {
  const { head, sections } = readSections(bytes);
  if (head.format !== format || typeof head.fingerprint !== "string" || sections.length !== 8)
    return undefined;
  const rest = restOf((sections[0] as { json?: unknown }).json);
  const pages = rest && pagesOf(sections, rest.reads.length);
  const blobs = pages && blobsOf(sections);
  return blobs && { format, fingerprint: head.fingerprint, ...rest, pages, ...blobs };
}

/**
 * Writes the index to `file` as index-sections.ts lays it out (the caller renames it into place).
 * `previous`: the pages of the index this one follows, read from a file: the rows of its string
 * columns that are as they were are carried over from its text (column-carry.ts).
 */
export function writeIndex(
  file: string,
  index: Index,
  previous?: PageTable,
  previousBlobs?: Pick<Index, "blobs" | "blobRows">,
): number | undefined {
  const { reads: ids } = index.pages;
  const { format, fingerprint, reads, shards, joined, notes } = index;
  const blobSha256s = blobOrder(index.blobs, previousBlobs);
  const stats = new Float64Array(blobSha256s.length * 3);
  for (let i = 0; i < blobSha256s.length; i++) {
    const stat = index.blobs.get(blobSha256s[i])!;
    stats[3 * i] = stat[0];
    stats[3 * i + 1] = stat[1];
    stats[3 * i + 2] = stat[2];
  }
  const blobColumn =
    previousBlobs?.blobRows?.ascii &&
    carriedBytes(previousBlobs.blobRows.sha256s, previousBlobs.blobRows.ascii, blobSha256s);
  let carried: number | undefined;
  const [files, keys, sha256s, hints] = STRING_COLUMNS.map((name) => {
    const column = index.pages[name];
    const bytes = previous?.ascii?.[name];
    const parts = bytes === undefined ? undefined : carriedBytes(previous![name], bytes, column);
    if (parts) {
      carried = (carried ?? 0) + parts.carried;
      return { parts: parts.parts, count: column.length };
    }
    const text = previous?.texts?.[name];
    const lines = text === undefined ? undefined : carriedLines(previous![name], text, column);
    if (!lines) return { column };
    carried = (carried ?? 0) + lines.carried;
    return { lines: lines.text, count: column.length };
  });
  writeSections(file, { format, fingerprint }, [
    { json: { reads, shards, joined, notes } },
    files,
    keys,
    sha256s,
    { json: ids },
    hints,
    blobColumn ? { parts: blobColumn.parts, count: blobSha256s.length } : { column: blobSha256s },
    { float64s: stats },
  ]);
  return carried;
}

/**
 * The blobs of `blobs` in the order of the previous index's column (its `blobRows`, whose keys its
 * `blobs` are), then the others: a one-edit build's column is then the previous one's but for a
 * few rows, and carried.
 */
function blobOrder(blobs: Index["blobs"], previous: Pick<Index, "blobs" | "blobRows"> | undefined): string[] {
  const rows = previous?.blobRows?.sha256s;
  if (rows === undefined) return [...blobs.keys()];
  const order: string[] = [];
  for (const sha256 of rows) if (blobs.has(sha256)) order.push(sha256);
  if (order.length < blobs.size)
    for (const sha256 of blobs.keys()) if (!previous!.blobs.has(sha256)) order.push(sha256);
  return order;
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
    const index = indexOf(readFileSync(file), CACHE_FORMAT);
    if (!index) return { ignored: "缓存格式不符" };
    // Its blobs are still those bytes: the output before last, their links, stays in place
    // where a page comes out the same (spare.ts), instead of every file removed and written.
    if (index.fingerprint !== fingerprint) return { ignored: "代码、配置或版式已改变", blobs: index.blobs };
    return { previous: index };
  } catch {
    return { ignored: "缓存索引无法读取" };
  }
}
