/**
 * Long grams (docs/search.md, "Seventeenth round"): LONG code points of a page's stream starting at an
 * *anchor*, a position whose bigram hashes to 0 modulo EVERY — a property of those two characters
 * alone, so a term and every page holding it agree on where the term's anchors are. A shard indexes a
 * long gram (every occurrence, with its position, like a bigram) only where it repeats on many of the
 * shard's pages and each of its covering bigrams keeps its positions inline (gram-long.mjs): the
 * phrases whose every bigram is on hundreds of pages and costs a request of its own. A term of such a
 * phrase is then proved by a few long grams and the bigrams covering what they leave, not by every
 * covering bigram. Plain JavaScript, shared by the build and the Worker.
 */
import { Reader, gramKey, hashOf } from "./search-stream.js";

/** Code points of a long gram. */
export const LONG = 16;
/** About one position in EVERY is an anchor. */
const EVERY = 8;
/**
 * Code points a long gram's entry keeps on each side of it (long-reach.mjs): what every occurrence of it
 * in the shard has there, so one long gram proves up to LONG + 2 × REACH code points of a term.
 */
export const REACH = 48;
/**
 * Covering bigrams of a long gram that may keep their positions apart from their bucket (on thousands of
 * pages: 澄川, 2023 in an attachment's name): all of them (LONG / 2; 1 before gram43). A table header or
 * a form's labels on hundreds of pages is made of the site's commonest bigrams, and was proved a bigram
 * a bucket; a window kept on LONG_PAGES of a shard's pages is bounded by its pages, not its bigrams.
 */
export const NOT_INLINE = LONG / 2;
/** Long-gram keys start here, above every bigram key ((0x110000 + 1) × 0x110000 < 2^41). */
export const LONG_BASE = 2 ** 41;

/** True when a long gram may start at a position whose two first code points are a and b. */
export function isAnchor(a, b) {
  return hashOf(gramKey(a, b)) % EVERY === 0;
}

/**
 * The key of the long gram cps[at … at + LONG): LONG_BASE plus a 52-bit hash of its code points (two
 * 32-bit hashes; below 2^53, so a varint and a JavaScript number hold it exactly).
 */
export function longKey(cps, at) {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = at; i < at + LONG; i++) {
    const c = cps[i];
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    h2 = (h2 ^ (h2 >>> 13)) >>> 0;
  }
  return LONG_BASE + h1 * 2 ** 20 + (h2 >>> 12);
}

/** The long grams a term of code points `cps` holds: { key, offset } at each anchor LONG from its end. */
export function anchorsOf(cps) {
  const out = [];
  for (let p = 0; p + LONG <= cps.length; p++) if (isAnchor(cps[p], cps[p + 1])) out.push({ key: longKey(cps, p), offset: p });
  return out;
}

/**
 * How a term of code points `cps` may be proved with long grams: `long`, the fewest anchored long
 * grams covering as much of it as they can (greedy, left to right), and `rest`, the bigrams covering
 * what they leave, each { key, offset }. No long gram when the term has no anchor LONG from its end.
 * `usable`: the offsets of the long grams it may use (default: any), a Set, or a Map from each to the
 * part of the term it proves, [from, to) (its LONG code points and what every occurrence of it has
 * around it that the term has too: reachOf).
 */
export function coverOf(cps, usable) {
  const spans = [];
  for (let p = 0; p + LONG <= cps.length; p++) {
    if (!isAnchor(cps[p], cps[p + 1]) || (usable && !usable.has(p))) continue;
    const [from, to] = usable instanceof Map ? usable.get(p) : [p, p + LONG];
    spans.push({ offset: p, from, to });
  }
  spans.sort((a, b) => a.from - b.from || b.to - a.to);
  const long = [];
  const covered = new Uint8Array(cps.length);
  for (let i = 0, reach = 0; i < spans.length; ) {
    // Of the spans starting inside what is covered (or, past a gap, at the next start), the one
    // reaching furthest.
    const limit = Math.max(reach, spans[i].from);
    let best = spans[i];
    for (; i < spans.length && spans[i].from <= limit; i++) if (spans[i].to > best.to) best = spans[i];
    if (best.to <= reach) continue;
    long.push({ key: longKey(cps, best.offset), offset: best.offset });
    covered.fill(1, best.from, best.to);
    reach = best.to;
  }
  const rest = [];
  for (let p = 0; p < cps.length; ) {
    if (covered[p]) {
      p++;
      continue;
    }
    let q = p;
    while (q < cps.length && !covered[q]) q++;
    // The run p … q − 1 by bigrams at p, p + 2 …, and one ending at q − 1; a run of one by the bigram
    // starting (or, at the term's end, ending) on it.
    const from = q - p === 1 && q === cps.length ? p - 1 : p;
    const to = Math.max(q, from + 2);
    for (let x = from; x + 1 < to; x += 2) rest.push({ key: gramKey(cps[x], cps[x + 1]), offset: x });
    if ((to - from) % 2 === 1) rest.push({ key: gramKey(cps[to - 2], cps[to - 1]), offset: to - 2 });
    p = q;
  }
  // At least one bigram, whose page list (complete in every shard) says which shards the term may be on.
  if (!rest.length) rest.push({ key: gramKey(cps[0], cps[1]), offset: 0 });
  return { long, rest };
}

/**
 * What every occurrence of a long gram in one shard has around it, from the start of its segment's
 * positions (long-reach.mjs): { before (nearest first), after, at } (`at`: where its positions start).
 */
export function reachOf(bytes) {
  const r = new Reader(bytes);
  const before = Array.from({ length: r.next() }, () => r.next());
  const after = Array.from({ length: r.next() }, () => r.next());
  return { before, after, at: r.at };
}

/** The part [from, to) of the term `cps` the long gram at `at` proves, given reachOf of its shard. */
export function provedBy(cps, at, { before, after }) {
  let from = at;
  while (at - from < before.length && from > 0 && cps[from - 1] === before[at - from]) from--;
  let to = at + LONG;
  while (to - at - LONG < after.length && to < cps.length && cps[to] === after[to - at - LONG]) to++;
  return [from, to];
}
