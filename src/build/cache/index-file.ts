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
import { blobRows, type BlobRows } from "./index-blobs.ts";
import { REST_SECTIONS, restOf, restSections, type IndexRest } from "./index-rest.ts";
import { numbers, strings } from "./index-values.ts";
import { BlobTable } from "./index-blob-table.ts";
import type { BlobStat } from "./blob-stat.ts";

export { isSha256 } from "./index-values.ts";

/**
 * `reads`: the distinct lists of reads, each written once: at 50k items ~80k pages share a few
 * thousand lists (most detail pages read only `portal.byType.page`), and a build checks each list
 * once (trace.ts `unchanged`). `shards`: shard key → its files [relative path, sha256]. `joined`:
 * the search index's joined files, path in the index → [SHA-256 before gzip, SHA-256 of the
 * file]. `notes`: what a step noted about this build's output (sitemap.xml: its pages marked
 * noindex), by step. Laid out by index-rest.ts.
 */
export interface Index extends IndexRest {
  format: string;
  fingerprint: string;
  /** The search index's fingerprint (search-fingerprint.ts): its shards outlive a change of look. */
  search?: string;
  /** Output file → its key, SHA-256 and reads. */
  pages: PageTable;
  /**
   * sha256 → its stat when it was stored or last verified: a Map being filled (the index a build
   * makes), a BlobTable (index-blob-table.ts) read from a file.
   */
  blobs: ReadonlyMap<string, BlobStat>;
  /**
   * The blobs' column as read from a file (the keys of `blobs`, in its order), and its bytes: the
   * next index lists the blobs both have first, in this order, and so carries the column's bytes.
   */
  blobRows?: { sha256s: string[]; ascii?: Uint8Array };
}

/** The file's name in the cache folder (the layout of index-sections.ts; `index.json` before it). */
export const INDEX_FILE = "index.txt";

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
  if (!pages.distinct) return undefined;
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

/** Where the blobs' sections are: after the first and the pages' five, the rest's (index-rest.ts). */
const BLOBS_AT = 5 + REST_SECTIONS;

function blobsOf(sections: Section[]): Pick<Index, "blobs" | "blobRows"> | undefined {
  const section = sections[BLOBS_AT];
  const sha256s = strings(section, undefined, true);
  const stats = sections[BLOBS_AT + 1];
  if (!sha256s || !("float64s" in stats) || stats.float64s.length !== sha256s.length * 3) return undefined;
  const { float64s } = stats;
  for (let i = 0; i < float64s.length; i++) if (!Number.isFinite(float64s[i])) return undefined;
  // The columns looked up as they are (index-blob-table.ts): no Map nor stat array per blob.
  const blobs = new BlobTable(sha256s, float64s);
  if (!blobs.distinct) return undefined;
  return { blobs, blobRows: { sha256s, ascii: "ascii" in section ? section.ascii : undefined } };
}

/** The index in `bytes` when it has exactly the shape of the file and this format; throws when it is not laid out as one. */
export function indexOf(bytes: Buffer, format: string): Index | undefined {
  const { head, sections } = readSections(bytes);
  if (head.format !== format || typeof head.fingerprint !== "string" || sections.length !== BLOBS_AT + 2)
    return undefined;
  const rest = restOf([sections[0], ...sections.slice(6, BLOBS_AT)]);
  const pages = rest && pagesOf(sections, rest.reads.length);
  const blobs = pages && blobsOf(sections);
  const search = typeof head.search === "string" ? head.search : undefined;
  return (
    blobs && { format, fingerprint: head.fingerprint, ...(search && { search }), ...rest, pages, ...blobs }
  );
}

/**
 * Writes the index to `file` as index-sections.ts lays it out (the caller renames it into place).
 * `previous`: the pages of the index this one follows, read from a file: the rows of its string
 * columns that are as they were are carried over from its text (column-carry.ts); likewise the
 * blobs' column from `previousBlobs` (index-blobs.ts; `carry.blobs`: its rows, when the caller
 * made them) and its lists of reads (index-reads.ts; `carry.readsFrom`: per list of `index`, the
 * previous index's number of the same list, -1 for none).
 */
export function writeIndex(
  file: string,
  index: Index,
  previous?: PageTable,
  previousBlobs?: Pick<Index, "blobs" | "blobRows" | "readsRows">,
  carry: { blobs?: BlobRows; readsFrom?: Int32Array } = {},
): number | undefined {
  const { reads: ids } = index.pages;
  const { format, fingerprint, search } = index;
  const blobs = carry.blobs ?? blobRows(index.blobs, previousBlobs);
  const readsRows = previousBlobs?.readsRows;
  const [restHead, ...restColumns] = restSections(
    index,
    readsRows && carry.readsFrom && { previous: readsRows, from: carry.readsFrom },
  );
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
  writeSections(file, { format, fingerprint, search }, [
    restHead,
    files,
    keys,
    sha256s,
    { json: ids },
    hints,
    ...restColumns,
    blobs.parts ? { parts: blobs.parts, count: blobs.sha256s.length } : { column: blobs.sha256s },
    { float64s: blobs.stats },
  ]);
  return carried;
}

/** An index being made: its blobs a Map the build fills. */
export type NewIndex = Index & { blobs: Map<string, BlobStat> };

export const emptyIndex = (fingerprint: string, search?: string): NewIndex => ({
  format: CACHE_FORMAT,
  fingerprint,
  ...(search && { search }),
  pages: new PageTable(),
  reads: [],
  shards: {},
  joined: {},
  notes: {},
  blobs: new Map(),
});

/**
 * The index in `file` when it is of this format and fingerprint (`previous`); else why not, in
 * Chinese, and the blobs of an index of another fingerprint. Of an index of another fingerprint
 * and this search fingerprint (`search`: a change of look, search-fingerprint.ts), `previous` holds
 * the search index's shards and joined files alone: no page, list of reads or note.
 */
export function readIndex(
  file: string,
  fingerprint: string,
  search?: string,
): { previous?: Index; ignored?: string; blobs?: Index["blobs"] } {
  if (!existsSync(file)) return {};
  try {
    const index = indexOf(readFileSync(file), CACHE_FORMAT);
    if (!index) return { ignored: "缓存格式不符" };
    // Its blobs are still those bytes: the output before last, their links, stays in place
    // where a page comes out the same (spare.ts), instead of every file removed and written.
    const ignored = "代码、配置或版式已改变";
    if (index.fingerprint !== fingerprint && search !== undefined && index.search === search) {
      const { shards, joined, blobs } = index;
      return { previous: { ...emptyIndex(fingerprint, search), shards, joined, blobs }, ignored };
    }
    if (index.fingerprint !== fingerprint) return { ignored, blobs: index.blobs };
    return { previous: index };
  } catch {
    return { ignored: "缓存索引无法读取" };
  }
}
