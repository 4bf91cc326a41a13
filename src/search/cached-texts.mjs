/**
 * The text of a shard's pages from the build cache's copy of the shard, read where the shard is
 * indexed again (the index step's worker thread), not on the main thread: after one edit at 50k
 * items that is ~760 blobs read, gunzipped and parsed (0.3–0.8 s), which the main thread spent
 * before the build's other steps could run beside the index. The main thread says which blobs
 * and which pages (src/build/cache/search-texts.ts); this reads them. Plain JavaScript.
 *
 * A page's text pieces depend on its HTML alone, and the cached shard of the same number holds
 * them: its record files (`d/`: per page its URL and pieces as [text file, index, start]) and text
 * files (`t/`: the pieces, HTML-escaped). The cached files are also given by their bytes before
 * gzip, so the worker places a file it makes again with the same bytes instead of compressing it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { sha256 } from "./sha256.mjs";
import { DOC_CHUNK, unescapeHtml } from "./doc-pieces.mjs";

/** Most pages of a shard that may change for its grams to be patched rather than made again. */
const PATCH_PAGES = 256;

/** A blob's bytes, or undefined when it is gone (those pages are read again, the file made again). */
function readBlob(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The cached record's text, or undefined when a piece is gone. */
function textOf(record, texts) {
  const out = [];
  for (const [n, index] of record.p) {
    const piece = texts.get(n)?.[index];
    if (piece === undefined) return undefined;
    out.push(unescapeHtml(piece));
  }
  return out;
}

/**
 * `cached`: { files: [[path in the index, SHA-256 of the file, its blob file]], grams?: blob file,
 * same: per page 1 when its HTML is as the cached build's }; `pages`: [{ url, title }] in shard
 * order. Returns per page its pieces and their starts (undefined when not from the cache), the
 * cached files (path → [SHA-256 before gzip, of the file]) and, when the cached shard had the same
 * pages in the same places and only a few changed, the patch for gram-patch.mjs.
 */
export function cachedTexts(cached, first, pages) {
  const files = {};
  const texts = new Map();
  /** The cached shard's records by their place in it. */
  const records = [];
  for (const [rel, gzSha, blob] of cached.files) {
    const bytes = readBlob(blob);
    if (!bytes) continue;
    const raw = gunzipSync(bytes);
    files[rel] = [sha256(raw, "hex"), gzSha];
    const parsed = JSON.parse(raw.toString("utf8"));
    const n = Number(path.basename(rel, ".gz").split("-").at(-1));
    if (rel.startsWith("d/")) parsed.forEach((record, i) => (records[n * DOC_CHUNK + i - first] = record));
    else texts.set(n, parsed);
  }
  const byUrl = new Map(records.filter(Boolean).map((record) => [record.url, record]));
  const pieces = pages.map(({ url }, j) => {
    const record = byUrl.get(url);
    return record && cached.same[j] ? textOf(record, texts) : undefined;
  });
  const starts = pages.map(({ url }, j) => (pieces[j] ? byUrl.get(url).p.map((p) => p[2]) : undefined));
  return { pieces, starts, files, patch: patchOf(cached.grams, pages, pieces, records, texts) };
}

/** The changed pages and what they were, with the cached grams' bytes; undefined when not patchable. */
function patchOf(gramsBlob, pages, pieces, records, texts) {
  if (gramsBlob === undefined || records.length !== pages.length) return undefined;
  const changed = [];
  const before = [];
  for (const [j, page] of pages.entries()) {
    const record = records[j];
    if (record?.url !== page.url) return undefined;
    const title = unescapeHtml(record.meta.title ?? "");
    if (pieces[j] && title === page.title) continue;
    const text = textOf(record, texts);
    if (!text || changed.push(j) > PATCH_PAGES) return undefined;
    before.push({ title, pieces: text });
  }
  const grams = readBlob(gramsBlob);
  return grams && { grams, changed, before };
}
