/**
 * The character stream the search index is made of, and the small binary helpers both sides
 * use: the build (src/search/) writes the index with them and the browser's Worker
 * (search-worker.js) reads it with them, so the two can never disagree. Plain JavaScript,
 * served as it is.
 *
 * A page's stream is a list of code points: its folded title (search-query.js) cut to
 * TITLE_SPAN − 1, padded with BREAK to TITLE_SPAN, then its folded visible text with every run of
 * white space as one space. A term (folded, inner spaces single) occurs on a page exactly when its
 * code points occur at consecutive positions of the stream without a BREAK: that is the rule the
 * harness checks against the rendered text (`textMatches`).
 *
 * The index keys are grams: one code point (a "unigram") or two consecutive ones (a "bigram"),
 * never spanning BREAK; a unigram is never a space.
 */
import { foldText, TITLE_SPAN } from "./search-query.js";

/** Pads the title region: no gram spans it, so no term runs from the title into the text. */
export const BREAK = 0;
const SPACE = 32;
const WHITE = /\s+/gu;

/** Code points of a folded text, white space runs as one space. */
export function codePoints(folded) {
  const out = [];
  for (const char of folded.replace(WHITE, " ")) out.push(char.codePointAt(0));
  return out;
}

/** The title part of a stream: TITLE_SPAN code points. */
export function titleStream(title) {
  const head = codePoints(foldText(title)).slice(0, TITLE_SPAN - 1);
  while (head.length < TITLE_SPAN) head.push(BREAK);
  return head;
}

/**
 * The stream of a page whose text comes in pieces (search/doc-store.ts cuts a text only where
 * folding cannot join the parts: after a line break or between two ideographs). Returns the
 * stream and where each piece starts in it.
 */
export function pageStream(title, pieces) {
  const stream = titleStream(title);
  const starts = [];
  for (const piece of pieces) {
    starts.push(stream.length);
    for (const cp of codePoints(foldText(piece))) stream.push(cp);
  }
  return { stream, starts };
}

/** The key of a gram: one code point, or two (a and b both below 0x110000). */
export function gramKey(a, b = -1) {
  return b < 0 ? a : (a + 1) * 0x110000 + b;
}

export function isGramChar(cp) {
  return cp !== BREAK;
}

export { SPACE };

/**
 * The grams that prove a term: one gram for a term of one or two code points (the gram's page
 * list is then the answer); otherwise bigrams at offsets 0, 2, 4 … and length − 2, which cover
 * every code point, so a page holds the term exactly when these bigrams sit at these offsets from
 * one start position. Returns [{ key, offset }].
 */
export function gramsOfTerm(term) {
  const cps = codePoints(term);
  if (cps.length === 1) return [{ key: gramKey(cps[0]), offset: 0 }];
  const out = [];
  for (let at = 0; at + 1 < cps.length; at += 2) out.push({ key: gramKey(cps[at], cps[at + 1]), offset: at });
  if (cps.length % 2 === 1) out.push({ key: gramKey(cps.at(-2), cps.at(-1)), offset: cps.length - 2 });
  return out;
}

/** FNV-1a over the key's bytes: the bucket file a gram is listed in is hashOf(key) % buckets. */
export function hashOf(key) {
  let h = 0x811c9dc5;
  let k = key;
  for (let i = 0; i < 6; i++) {
    h = Math.imul(h ^ (k % 256), 0x01000193) >>> 0;
    k = Math.floor(k / 256);
  }
  return h;
}

/** The bucket file (in the index folder) listing a gram: `manifest` is the index's index.json. */
export function bucketFile(key, manifest) {
  return `g/${hashOf(key) % manifest.buckets}.gz`;
}

/** Reads unsigned LEB128 varints from a byte array. */
export class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  next() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.bytes[this.at++];
      value += (b & 127) * scale;
      if (b < 128) return value;
      scale *= 128;
    }
  }
  take(n) {
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/**
 * Characters (UTF-16 units) of a page's text kept in its record (`l`, doc-pieces.mjs leadOf): a result's
 * excerpt from it needs no text file. The lead holds more than this when the text goes on. 400: many
 * pages open with a block of fields (索引号, 发布机构 …) before the text a query finds; on the held-out
 * corpus the first match of a result that needed a text file lies at unit 167 (median) after the
 * title, and 400 units give 87 % of those excerpts from the record (docs/search.md, search32).
 */
export const LEAD_CHARS = 400;

/** Where a gram's first occurrence on a page lies: 0 the title, 1 near the top, 2 further down. */
export const LEAD_SPAN = 240;
export function tierOfPosition(p) {
  return p < TITLE_SPAN ? 0 : p < TITLE_SPAN + LEAD_SPAN ? 1 : 2;
}
