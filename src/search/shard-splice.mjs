/**
 * A shard indexed again after a few of its pages changed, made from the build cache's copy of it
 * at about the cost of the edit rather than of its 4,096 pages (the index step's worker,
 * index-worker.mjs). Before, the worker read, gunzipped and parsed every cached record and text
 * file of the shard (~760 files, ~0.25 s), laid out all of them again and hashed each to find
 * the few that differ.
 *
 * Here the record files (`d/`, 64 of them) are read, the text files (`t/`) only where their
 * pieces are needed: the changed pages' old text (for gram-patch.mjs) and the run of files the
 * changed pages' pieces are packed into again. Text files are packed greedily (doc-pieces.mjs,
 * `shardDocFiles`), so packing again from the first file holding a changed piece gives the same
 * files as before once, after the last changed page, the packer is in the same state as it was
 * then (same file, piece count and characters): every later file is the cached one, and its
 * pieces keep their places. The bytes are those of `shardDocFiles` on the whole shard
 * (test/search/shard-splice.test.ts compares them). Plain JavaScript.
 */
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DOC_CHUNK, PIECE_CHARS, TEXT_FILE_PIECES, escapeHtml, leadOf, unescapeHtml } from "./doc-pieces.mjs";

/** Most pages of a shard that may change for its grams to be patched rather than made again. */
export const PATCH_PAGES = 256;

/** Thrown where a cached file the splice needs is gone: the caller takes the whole shard's path. */
class Gone extends Error {}

/** The file's bytes gunzipped, or Gone. */
function readGz(file) {
  try {
    return gunzipSync(readFileSync(file));
  } catch {
    throw new Gone(file);
  }
}

/**
 * The cached shard's files by kind: `d` by chunk number and `t` by file number, each
 * { rel, gzSha, blob }, read only when asked (`records`, `text`).
 */
class CachedFiles {
  constructor(files) {
    this.d = new Map();
    this.t = new Map();
    for (const [rel, gzSha, blob] of files) {
      const n = Number(path.basename(rel, ".gz").split("-").at(-1));
      (rel.startsWith("d/") ? this.d : this.t).set(n, { rel, gzSha, blob });
    }
    this.read = new Map();
  }
  /** A text file's raw bytes, its escaped pieces and their unescaped lengths' running sums. */
  text(n) {
    let file = this.read.get(n);
    if (file) return file;
    const entry = this.t.get(n);
    if (!entry) throw new Gone(`t/${n}`);
    const raw = readGz(entry.blob);
    const escaped = JSON.parse(raw.toString("utf8"));
    const sums = [0];
    for (const piece of escaped) sums.push(sums.at(-1) + unescapeHtml(piece).length);
    file = { raw, escaped, sums };
    this.read.set(n, file);
    return file;
  }
  /** The escaped piece `index` of text file `n`. */
  piece(n, index) {
    const piece = this.text(n).escaped[index];
    if (piece === undefined) throw new Gone(`t/${n}:${index}`);
    return piece;
  }
}

/**
 * `job`: the index-worker job ({ shard, first, cached, pages }); `readPieces(page)`: a page's pieces
 * from its HTML; `patch(grams, pages, changed, before, after)`: gram-patch.mjs's patchShard on the
 * cached grams' bytes. Returns { grams, starts (per page), files: [[rel, raw bytes | undefined, the
 * cached file's gzip SHA-256 when the bytes are as then]], read } — or undefined when the shard is
 * not as the cached one (other pages or places, too many changed, a file gone): then it is made whole.
 */
export function spliceShard(job, readPieces, patch) {
  try {
    return splice(job, readPieces, patch);
  } catch (err) {
    if (err instanceof Gone) return undefined;
    throw err;
  }
}

function splice(job, readPieces, patch) {
  const { cached, pages, shard, first } = job;
  // The text files not read are placed as they were: each must be there.
  if (cached.grams === undefined || !cached.complete) return undefined;
  const files = new CachedFiles(cached.files);
  /** The cached records by place, and each record file's raw bytes by chunk. */
  const records = [];
  const rawD = new Map();
  for (const [c, { blob }] of files.d) {
    const raw = readGz(blob);
    rawD.set(c, raw);
    JSON.parse(raw.toString("utf8")).forEach((record, i) => (records[c * DOC_CHUNK + i - first] = record));
  }
  if (records.length !== pages.length) return undefined;
  for (let j = 0; j < pages.length; j++) if (records[j]?.url !== pages[j].record.url) return undefined;
  const oldPieces = (j) => records[j].p.map(([n, index]) => unescapeHtml(files.piece(n, index)));
  /** Pages whose text is read again (their HTML changed); the others' is the cached one. */
  const fresh = new Map();
  const changed = [];
  for (let j = 0; j < pages.length; j++) {
    const page = pages[j];
    if (!page.cached) fresh.set(j, page.pieces ?? null);
    if (!page.cached || unescapeHtml(records[j].meta.title ?? "") !== page.title)
      if (changed.push(j) > PATCH_PAGES) return undefined;
  }
  let gramsBytes;
  try {
    gramsBytes = readFileSync(cached.grams);
  } catch {
    return undefined;
  }
  let read = 0;
  for (const [j, pieces] of fresh)
    if (pieces === null) {
      fresh.set(j, readPieces(pages[j]));
      read++;
    }
  const piecesOf = (j) => fresh.get(j) ?? oldPieces(j);
  const before = changed.map((j) => ({
    title: unescapeHtml(records[j].meta.title ?? ""),
    pieces: oldPieces(j),
  }));
  const after = changed.map((j) => ({ title: pages[j].title, pieces: piecesOf(j) }));
  const grams = patch(gramsBytes, pages.length, changed, before, after);
  // Its long grams may change (gram-patch.mjs): made whole.
  if (!grams) return undefined;
  const starts = records.map((record) => record.p.map((p) => p[2]));
  changed.forEach((j, x) => (starts[j] = grams.starts[x]));
  const { places, texts } = repack(records, fresh, files);
  const changedSet = new Set(changed);
  const out = [];
  for (const [n, { rel, gzSha }] of files.t) if (!texts.has(n)) out.push([rel, undefined, gzSha]);
  for (const [n, escaped] of texts) {
    if (escaped === null) continue;
    const raw = Buffer.from(JSON.stringify(escaped));
    const was = files.t.has(n) ? files.text(n).raw : undefined;
    out.push([`t/${shard}-${n}.gz`, raw, was?.equals(raw) ? files.t.get(n).gzSha : undefined]);
  }
  for (const [c, { rel, gzSha }] of files.d) {
    if (
      asThen(
        c * DOC_CHUNK - first,
        pages,
        records,
        shard,
        (j) => changedSet.has(j) || fresh.has(j) || places.has(j),
      )
    ) {
      // Every record as the cached one: made again, its JSON would be the cached file's bytes.
      out.push([rel, undefined, gzSha]);
      continue;
    }
    const chunk = [];
    for (let id = c * DOC_CHUNK; id < (c + 1) * DOC_CHUNK && id - first < pages.length; id++) {
      const j = id - first;
      const p = (places.get(j) ?? records[j].p).map(([n, index], i) => [n, index, starts[j][i]]);
      // No `meta`: the page's record is as the cached one (the main thread did not make it again).
      const { url, meta = records[j].meta } = pages[j].record;
      // The lead is made from the text: again for a page whose text or title may have changed.
      const l = fresh.has(j) || changedSet.has(j) ? leadOf(meta.title, piecesOf(j)) : records[j].l;
      chunk.push({ url, meta, p, l, s: shard });
    }
    const raw = Buffer.from(JSON.stringify(chunk));
    out.push([rel, raw, rawD.get(c).equals(raw) ? gzSha : undefined]);
  }
  return { grams, starts, files: out, read };
}

/**
 * Whether the record file of pages `from` … (DOC_CHUNK) is the cached one: none `touched` (text, title
 * or places made again) or sent with its metadata, each of this shard. JSON.stringify gives back the
 * bytes JSON.parse read from its own: not made and compared (64 files a shard; an edit changes one).
 */
function asThen(from, pages, records, shard, touched) {
  for (let j = from; j < from + DOC_CHUNK && j < pages.length; j++)
    if (touched(j) || pages[j].record.meta !== undefined || records[j].s !== shard) return false;
  return true;
}

/**
 * The text files packed again from the first one holding a changed page's piece, as
 * `shardDocFiles` packs them, until the packer's state after an unchanged page is the cached
 * build's: `texts` the files made again (number → escaped pieces; null: a cached file no longer
 * made), `places` the pages packed again ([file, index] per piece).
 */
function repack(records, fresh, files) {
  const places = new Map();
  const texts = new Map();
  if (fresh.size === 0) return { places, texts };
  const changedPages = [...fresh.keys()].sort((a, b) => a - b);
  const last = changedPages.at(-1);
  // From the start of the file holding the first changed piece, or of the one before when that
  // piece opened its file (the piece before it may now fit there, or it may no longer).
  const [n0, i0] = records[changedPages[0]].p[0];
  const from = i0 > 0 || n0 === 0 ? n0 : n0 - 1;
  let j = changedPages[0];
  while (j > 0 && records[j - 1].p.at(-1)[0] >= from) j--;
  let n = from;
  let escaped = [];
  let chars = 0;
  const flush = () => {
    texts.set(n++, escaped);
    escaped = [];
    chars = 0;
  };
  for (; j < records.length; j++) {
    const old = records[j].p;
    const place = old.map((p) => [p[0], p[1]]);
    const pieces = fresh.get(j);
    const count = pieces ? pieces.length : old.length;
    for (let i = 0; i < count; i++) {
      // Pieces of this page in files before `from` stay where they are.
      if (!pieces && old[i][0] < from) continue;
      const text = pieces ? escapeHtml(pieces[i]) : files.piece(old[i][0], old[i][1]);
      const length = pieces ? pieces[i].length : lengthOf(files, old[i]);
      if (escaped.length && (escaped.length >= TEXT_FILE_PIECES || chars + length > PIECE_CHARS)) flush();
      escaped.push(text);
      chars += length;
      place[i] = [n, escaped.length - 1];
    }
    places.set(j, place.slice(0, count));
    if (j <= last || pieces) continue;
    const [nl, il] = old.at(-1);
    if (n === nl && escaped.length === il + 1 && chars === files.text(nl).sums[il + 1]) {
      // As the cached build was here: the rest of this file and every later one are as then.
      escaped.push(...files.text(nl).escaped.slice(il + 1));
      texts.set(n, escaped);
      return { places, texts };
    }
  }
  if (escaped.length) flush();
  // The cached files after the last one made now: none, the pages' pieces now end earlier.
  for (const m of files.t.keys()) if (m >= n) texts.set(m, null);
  return { places, texts };
}

/** The unescaped length of the cached piece at [file, index]. */
function lengthOf(files, [n, index]) {
  files.piece(n, index);
  const { sums } = files.text(n);
  return sums[index + 1] - sums[index];
}
