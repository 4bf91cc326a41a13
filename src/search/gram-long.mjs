/**
 * A shard's long grams (src/assets/search-long.js; docs/search.md, "Seventeenth round"): the anchored
 * windows of LONG code points that repeat on at least LONG_PAGES of the shard's pages and whose every
 * covering bigram keeps its positions inline in the shard (the bigrams a long phrase pays a request
 * each for). Each occurrence is kept with its position, as a bigram's. What a shard keeps depends on
 * its pages alone (the build cache keeps and joins shards as before), and a shard keeps a long gram
 * with every page of the shard holding it, so the Worker uses it only for the shards whose segment it
 * has. Plain JavaScript: the index step's workers run it.
 */
import { INLINE_POSITIONS } from "./gram-buckets.mjs";
import { LONG, LONG_BASE, isAnchor, longKey } from "../assets/search-long.js";
import { BREAK, gramKey, pageStream } from "../assets/search-stream.js";

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
 * bigrams are all `eligible` (by bigram number); `cps`: its code points (reused).
 */
export function eachWindow({ ids, docEnd, chars }, bigramAt, eligible, visit) {
  const cps = new Array(LONG);
  const anchor = new Int8Array(eligible.length).fill(-1);
  for (let i = 0, j = 0; j < docEnd.length; j++) {
    const from = i;
    const end = docEnd[j];
    for (; i + LONG <= end; i++) {
      const g = bigramAt[i];
      if (g < 0 || !eligible[g]) continue;
      if (anchor[g] < 0) anchor[g] = isAnchor(chars[ids[i]], chars[ids[i + 1]]) ? 1 : 0;
      if (!anchor[g]) continue;
      let ok = true;
      // Covering bigrams at 0, 2 … LONG − 2 (LONG is even): none spans a BREAK, each inline.
      for (let k = 2; k < LONG && ok; k += 2) {
        const h = bigramAt[i + k];
        ok = h >= 0 && eligible[h] === 1;
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
    if (order[i] >= nc)
      eligible[order[i] - nc] = posEnd[i] - listEnd[i] <= INLINE_POSITIONS && pages[i] >= LONG_PAGES ? 1 : 0;
  const slotOf = new Map();
  const keyOf = [];
  const df = new Ints();
  const last = new Ints();
  const winSlot = new Ints();
  const winDoc = new Ints();
  const winPos = new Ints();
  eachWindow(stream, bigramAt, eligible, (doc, pos, cps) => {
    const key = longKey(cps, 0);
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
  for (let s = 0; s < keyOf.length; s++) if (df.a[s] >= LONG_PAGES) kept.push(s);
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
  return { keys: Float64Array.from(kept, (s) => keyOf[s]), start, doc, pos };
}

/**
 * The shard's grams ({ keys, df, listEnd, posEnd }) with its long grams after them, each encoded by
 * `encode(doc, pos, from, to)` (gram-shard.mjs's bigram encoding: { n, listEnd }) where `length()` ends.
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
    const gram = encode(longs.doc, longs.pos, longs.start[k], longs.start[k + 1]);
    df[n + k] = gram.n;
    listEnd[n + k] = gram.listEnd;
    posEnd[n + k] = length();
  }
  return { keys, df, listEnd, posEnd };
}

/**
 * Whether a bigram (by key) may cover a long gram the shard keeps: on LONG_PAGES of its pages or more,
 * its positions inline.
 */
function inlineIn(g, key) {
  let lo = 0;
  let hi = g.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.keys[mid] === key)
      return g.posEnd[mid] - g.listEnd[mid] <= INLINE_POSITIONS && g.df[mid] >= LONG_PAGES;
    if (g.keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * True when patching a shard (gram-patch.mjs) leaves it without long grams, as indexing it whole would:
 * it had none (`was`), no changed page (`after`) has an anchored window whose covering bigrams may cover a
 * kept long gram (inlineIn, by `now`), and no bigram of the changed pages, before or after, turned such a
 * bigram or stopped being one. Then no long gram can be kept after (it would have been before, or be on a
 * changed page). Else the shard is indexed whole.
 */
export function noLongGrams(was, now, before, after) {
  if (was.keys.length && was.keys[was.keys.length - 1] >= LONG_BASE) return false;
  for (const [g, pages] of [
    [undefined, before],
    [now, after],
  ])
    for (const page of pages) {
      const { stream } = pageStream(page.title, page.pieces);
      for (let i = 0; i + 1 < stream.length; i++) {
        if (stream[i] === BREAK || stream[i + 1] === BREAK) continue;
        const key = gramKey(stream[i], stream[i + 1]);
        if (inlineIn(was, key) !== inlineIn(now, key)) return false;
        if (!g || i + LONG > stream.length || !isAnchor(stream[i], stream[i + 1])) continue;
        let window = true;
        for (let k = 0; k < LONG && window; k += 2)
          window =
            stream[i + k] !== BREAK &&
            stream[i + k + 1] !== BREAK &&
            inlineIn(g, gramKey(stream[i + k], stream[i + k + 1]));
        if (window) return false;
      }
    }
  return true;
}
