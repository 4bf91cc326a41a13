/**
 * A shard's pages as one array of shard-local character numbers: each page's stream
 * (src/assets/search-stream.js: folded title cut to TITLE_SPAN − 1 and padded with BREAK, then
 * its folded pieces with every run of white space as one space) laid end to end, BREAK as −1.
 * The same code points as `pageStream`, written straight into a typed array: no array of numbers
 * per page, no second pass to collapse white space. Plain JavaScript (a worker thread runs it).
 */
import { foldText, TITLE_SPAN } from "../assets/search-query.js";
import { BREAK, SPACE } from "../assets/search-stream.js";

const WHITE = /\s/u;
/** Per code point, lazily: 1 white space (`\s`, as search-stream.js collapses it), 2 any other. */
const KIND = new Uint8Array(0x110000);

function kindOf(cp) {
  return (KIND[cp] = WHITE.test(String.fromCodePoint(cp)) ? 1 : 2);
}

/** A growing Int32Array. */
class Ints {
  constructor(size) {
    this.a = new Int32Array(size);
    this.n = 0;
  }
  room(extra) {
    if (this.n + extra <= this.a.length) return;
    const next = new Int32Array(Math.max(this.a.length * 2, this.n + extra));
    next.set(this.a.subarray(0, this.n));
    this.a = next;
  }
}

/** Code point → the shard's character number, −1 between calls of shardStream. */
let LOCAL;

/**
 * Returns `ids` (every position's character number, −1 for BREAK), `total` positions, `docEnd`
 * (where each page ends), `chars` (number → code point), `space` (the space's number, −1 when
 * none) and `starts` (per page, where each piece starts in its stream).
 */
export function shardStream(pages) {
  // Reused, and cleared where it was set: a patch indexes a page or two (gram-patch.mjs), twice,
  // and filling 4 MB for each cost more than indexing the page.
  const local = (LOCAL ??= new Int32Array(0x110000).fill(-1));
  const chars = [];
  // A patch's page or two need not zero 4 MB (it grows as needed).
  const out = new Ints(pages.length < 64 ? 1 << 16 : 1 << 20);
  const docEnd = new Int32Array(pages.length);
  const starts = [];
  const idOf = (cp) => {
    let id = local[cp];
    if (id < 0) {
      id = local[cp] = chars.length;
      chars.push(cp);
    }
    return id;
  };
  /** Appends the folded text's code points, white space runs as one space, at most `limit`. */
  const append = (folded, limit) => {
    out.room(folded.length);
    const a = out.a;
    let n = out.n;
    const end = n + limit;
    let white = false;
    for (let i = 0; i < folded.length && n < end; i++) {
      let cp = folded.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < folded.length) {
        const low = folded.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      // A NUL is BREAK: no gram spans it (as pageStream's consumers read it).
      if (cp === BREAK) {
        a[n++] = -1;
        white = false;
        continue;
      }
      const kind = KIND[cp] || kindOf(cp);
      if (kind === 1) {
        if (white) continue;
        white = true;
        cp = SPACE;
      } else white = false;
      a[n++] = local[cp] >= 0 ? local[cp] : idOf(cp);
    }
    out.n = n;
  };
  let space;
  try {
    for (const [j, page] of pages.entries()) {
      const first = out.n;
      append(foldText(page.title), TITLE_SPAN - 1);
      out.room(TITLE_SPAN);
      while (out.n < first + TITLE_SPAN) out.a[out.n++] = -1;
      const pieceStarts = [];
      for (const piece of page.pieces) {
        pieceStarts.push(out.n - first);
        append(foldText(piece), Infinity);
      }
      starts.push(pieceStarts);
      docEnd[j] = out.n;
    }
    space = local[SPACE];
  } finally {
    for (const cp of chars) local[cp] = -1;
  }
  return { ids: out.a, total: out.n, docEnd, chars, space, starts };
}
