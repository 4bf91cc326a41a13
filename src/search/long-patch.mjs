/**
 * A shard's long grams after an edit, for gram-patch.mjs (which indexes the changed pages alone and
 * merges them into the shard's grams before the edit): which windows the changed pages hold, and
 * whether the shard may be patched. A window the shard does not keep that is on more of the changed
 * pages after the edit than before is counted on the unchanged pages from the grams before: it is on
 * a page exactly where its covering bigrams at 0, 2 … LONG − 2 sit at x, x + 2 … x + LONG − 2 (they
 * hold its every code point; none spans a BREAK or a page's end), and the grams hold every bigram's
 * pages and positions. The patch declines only when that count and the changed pages' reach
 * LONG_PAGES (the shard would keep it: it is indexed whole). Plain JavaScript (the index step's
 * workers run it).
 */
import { decodeList } from "./gram-lists.mjs";
import { LONG_PAGES, coverClass, grouped, windowsOf } from "./gram-long.mjs";
import { LONG, LONG_BASE, NOT_INLINE, REACH } from "../assets/search-long.js";
import { BREAK, gramKey, pageStream } from "../assets/search-stream.js";

/** A gram's pages as decodeList gives them (tiers dropped). */
class Pages {
  constructor() {
    this.docs = [];
    this.n = 0;
  }
  push(doc) {
    this.docs[this.n++] = doc;
  }
}

/** Index of `key` in the ascending `keys`, or −1. */
function find(keys, key) {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === key) return mid;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A varint's value at bytes[at], and where it ends. */
function varint(bytes, at) {
  let v = 0;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[at++];
    v += (b & 127) * scale;
    if (b < 128) return [v, at];
  }
}

/**
 * reaches(cps, need): whether at least `need` pages of the shard's `grams` (`pages` of them) not
 * `isChanged` hold the window `cps` (LONG code points). Each covering bigram is decoded once (its
 * pages, and where each page's positions start); pages are tried from the least common one's list.
 */
function windowCounter(grams, pages, isChanged) {
  /** Bigram key → { n, at } (`at`: per page, where its positions start, −1 absent), or null. */
  const decoded = new Map();
  const bigram = (key) => {
    if (decoded.has(key)) return decoded.get(key);
    const i = find(grams.keys, key);
    let entry = null;
    if (i >= 0) {
      const listed = new Pages();
      let at = decodeList(grams, i, pages, listed);
      const starts = new Int32Array(pages).fill(-1);
      for (let x = 0; x < listed.n; x++) {
        starts[listed.docs[x]] = at;
        // Skip the page's positions: its count, then that many varints.
        let count;
        [count, at] = varint(grams.bytes, at);
        for (; count > 0; at++) if (grams.bytes[at] < 128) count--;
      }
      entry = { n: listed.n, docs: listed.docs, at: starts };
    }
    decoded.set(key, entry);
    return entry;
  };
  /** Bigram `b`'s positions on page `doc`, ascending. */
  const positions = (b, doc) => {
    let [count, at] = varint(grams.bytes, b.at[doc]);
    const out = new Array(count);
    for (let x = 0, p = 0; x < count; x++) {
      let gap;
      [gap, at] = varint(grams.bytes, at);
      out[x] = p += gap;
    }
    return out;
  };
  return (cps, need) => {
    const covering = [];
    for (let k = 0; k < LONG; k += 2) {
      const b = bigram(gramKey(cps[k], cps[k + 1]));
      if (!b) return need <= 0;
      covering.push({ b, offset: k });
    }
    covering.sort((x, y) => x.b.n - y.b.n);
    const [rarest, ...rest] = covering;
    if (rarest.b.n < need) return false;
    let count = 0;
    for (let x = 0; x < rarest.b.n && count < need; x++) {
      const doc = rarest.b.docs[x];
      if (isChanged[doc] || rest.some(({ b }) => b.at[doc] < 0)) continue;
      // Where the window would start by the rarest bigram, kept where every other bigram lines up.
      let starts = positions(rarest.b, doc).map((p) => p - rarest.offset);
      for (const { b, offset } of rest) {
        const held = new Set(positions(b, doc));
        starts = starts.filter((s) => held.has(s + offset));
        if (!starts.length) break;
      }
      if (starts.length) count++;
    }
    return count >= need;
  };
}

/**
 * For patchShard on a shard's `grams` (before the edit) of `pages` pages, `changed` (ascending):
 * indexShard's `long` option for each side of the changed pages (`before`, `after`), giving the long
 * grams the shard keeps with their occurrences on those pages; `grows()`: true when a window the shard
 * does not keep reaches LONG_PAGES after the edit (counted as above); `dropped(key, pages)`: a kept one
 * whose pages fall below LONG_PAGES; `sameReach(key, reach)`: whether a kept one's reach stays;
 * `same(now, before, after)`: sameEligibility with the grams before.
 */
export function longPatch(grams, pages, changed) {
  const kept = new Set();
  for (let i = grams.keys.length - 1; i >= 0 && grams.keys[i] >= LONG_BASE; i--) kept.add(grams.keys[i]);
  /** Per side, each window not kept: its pages among the changed ones, and its code points. */
  const others = [new Map(), new Map()];
  const side = (k) => (stream, bigramAt, table) => {
    // A bigram's pages after the edit are at most its pages before and the changed pages: a window
    // over one that cannot reach LONG_PAGES cannot either (classes prune, as in longGrams).
    const eligible = new Uint8Array(table.size);
    for (let g = 0; g < table.size; g++)
      eligible[g] = classIn(
        grams,
        gramKey(stream.chars[table.a[g]], stream.chars[table.b[g]]),
        changed.length,
      );
    const windows = windowsOf(stream, bigramAt, eligible);
    const longs = grouped(stream, windows, (key, df, w) => {
      if (kept.has(key)) return true;
      const at = (windows.doc[w] === 0 ? 0 : stream.docEnd[windows.doc[w] - 1]) + windows.pos[w];
      others[k].set(key, {
        n: df,
        cps: Array.from(stream.ids.subarray(at, at + LONG), (c) => stream.chars[c]),
      });
      return false;
    });
    longs.keys.forEach((key, g) => arounds[k].set(key, aroundAll(stream, longs, g)));
    return longs;
  };
  /** Per side, each kept long gram's occurrences on the changed pages and what they have around them. */
  const arounds = [new Map(), new Map()];
  const grows = () => {
    const isChanged = new Uint8Array(pages);
    for (const j of changed) isChanged[j] = 1;
    const reaches = windowCounter(grams, pages, isChanged);
    for (const [key, { n, cps }] of others[1])
      if (n > (others[0].get(key)?.n ?? 0) && reaches(cps, LONG_PAGES - n)) return true;
    return false;
  };
  return {
    before: side(0),
    after: side(1),
    grows,
    dropped: (key, pages) => key >= LONG_BASE && pages < LONG_PAGES,
    sameReach: (key, reach) => sameReach(arounds[0].get(key), arounds[1].get(key), reach),
    // With NOT_INLINE at every covering bigram a class is 0 exactly below LONG_PAGES pages, where any
    // window over the bigram is too: classes then decide nothing the counts do not.
    same: (now, before, after) => NOT_INLINE >= LONG / 2 || sameEligibility(grams, now, before, after),
  };
}

/**
 * What the occurrences of kept long gram `g` of `longs` (on the changed pages of `stream`) have before
 * them (nearest first) and after them, as long-reach.mjs reads it (at most REACH code points, up to a
 * BREAK or the page's edge): { left, right }, one array of code points per occurrence, and `at`, each
 * occurrence's page, marked when not the page's first.
 */
function aroundAll({ ids, docEnd, chars }, { start, doc, pos }, g) {
  const out = { left: [], right: [], at: [] };
  for (let o = start[g]; o < start[g + 1]; o++) {
    const lo = doc[o] === 0 ? 0 : docEnd[doc[o] - 1];
    const a = lo + pos[o];
    const left = [];
    for (let e = 1; e <= REACH && a - e >= lo && ids[a - e] >= 0; e++) left.push(chars[ids[a - e]]);
    const right = [];
    for (let e = 0; e < REACH && a + LONG + e < docEnd[doc[o]] && ids[a + LONG + e] >= 0; e++)
      right.push(chars[ids[a + LONG + e]]);
    out.left.push(left);
    out.right.push(right);
    out.at.push(`${doc[o]}${o > start[g] && doc[o - 1] === doc[o] ? "+" : ""}`);
  }
  return out;
}

const NONE = { left: [], right: [], at: [] };

/**
 * Whether a kept long gram's reach (`reach`, reachOf of its entry before the edit) stays as it is when
 * its occurrences on the changed pages were `was` and are `now` (aroundAll; undefined: none). A side of
 * it, L code points, is every occurrence's agreement with the shard's first (long-reach.mjs), at least
 * L each and L for one of them. It stays when (a) the changed pages hold the same occurrences with the
 * same first L + 1 code points there (each agreement, as far as the least one goes, is as it was), or
 * (b) it is REACH long and every occurrence now has those REACH code points there (then every
 * occurrence agrees with every other for REACH). Else the shard's other occurrences decide it, and the
 * shard is indexed whole.
 */
function sameReach(was = NONE, now = NONE, reach) {
  const same = (x, y, n = Infinity) =>
    Math.min(x.length, n) === Math.min(y.length, n) && x.slice(0, n).every((v, i) => v === y[i]);
  const side = (name, stored) =>
    (same(was.at, now.at) && was[name].every((cps, o) => same(cps, now[name][o], stored.length + 1))) ||
    (stored.length === REACH && now[name].every((cps) => same(cps, stored)));
  return side("left", reach.before) && side("right", reach.after);
}

/** coverClass of a bigram (by key) in the shard's grams `g`, as if on `extra` more pages. */
function classIn(g, key, extra = 0) {
  const i = find(g.keys, key);
  return i < 0 ? coverClass(extra, 0) : coverClass(g.df[i] + extra, g.posEnd[i] - g.listEnd[i]);
}

/**
 * True when no bigram of the changed pages (`before`, `after`) changed how it may cover a long gram
 * (coverClass) between the shard's grams before (`was`) and after the patch (`now`): then each long gram
 * the shard keeps or not is so for the same bigrams as before.
 */
function sameEligibility(was, now, before, after) {
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
