/**
 * A shard's long grams (src/assets/search-long.js; docs/search.md, "Seventeenth round"): the anchored
 * windows of LONG code points that repeat on at least LONG_PAGES of the shard's pages and whose covering
 * bigrams keep their positions inline in the shard but NOT_INLINE (all of them may not, since gram43).
 * Each occurrence is kept with its position, as a bigram's. What a shard keeps depends on its pages
 * alone (the build cache keeps and joins shards as before; long-patch.mjs patches one after an edit),
 * and a shard keeps a long gram with every page of the shard holding it, so the Worker uses it only for
 * the shards whose segment it has. Plain JavaScript: the index step's workers run it.
 */
import { INLINE_POSITIONS } from "./gram-buckets.mjs";
import { LONG, NOT_INLINE, isAnchor, longKey } from "../assets/search-long.js";
import { reachesOf } from "./long-reach.mjs";

/** Least pages of a shard a long gram is kept for. */
export const LONG_PAGES = 96;

/** A growing Int32Array. */
class Ints {
  constructor() {
    this.a = new Int32Array(1024);
    this.n = 0;
  }
  push(v) {
    if (this.n === this.a.length) {
      const next = new Int32Array(this.n * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.n++] = v;
  }
}

/**
 * Calls visit(doc, position, at) for each anchored window of the shard's stream whose covering
 * bigrams may cover it by `eligible` (coverClass, by bigram number); `at`: where it starts in the stream.
 */
function eachWindow({ ids, docEnd, chars }, bigramAt, eligible, visit) {
  const anchor = new Int8Array(eligible.length).fill(-1);
  for (let i = 0, j = 0; j < docEnd.length; j++) {
    const from = i;
    const end = docEnd[j];
    for (; i + LONG <= end; i++) {
      const g = bigramAt[i];
      if (g < 0) continue;
      if (anchor[g] < 0) anchor[g] = isAnchor(chars[ids[i]], chars[ids[i + 1]]) ? 1 : 0;
      if (!anchor[g]) continue;
      let ok = true;
      let other = 0;
      // Covering bigrams at 0, 2 … LONG − 2 (LONG is even): none spans a BREAK, each on LONG_PAGES and
      // inline but NOT_INLINE (coverClass).
      for (let k = 0; k < LONG && ok; k += 2) {
        const h = bigramAt[i + k];
        ok = h >= 0 && eligible[h] > 0 && (eligible[h] === 2 || ++other <= NOT_INLINE);
      }
      if (ok) visit(j, i - from, i);
    }
    i = end;
  }
}

/** A growing set of windows: { n, key, doc, pos }, and where each starts in the stream (`at`). */
class Windows {
  constructor() {
    this.n = 0;
    this.key = new Float64Array(1024);
    this.doc = new Int32Array(1024);
    this.pos = new Int32Array(1024);
    this.at = new Int32Array(1024);
  }
  push(key, doc, pos, at) {
    if (this.n === this.key.length)
      for (const name of ["key", "doc", "pos", "at"]) this[name] = grow(this[name]);
    this.key[this.n] = key;
    this.doc[this.n] = doc;
    this.pos[this.n] = pos;
    this.at[this.n++] = at;
  }
}

/** A typed array twice as long, its values first. */
function grow(a) {
  const next = new a.constructor(a.length * 2);
  next.set(a);
  return next;
}

/** The key (longKey) of the window at `at` of the shard's stream; `cps`: scratch of LONG. */
function keyAt({ ids, chars }, at, cps) {
  for (let k = 0; k < LONG; k++) cps[k] = chars[ids[at + k]];
  return longKey(cps, 0);
}

/**
 * The anchored windows of a shard's stream whose covering bigrams may cover them (eachWindow), with
 * their keys: { n, key, doc, pos } (page by page, position by position).
 */
export function windowsOf(stream, bigramAt, eligible) {
  const w = new Windows();
  const cps = new Array(LONG);
  eachWindow(stream, bigramAt, eligible, (doc, pos, at) => w.push(keyAt(stream, at, cps), doc, pos, at));
  return w;
}

/**
 * The shard's long grams: `keys` ascending, and for long gram k its occurrences at start[k] …
 * start[k + 1] of `doc` and `pos` (pages ascending, positions ascending within a page), as
 * gram-shard.mjs encodes a bigram's. `shard`: its grams so far, `order` their gram numbers (bigram
 * g is nc + g): a long gram's covering bigrams are each on as many pages as it, at least.
 */
export function longGrams(stream, bigramAt, { df: pages, listEnd, posEnd, order, nc }) {
  const eligible = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++)
    if (order[i] >= nc) eligible[order[i] - nc] = coverClass(pages[i], posEnd[i] - listEnd[i]);
  // The windows counted first by a hash of their covering bigrams' numbers (the same bigrams, the same
  // window, in a shard), in a sketch that never counts fewer than a window's pages: only one whose count
  // reaches LONG_PAGES is keyed and grouped, not every window of common bigrams (millions on the
  // synthetic portal, for a few hundred kept).
  const counts = new Uint16Array(SKETCH);
  const seen = new Windows();
  eachWindow(stream, bigramAt, eligible, (doc, pos, at) => {
    let h = 0x811c9dc5;
    for (let k = 0; k < LONG; k += 2) h = Math.imul(h ^ bigramAt[at + k], 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    const slot = (h ^ (h >>> 12)) & (SKETCH - 1);
    if (counts[slot] < LONG_PAGES) counts[slot]++;
    seen.push(slot, doc, pos, at);
  });
  const windows = new Windows();
  const cps = new Array(LONG);
  for (let w = 0; w < seen.n; w++)
    if (counts[seen.key[w]] >= LONG_PAGES)
      windows.push(keyAt(stream, seen.at[w], cps), seen.doc[w], seen.pos[w], seen.at[w]);
  return grouped(stream, windows, (key, df) => df >= LONG_PAGES);
}

/** Slots of the first count. */
const SKETCH = 1 << 20;

/**
 * The windows (windowsOf) grouped by long gram, those `keep(key, pages, w)` accepts (`w`: its first
 * window).
 */
export function grouped(stream, windows, keep) {
  const slotOf = new Map();
  const keyOf = [];
  const df = new Ints();
  const last = new Ints();
  const first = new Ints();
  const winSlot = new Ints();
  const winAt = new Ints();
  for (let w = 0; w < windows.n; w++) {
    const key = windows.key[w];
    const doc = windows.doc[w];
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, (slot = keyOf.length));
      keyOf.push(key);
      df.push(0);
      last.push(-1);
      first.push(w);
    }
    if (last.a[slot] !== doc) {
      last.a[slot] = doc;
      df.a[slot]++;
    }
    winSlot.push(slot);
    winAt.push(w);
  }
  const kept = [];
  for (let s = 0; s < keyOf.length; s++) if (keep(keyOf[s], df.a[s], first.a[s])) kept.push(s);
  kept.sort((x, y) => keyOf[x] - keyOf[y]);
  const place = new Int32Array(keyOf.length).fill(-1);
  const start = new Int32Array(kept.length + 1);
  const count = new Int32Array(keyOf.length);
  for (let w = 0; w < winSlot.n; w++) count[winSlot.a[w]]++;
  kept.forEach((s, k) => {
    place[s] = k;
    start[k + 1] = start[k] + count[s];
  });
  const fill = start.slice(0, kept.length);
  const doc = new Int32Array(start[kept.length]);
  const pos = new Int32Array(start[kept.length]);
  // Windows come page by page, position by position: each long gram's occurrences stay in that order.
  for (let w = 0; w < winSlot.n; w++) {
    const k = place[winSlot.a[w]];
    if (k < 0) continue;
    const at = fill[k]++;
    doc[at] = windows.doc[winAt.a[w]];
    pos[at] = windows.pos[winAt.a[w]];
  }
  const longs = { keys: Float64Array.from(kept, (s) => keyOf[s]), start, doc, pos };
  return { ...longs, reach: reachesOf(stream, longs) };
}

/**
 * The shard's grams ({ keys, df, listEnd, posEnd }) with its long grams after them, each encoded by
 * `encode(doc, pos, from, to, reach)` (gram-shard.mjs's bigram encoding, its reach first: { n, listEnd }) where `length()` ends.
 */
export function withLongGrams(grams, longs, encode, length) {
  const n = grams.keys.length;
  const m = n + longs.keys.length;
  const grown = (x, Type) => {
    const y = new Type(m);
    y.set(x);
    return y;
  };
  const keys = grown(grams.keys, Float64Array);
  const [df, listEnd, posEnd] = [grams.df, grams.listEnd, grams.posEnd].map((x) => grown(x, Uint32Array));
  keys.set(longs.keys, n);
  for (let k = 0; k < longs.keys.length; k++) {
    const gram = encode(longs.doc, longs.pos, longs.start[k], longs.start[k + 1], longs.reach[k]);
    df[n + k] = gram.n;
    listEnd[n + k] = gram.listEnd;
    posEnd[n + k] = length();
  }
  return { keys, df, listEnd, posEnd };
}

/**
 * How a bigram on `pages` of the shard's pages with `posBytes` of positions may cover a long gram: 0 not
 * (on fewer than LONG_PAGES, so no window over it is on that many), 1 as one of NOT_INLINE (its positions
 * not inline), 2 freely (inline, or NOT_INLINE is every covering bigram).
 */
export function coverClass(pages, posBytes) {
  if (pages < LONG_PAGES) return 0;
  return posBytes <= INLINE_POSITIONS || NOT_INLINE >= LONG / 2 ? 2 : 1;
}
