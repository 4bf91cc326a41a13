/**
 * The pages' side of the index: what a result shows and what the filters count.
 *
 * - `d/<c>.gz`: JSON array of the records of pages c × DOC_CHUNK … (c + 1) × DOC_CHUNK − 1:
 *   { url, meta, p }, meta HTML-escaped (records.ts), `p` the page's text pieces as
 *   [text file, index in it, where the piece starts in the page's stream];
 * - `t/<shard>-<n>.gz`: JSON array of text pieces (HTML-escaped), at most PIECE_CHARS characters
 *   and TEXT_FILE_PIECES pieces a file: a result's excerpt fetches the piece with its first match,
 *   not a 30,000-character document;
 * - `f.gz`: the filter columns, per filter one varint per page (0: none, else value index + 1).
 *
 * A text is cut only where folding cannot join the two sides (after a line break before a
 * non-space, or between two ideographs), so the pieces' streams laid end to end are the text's.
 */
import { escapeHtml } from "../html/html.ts";
import type { SearchRecord } from "./records.ts";

/** Pages per record file; shards start at multiples of it, so each shard writes its own files. */
export const DOC_CHUNK = 64;
export const PIECE_CHARS = 4_000;
export const TEXT_FILE_PIECES = 50;

const IDEOGRAPH = /\p{Script=Han}/u;
const SPACE = /\s/u;
const MARK = /\p{M}/u;

function canCut(text: string, at: number): boolean {
  const before = text[at - 1];
  const after = text[at];
  if (SPACE.test(after) || MARK.test(after)) return false;
  if (before === "\n") return true;
  return IDEOGRAPH.test(before) && IDEOGRAPH.test(after);
}

/** A text as pieces of at most PIECE_CHARS, cut at line breaks where possible. */
export function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > PIECE_CHARS) {
    let cut = -1;
    let fallback = -1;
    for (let at = start + PIECE_CHARS; at > start + PIECE_CHARS / 4; at--) {
      if (!canCut(text, at)) continue;
      if (text[at - 1] === "\n") {
        cut = at;
        break;
      }
      if (fallback < 0) fallback = at;
    }
    if (cut < 0) cut = fallback;
    // Nothing safe in the window (a very long run of Latin text or spaces): look further on.
    if (cut < 0) {
      cut = start + PIECE_CHARS;
      while (
        cut < text.length &&
        (SPACE.test(text[cut]) ||
          SPACE.test(text[cut - 1]) ||
          MARK.test(text[cut]) ||
          /[\udc00-\udfff]/.test(text[cut]))
      )
        cut++;
      if (cut >= text.length) break;
    }
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export interface StoredPage {
  record: SearchRecord;
  pieces: string[];
  /** Where each piece starts in the page's stream. */
  starts: number[];
}

/** The record and text files of one shard (pages from id `first`, a multiple of DOC_CHUNK). */
export function shardDocFiles(
  shard: number,
  first: number,
  pages: readonly StoredPage[],
): Map<string, string> {
  const files = new Map<string, string>();
  let texts: string[] = [];
  let chars = 0;
  let n = 0;
  const flush = () => {
    if (texts.length) files.set(`t/${shard}-${n++}.gz`, JSON.stringify(texts));
    texts = [];
    chars = 0;
  };
  let chunk: unknown[] = [];
  pages.forEach((page, k) => {
    const p = page.pieces.map((piece, i) => {
      if (texts.length && (texts.length >= TEXT_FILE_PIECES || chars + piece.length > PIECE_CHARS)) flush();
      texts.push(escapeHtml(piece));
      chars += piece.length;
      return [n, texts.length - 1, page.starts[i]];
    });
    chunk.push({ url: page.record.url, meta: page.record.meta, p });
    const id = first + k;
    if ((id + 1) % DOC_CHUNK === 0 || k === pages.length - 1) {
      files.set(`d/${Math.floor(id / DOC_CHUNK)}.gz`, JSON.stringify(chunk.map((c) => addShard(c, shard))));
      chunk = [];
    }
  });
  flush();
  return files;
}

/** The record names its shard, since text files are per shard. */
function addShard(record: unknown, shard: number): unknown {
  return { ...(record as object), s: shard };
}

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
