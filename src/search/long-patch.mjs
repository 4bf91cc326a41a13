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
import { find, shardEntries } from "./shard-entries.mjs";
import { LONG_PAGES, coverClass, grouped, windowsOf } from "./gram-long.mjs";
import { LONG, LONG_BASE, NOT_INLINE, REACH } from "../assets/search-long.js";
import { BREAK, gramKey, pageStream } from "../assets/search-stream.js";

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
    longs.keys.forEach((key, g) => arounds[k].set(key, aroundAll(stream, longs, g, changed)));
    return longs;
  };
  /** Per side, each kept long gram's occurrences on the changed pages and what they have around them. */
  const arounds = [new Map(), new Map()];
  let read;
  /** The shard's grams read back, made once when first asked (shard-entries.mjs). */
  const entries = () => {
    if (read) return read;
    const isChanged = new Uint8Array(pages);
    for (const j of changed) isChanged[j] = 1;
    return (read = { ...shardEntries(grams, pages, isChanged), isChanged });
  };
  const grows = () => {
    const { reaches } = entries();
    for (const [key, { n, cps }] of others[1])
      if (n > (others[0].get(key)?.n ?? 0) && reaches(cps, LONG_PAGES - n)) return true;
    return false;
  };
  /** A kept long gram's occurrences on the unchanged pages: { docs, positions(doc), has }. */
  const unchanged = (key) => {
    const { entry, positions, has, isChanged } = entries();
    const e = entry(key);
    return {
      docs: e.docs.slice(0, e.n).filter((d) => !isChanged[d]),
      positions: (d) => positions(e, d),
      has,
    };
  };
  return {
    before: side(0),
    after: side(1),
    grows,
    dropped: (key, pages) => key >= LONG_BASE && pages < LONG_PAGES,
    sameReach: (key, reach) =>
      sameReach(arounds[0].get(key), arounds[1].get(key), reach, () => unchanged(key)),
    // With NOT_INLINE at every covering bigram a class is 0 exactly below LONG_PAGES pages, where any
    // window over the bigram is too: classes then decide nothing the counts do not.
    same: (now, before, after) => NOT_INLINE >= LONG / 2 || sameEligibility(grams, now, before, after),
  };
}

/**
 * What the occurrences of kept long gram `g` of `longs` (on the changed pages of `stream`, shard pages
 * `changed`) have before them (nearest first) and after them, as long-reach.mjs reads it (at most REACH
 * code points, up to a BREAK or the page's edge): { left, right }, one array of code points per
 * occurrence; `docs`, each one's page in the shard; `at`, the same marked when not the page's first;
 * `cps`, the long gram's code points.
 */
function aroundAll({ ids, docEnd, chars }, { start, doc, pos }, g, changed) {
  const out = { left: [], right: [], docs: [], at: [], cps: [] };
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
    out.docs.push(changed[doc[o]]);
    out.at.push(`${doc[o]}${o > start[g] && doc[o - 1] === doc[o] ? "+" : ""}`);
    if (o === start[g]) for (let e = 0; e < LONG; e++) out.cps.push(chars[ids[a + e]]);
  }
  return out;
}

const NONE = { left: [], right: [], docs: [], at: [], cps: [] };

/**
 * Whether a kept long gram's reach (`reach`, reachOf of its entry before the edit) stays as it is when
 * its occurrences on the changed pages were `was` and are `now` (aroundAll; undefined: none);
 * `unchanged()`, its occurrences on the other pages. A side of it, L code points, is every occurrence's
 * agreement with the shard's first (long-reach.mjs): each at least L, one exactly L. It stays when
 * - it is REACH long and every occurrence now has those REACH code points there, or
 * - the changed pages hold the same occurrences with the same first L + 1 code points there, or
 * - every occurrence now has those L code points there, and one of them agrees with the first for L
 *   exactly (`witnessed`).
 * Else it may have changed, and the shard is indexed whole.
 */
function sameReach(was = NONE, now = NONE, reach, unchanged) {
  const same = (x, y, n = Infinity) =>
    Math.min(x.length, n) === Math.min(y.length, n) && x.slice(0, n).every((v, i) => v === y[i]);
  const side = (name, stored) => {
    const L = stored.length;
    if (!now[name].every((cps) => same(cps.slice(0, L), stored))) return false;
    if (L === REACH) return true;
    if (same(was.at, now.at) && was[name].every((cps, o) => same(cps, now[name][o], L + 1))) return true;
    return now.docs.length > 0 && witnessed(name === "right", now[name], now.docs, now.cps, L, unchanged());
  };
  return side("left", reach.before) && side("right", reach.after);
}

/**
 * Whether some occurrence of a kept long gram agrees with the shard's first for exactly L code points
 * on one side (`right`, else left), when every one agrees for L: one that ends there, or whose next code
 * point is not the first occurrence's. `arounds`, `docs`: the changed pages' occurrences (aroundAll's);
 * `cps`: the long gram; `others`: its occurrences on the unchanged pages, whose next code point is read
 * from the shard's bigrams: the one after the L agreed (or the long gram's edge) and it.
 */
function witnessed(right, arounds, docs, cps, L, others) {
  const edge = L > 0 ? null : right ? cps[LONG - 1] : cps[0];
  const before = (around) => (L > 0 ? around[L - 1] : edge);
  // The bigram of code point `c` at L and the one before it, and where it starts for an occurrence at p.
  const pair = (prev, c) => (right ? gramKey(prev, c) : gramKey(c, prev));
  const at = (p) => (right ? p + LONG + L - 1 : p - 1 - L);
  const holds = (d, p, c, prev) => others.has(pair(prev, c), d, at(p));
  const firstOther = others.docs[0] ?? Infinity;
  let c;
  let prev;
  if (docs[0] < firstOther) {
    // The first occurrence is a changed page's: its code point at L is known.
    const first = arounds[0];
    if (first.length === L) return true;
    [c, prev] = [first[L], before(first)];
    if (arounds.some((a, o) => o > 0 && (a.length === L || a[L] !== c))) return true;
  } else {
    const refPos = others.positions(firstOther)[0];
    for (const a of arounds) {
      if (a.length === L || !holds(firstOther, refPos, a[L], before(a))) return true;
      [c, prev] = [a[L], before(a)];
    }
  }
  // The other occurrences (the first one itself left out when it is an unchanged page's).
  const skip = docs[0] < firstOther ? -1 : 0;
  for (const d of others.docs)
    for (const [o, p] of others.positions(d).entries())
      if ((d !== firstOther || o !== skip) && !holds(d, p, c, prev)) return true;
  return false;
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
