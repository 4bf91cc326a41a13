/**
 * The text of a search shard's pages from the build cache, for a shard indexed again. A page's
 * text pieces depend on its HTML alone (index-worker.mjs), and the cached shard of the same number
 * holds them: its record files (`d/`: per page its URL and pieces as [text file, index, start])
 * and text files (`t/`: the pieces, HTML-escaped). So a page whose HTML is as in the cached build
 * is not read and scanned again: after one edit, the edited page is, not the shard's 4,096.
 *
 * The shard's record and text files of the cached build are also given by their bytes before
 * gzip, so the worker places a file it makes again with the same bytes instead of compressing it.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { outputFileOf } from "../../eleventy/site-outputs.ts";
import { DOC_CHUNK, unescapeHtml } from "../../search/doc-pieces.mjs";
import { GRAMS } from "./search-shards.ts";
import type { CacheSession } from "./session.ts";

interface DocRecord {
  url: string;
  meta: { title?: string };
  /** The page's pieces: [text file, index in it, start in the stream]. */
  p: [number, number, number][];
}

/** A page as the index reads it: the title its stream starts with, then its pieces. */
interface PageText {
  title: string;
  pieces: string[];
}

/** Most pages of a shard that may change for its grams to be patched rather than made again. */
const PATCH_PAGES = 256;

/** What the cached build left of one shard number. */
export interface ShardTexts {
  /** Per page (by position in the shard), its pieces when its HTML is the same; else undefined. */
  pieces: (string[] | undefined)[];
  /** Per page with pieces, where they start in its stream. */
  starts: (number[] | undefined)[];
  /** The cached shard's record and text files: path in the index → [SHA-256 before gzip, of the file]. */
  files: Record<string, [string, string]>;
  /**
   * When the cached shard had the same pages in the same places and only a few changed (title or
   * text): its grams' bytes (gram-blob.mjs), the changed pages' places and what they were then,
   * for gram-patch.mjs.
   */
  patch?: { grams: Uint8Array; changed: number[]; before: PageText[] };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The cached record's text, or undefined when a piece is gone. */
function textOf(record: DocRecord, texts: Map<number, string[]>): string[] | undefined {
  const out: string[] = [];
  for (const [n, index] of record.p) {
    const piece = texts.get(n)?.[index];
    if (piece === undefined) return undefined;
    out.push(unescapeHtml(piece));
  }
  return out;
}

export class CachedTexts {
  constructor(private readonly session: CacheSession) {}

  /**
   * The pages (URL and title, in shard order) of shard `shard` (first id `first`) that the cached
   * build indexed from the same HTML, read from its files; undefined when it has no such shard.
   */
  of(shard: number, first: number, pages: readonly { url: string; title: string }[]): ShardTexts | undefined {
    const { cache, known } = this.session;
    const entry = cache.shards().find((files) => files.some(([rel]) => rel === `t/${shard}-0.gz`));
    const { report } = this.session;
    if (!entry) {
      report.searchPagesRead = (report.searchPagesRead ?? 0) + pages.length;
      return undefined;
    }
    const files: ShardTexts["files"] = {};
    const texts = new Map<number, string[]>();
    /** The cached shard's records by their place in it. */
    const records: DocRecord[] = [];
    let gramsSha: string | undefined;
    for (const [rel, gzSha] of entry) {
      if (rel === GRAMS) gramsSha = gzSha;
      const isDoc = rel.startsWith("d/");
      if (!isDoc && !rel.startsWith("t/")) continue;
      const blob = cache.read(gzSha);
      // A blob gone: those pages are read again, and the file is made again.
      if (!blob) continue;
      const raw = gunzipSync(blob);
      files[rel] = [sha256(raw), gzSha];
      const parsed: unknown = JSON.parse(raw.toString("utf8"));
      const n = Number(path.basename(rel, ".gz").split("-").at(-1));
      if (isDoc)
        (parsed as DocRecord[]).forEach((record, i) => (records[n * DOC_CHUNK + i - first] = record));
      else texts.set(n, parsed as string[]);
    }
    const byUrl = new Map(records.filter(Boolean).map((record) => [record.url, record]));
    const pieces = pages.map(({ url }) => {
      const file = outputFileOf(url);
      const html = known.get(file);
      const record = byUrl.get(url);
      if (!record || html === undefined || cache.page(file)?.sha256 !== html) return undefined;
      return textOf(record, texts);
    });
    const starts = pages.map(({ url }, i) => (pieces[i] ? byUrl.get(url)!.p.map((p) => p[2]) : undefined));
    const patch = this.patchOf(pages, pieces, records, texts, gramsSha);
    report.searchPagesRead = (report.searchPagesRead ?? 0) + pieces.filter((p) => !p).length;
    if (patch) report.shardsPatched = (report.shardsPatched ?? 0) + 1;
    return { pieces, starts, files, patch };
  }

  private patchOf(
    pages: readonly { url: string; title: string }[],
    pieces: ShardTexts["pieces"],
    records: DocRecord[],
    texts: Map<number, string[]>,
    gramsSha: string | undefined,
  ): ShardTexts["patch"] {
    if (gramsSha === undefined || records.length !== pages.length) return undefined;
    const changed: number[] = [];
    const before: PageText[] = [];
    for (const [j, page] of pages.entries()) {
      const record = records[j];
      if (record?.url !== page.url) return undefined;
      const title = unescapeHtml(record.meta.title ?? "");
      if (pieces[j] && title === page.title) continue;
      const text = textOf(record, texts);
      if (!text || changed.push(j) > PATCH_PAGES) return undefined;
      before.push({ title, pieces: text });
    }
    const grams = this.session.cache.read(gramsSha);
    return grams && { grams, changed, before };
  }
}
