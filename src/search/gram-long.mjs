/**
 * A shard's long grams (src/assets/search-long.js; docs/search.md, "Seventeenth round"): the anchored
 * windows of LONG code points that repeat on at least LONG_PAGES of the shard's pages and whose covering
 * bigrams keep their positions inline in the shard but NOT_INLINE (all of them may not, since gram43). Each occurrence is kept with its position, as a bigram's. What a shard keeps depends on
 * its pages alone (the build cache keeps and joins shards as before), and a shard keeps a long gram
 * with every page of the shard holding it, so the Worker uses it only for the shards whose segment it
 * has. Plain JavaScript: the index step's workers run it.
 */
import { INLINE_POSITIONS } from "./gram-buckets.mjs";
import { LONG, LONG_BASE, NOT_INLINE, isAnchor, longKey } from "../assets/search-long.js";
import { BREAK, gramKey, pageStream } from "../assets/search-stream.js";
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
 * Calls visit(doc, position, cps) for each anchored window of the shard's stream whose covering
 * bigrams may cover it by `eligible` (coverClass, by bigram number); `cps`: its code points (reused).
 */
export function eachWindow({ ids, docEnd, chars }, bigramAt, eligible, visit) {
  const cps = new Array(LONG);
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
      if (!ok) continue;
      for (let k = 0; k < LONG; k++) cps[k] = chars[ids[i + k]];
      visit(j, i - from, cps);
    }
    i = end;
  }
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
  // A first pass counts the windows by their key's low bits (never fewer than a key's pages): only a
  // window whose count reaches LONG_PAGES is grouped, not every window of common bigrams (a map of
  // millions of keys on the synthetic portal, for a hundred kept).
  const counts = new Uint16Array(SKETCH);
  eachWindow(stream, bigramAt, eligible, (doc, pos, cps) => {
    const slot = longKey(cps, 0) % SKETCH;
    if (counts[slot] < LONG_PAGES) counts[slot]++;
  });
  const often = (key) => counts[key % SKETCH] >= LONG_PAGES;
  return grouped(stream, bigramAt, eligible, (key, df) => df >= LONG_PAGES, often);
}

/** Slots of the first pass's counts. */
const SKETCH = 1 << 20;

/**
 * The anchored windows of eligible bigrams grouped by long gram, those `keep(key, pages)` accepts;
 * `seen(key)`: false for a window not worth grouping.
 */
function grouped(stream, bigramAt, eligible, keep, seen = () => true) {
  const slotOf = new Map();
  const keyOf = [];
  const df = new Ints();
  const last = new Ints();
  const winSlot = new Ints();
  const winDoc = new Ints();
  const winPos = new Ints();
  eachWindow(stream, bigramAt, eligible, (doc, pos, cps) => {
    const key = longKey(cps, 0);
    if (!seen(key)) return;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slotOf.set(key, (slot = keyOf.length));
      keyOf.push(key);
      df.push(0);
      last.push(-1);
    }
    if (last.a[slot] !== doc) {
      last.a[slot] = doc;
      df.a[slot]++;
    }
    winSlot.push(slot);
    winDoc.push(doc);
    winPos.push(pos);
  });
  const kept = [];
  for (let s = 0; s < keyOf.length; s++) if (keep(keyOf[s], df.a[s])) kept.push(s);
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
    doc[at] = winDoc.a[w];
    pos[at] = winPos.a[w];
  }
  const longs = { keys: Float64Array.from(kept, (s) => keyOf[s]), start, doc, pos };
  return { ...longs, reach: reachesOf(stream, longs) };
}

/**
 * For gram-patch.mjs, which indexes the changed pages alone (`before`, `after`) and merges them into the
 * shard's grams (`grams`, before the change): indexShard's `long` option for each side, giving the long
 * grams the shard keeps with their occurrences on those pages (windows judged by the shard's bigrams);
 * `grows()`: true when a long gram the shard does not keep is on more of the changed pages after than
 * before (it may reach LONG_PAGES, and its other pages are not at hand: the shard is indexed whole);
 * `dropped(key, pages)`: a kept one whose pages fall below LONG_PAGES; `same(now, before, after)`:
 * sameEligibility with the grams before.
 */
export function longPatch(grams) {
  const kept = new Set();
  for (let i = grams.keys.length - 1; i >= 0 && grams.keys[i] >= LONG_BASE; i--) kept.add(grams.keys[i]);
  const others = [new Map(), new Map()];
  const side = (k) => (stream, bigramAt, table) => {
    const eligible = new Uint8Array(table.size);
    for (let g = 0; g < table.size; g++)
      eligible[g] = classIn(grams, gramKey(stream.chars[table.a[g]], stream.chars[table.b[g]]));
    return grouped(stream, bigramAt, eligible, (key, df) => kept.has(key) || (others[k].set(key, df), false));
  };
  return {
    before: side(0),
    after: side(1),
    grows: () => [...others[1]].some(([key, n]) => n > (others[0].get(key) ?? 0)),
    dropped: (key, pages) => key >= LONG_BASE && pages < LONG_PAGES,
    same: (now, before, after) => sameEligibility(grams, now, before, after),
  };
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
function coverClass(pages, posBytes) {
  if (pages < LONG_PAGES) return 0;
  return posBytes <= INLINE_POSITIONS || NOT_INLINE >= LONG / 2 ? 2 : 1;
}

/** coverClass of a bigram (by key) in the shard's grams `g`. */
function classIn(g, key) {
  let lo = 0;
  let hi = g.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.keys[mid] === key) return coverClass(g.df[mid], g.posEnd[mid] - g.listEnd[mid]);
    if (g.keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/**
 * True when no bigram of the changed pages (`before`, `after`) changed how it may cover a long gram
 * (coverClass) between the shard's grams before (`was`) and after the patch (`now`): then each long gram
 * the shard keeps or not is so for the same bigrams as before (gram-patch.mjs).
 */
export function sameEligibility(was, now, before, after) {
  for (const page of [...before, ...after]) {
    const { stream } = pageStream(page.title, page.pieces);
    for (let i = 0; i + 1 < stream.length; i++) {
      if (stream[i] === BREAK || stream[i + 1] === BREAK) continue;
      const key = gramKey(stream[i], stream[i + 1]);
      if (classIn(was, key) !== classIn(now, key)) return false;
    }
  }
  return true;
}
