/**
 * The record and text files of a shard (doc-store.ts describes the layout), made where the shard
 * is indexed: in the index step's worker threads (index-worker.mjs). Plain JavaScript.
 *
 * - `d/<c>.gz`: JSON array of the records of pages c × DOC_CHUNK … (c + 1) × DOC_CHUNK − 1:
 *   { url, meta, p, s }, meta HTML-escaped (records.ts), `p` the page's text pieces as
 *   [text file, index in it, where the piece starts in the page's stream], `s` the shard;
 * - `t/<shard>-<n>.gz`: JSON array of text pieces (HTML-escaped), at most PIECE_CHARS characters
 *   and TEXT_FILE_PIECES pieces a file: a result's excerpt fetches the piece with its first match,
 *   not a 30,000-character document.
 *
 * A text is cut only where folding cannot join the two sides (after a line break before a
 * non-space, or between two ideographs), so the pieces' streams laid end to end are the text's.
 */
import { LEAD_CHARS } from "../assets/search-stream.js";
import { foldText } from "../assets/search-query.js";

export { LEAD_CHARS };

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;

/** src/html/html.ts's escapeHtml (the same five characters; test/search/doc-pieces.test.ts compares them). */
export function escapeHtml(text) {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

const UNESCAPES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** The inverse of escapeHtml (a text file's piece back to the page's text, src/build/cache/search-texts.ts). */
export function unescapeHtml(text) {
  return text.includes("&") ? text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e]) : text;
}

/** Pages per record file; shards start at multiples of it, so each shard writes its own files. */
export const DOC_CHUNK = 64;
export const PIECE_CHARS = 4_000;
export const TEXT_FILE_PIECES = 50;

const IDEOGRAPH = /\p{Script=Han}/u;
const SPACE = /\s/u;
const MARK = /\p{M}/u;

function canCut(text, at) {
  const before = text[at - 1];
  const after = text[at];
  if (SPACE.test(after) || MARK.test(after)) return false;
  if (before === "\n") return foldsVisible(text, at);
  return IDEOGRAPH.test(before) && IDEOGRAPH.test(after);
}

/**
 * True when the text from `at` folds to a character that is not white space. After a line break (a
 * space in the stream) the next piece must not start with one: a piece's white space is collapsed on
 * its own, so a line starting with a zero-width space and a space, ¨ or ゛ (NFKC: a space and a mark)
 * or the Braille blank (a space: search-query.js) made two spaces where the text has one (adv49).
 */
function foldsVisible(text, at) {
  return /^\S/u.test(foldText(text.slice(at, at + 8)));
}

/**
 * True when the two sides of `at` fold apart as they fold together. NFKC looks at neighbours: ｶﾞ is
 * ガ, a Hangul jamo joins the syllable before it, an accent the letter before it. (Case folding does
 * not: Σ folds to σ wherever it stands.) Only the cuts inside a long run need it.
 */
function foldsApart(text, at) {
  const before = text.slice(Math.max(0, at - 16), at);
  const after = text.slice(at, at + 16);
  return foldText(before) + foldText(after) === foldText(before + after);
}

/** A text as pieces of at most PIECE_CHARS, cut at line breaks where possible. */
export function piecesOf(text) {
  const pieces = [];
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
          /[\udc00-\udfff]/.test(text[cut]) ||
          !foldsApart(text, cut))
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

/** The record and text files of one shard (pages from id `first`, a multiple of DOC_CHUNK). */
export function shardDocFiles(shard, first, pages) {
  const files = new Map();
  let texts = [];
  let chars = 0;
  let n = 0;
  const flush = () => {
    if (texts.length) files.set(`t/${shard}-${n++}.gz`, JSON.stringify(texts));
    texts = [];
    chars = 0;
  };
  let chunk = [];
  pages.forEach((page, k) => {
    const p = page.pieces.map((piece, i) => {
      if (texts.length && (texts.length >= TEXT_FILE_PIECES || chars + piece.length > PIECE_CHARS)) flush();
      texts.push(escapeHtml(piece));
      chars += piece.length;
      return [n, texts.length - 1, page.starts[i]];
    });
    chunk.push({
      url: page.record.url,
      meta: page.record.meta,
      p,
      l: leadOf(page.record.meta.title, page.pieces),
    });
    const id = first + k;
    if ((id + 1) % DOC_CHUNK === 0 || k === pages.length - 1) {
      files.set(`d/${Math.floor(id / DOC_CHUNK)}.gz`, JSON.stringify(chunk.map((c) => addShard(c, shard))));
      chunk = [];
    }
  });
  flush();
  return files;
}

/**
 * The start of a page's text as a result's excerpt reads it (search-result.js `excerptOf`: the first
 * piece without the title it opens with, white space collapsed), one character more than LEAD_CHARS
 * when there is more (two UTF-16 units when that character is outside the BMP: a character is never
 * cut in two), HTML-escaped like the pieces.
 */
export function leadOf(title, pieces) {
  const text = pieces[0] ?? "";
  const plain = unescapeHtml(title ?? "");
  const flat = (plain && text.startsWith(plain) ? text.slice(plain.length) : text).replace(/\s+/g, " ");
  const low = flat.charCodeAt(LEAD_CHARS + 1);
  return escapeHtml(flat.slice(0, LEAD_CHARS + 1 + (low >= 0xdc00 && low <= 0xdfff ? 1 : 0)));
}

/** The record names its shard, since text files are per shard. */
function addShard(record, shard) {
  return { ...record, s: shard };
}
