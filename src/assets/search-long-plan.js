/**
 * Which long grams (search-long.js) prove a long term, in the Worker (search-match.js): a phrase whose
 * every covering bigram is on hundreds of pages costs a request a bigram (each in its own bucket); its
 * long grams, where the index keeps them, prove it with a few, and each proves, besides its own code
 * points, what every occurrence of it has around it that the term has too (docs/search.md,
 * "Seventeenth round" and "Eighteenth round").
 */
import { LONG, NOT_INLINE, anchorsOf, coverOf, provedBy, reachOf } from "./search-long.js";
import { codePoints, gramKey, gramsOfTerm } from "./search-stream.js";

/** Terms shorter than this are a few bigrams anyway. */
const LONG_TERM = 32;
/** Rounds of long grams fetched after the first two, each for what those before left unproved. */
const ROUNDS = 2;

/**
 * For each plan ({ term, all }) of a term its long grams may prove, `all` becomes the long grams the index
 * holds in every shard the term may be on (a shard keeps a long gram only where it repeats and its
 * bigrams keep their positions inline but NOT_INLINE, so elsewhere its absence says nothing) and the
 * bigrams covering what they leave. search-match.js asks once a term's sampled bigrams leave it on many
 * pages, before it would fetch every other covering bigram. Two of the term's long grams, its first and a
 * middle one, are asked for with its first and last bigrams (which any proof of it needs); others only
 * when one of the two is there, and only those that may prove what the ones at hand leave: a term whose
 * phrase does not repeat costs two requests more, a repeated phrase about one long gram.
 */
export async function useLongGrams(index, plans, grams) {
  if (!index.manifest.long) return;
  const tries = plans.flatMap((p) => {
    const cps = codePoints(p.term);
    if (cps.length < LONG_TERM) return [];
    const anchors = usableAnchors(index, cps);
    const all = gramsOfTerm(p.term);
    return anchors.length ? [{ p, cps, anchors, ends: [all[0], all.at(-1)] }] : [];
  });
  // A common bigram (index.json `wide`) by its first positions file, which holds its part: its positions
  // on the term's many pages will be needed.
  const get = (keys) =>
    Promise.all(
      [...new Set(keys)]
        .filter((key) => !grams.has(key))
        .map(async (key) => grams.set(key, await index.gram(key, { positions: true }))),
    );
  const probes = (t) => probeAnchors(index, t.cps, t.anchors, (n) => [0, n >> 1]);
  await get(tries.flatMap((t) => [...probes(t), ...t.ends].map((u) => u.key)));
  const present = tries.filter((t) => probes(t).some((u) => grams.get(u.key).df > 0));
  for (let round = 0; round < ROUNDS; round++) {
    const wanted = present.flatMap((t) => nextAnchors(t, proved(t, grams), grams));
    if (!wanted.length) break;
    await get(wanted.map((u) => u.key));
  }
  for (const t of present) {
    const cover = coverOf(t.cps, proved(t, grams));
    if (cover.long.length) t.p.all = [...cover.long, ...cover.rest].sort((a, b) => a.offset - b.offset);
  }
}

/**
 * The long grams of a term fetched so far that it may use, as a Map from offset to the part of it
 * they prove: those with a segment in every shard the term may be on (the shards holding its first
 * and last bigrams), each proving its code points and what its occurrences have around them there.
 */
function proved(t, grams) {
  const shardsOf = (u) => new Set(grams.get(u.key).segments.map((s) => s.shard));
  const [head, tail] = t.ends.map(shardsOf);
  const shards = [...head].filter((s) => tail.has(s));
  const out = new Map();
  for (const u of t.anchors) {
    const g = grams.get(u.key);
    if (!g?.df) continue;
    const mine = shards.map((shard) => g.segments.find((s) => s.shard === shard));
    if (mine.some((s) => !s)) continue;
    // The least of what it proves in each of those shards (a segment with its positions in a file of its
    // own: only its code points, until that file is fetched).
    let [from, to] = [u.offset, u.offset + LONG];
    mine.forEach((s, k) => {
      const [f, e] = s.pos ? provedBy(t.cps, u.offset, reachOf(s.pos)) : [u.offset, u.offset + LONG];
      [from, to] = k ? [Math.max(from, f), Math.min(to, e)] : [f, e];
    });
    out.set(u.offset, [from, to]);
  }
  return out;
}

/** The term's unfetched long grams that may prove what those at hand leave (a cover of it by them). */
function nextAnchors(t, usable, grams) {
  const covered = new Uint8Array(t.cps.length);
  for (const [from, to] of usable.values()) covered.fill(1, from, to);
  const open = new Map();
  for (const u of t.anchors)
    if (!grams.has(u.key) && covered.subarray(u.offset, u.offset + LONG).includes(0)) open.set(u.offset, [u.offset, u.offset + LONG]);
  // Those a cover of what is left would take (coverOf over the known spans and these).
  const both = new Map([...usable, ...open]);
  return coverOf(t.cps, both).long.filter((u) => open.has(u.offset));
}

/**
 * The long grams of `cps` worth asking for: none over more common bigrams (index.json `wide`) than
 * NOT_INLINE, as a shard keeps none with more bigrams that have positions files (gram-long.mjs), and a
 * common one has them in most.
 */
export function usableAnchors(index, cps) {
  return anchorsOf(cps).filter((u) => commonOf(index, cps, u) <= NOT_INLINE);
}

/**
 * The anchors to probe first, `picks(n)` giving their places among n: among those over at most
 * PROBE_WIDE common bigrams when there are any. A window of the site's commonest bigrams (a table
 * header, 附件1：澄川市2023) is kept where it repeats on many pages, but most such windows of a query
 * do not (they cross a line the reader typed apart): a probe there is mostly a request for nothing.
 */
export function probeAnchors(index, cps, anchors, picks) {
  const plain = anchors.filter((u) => commonOf(index, cps, u) <= PROBE_WIDE);
  const from = plain.length ? plain : anchors;
  return [...new Set(picks(from.length))].map((i) => from[i]);
}

/** Covering bigrams of a long gram probed first that may be common (index.json `wide`). */
const PROBE_WIDE = 1;

/** How many of the covering bigrams of the long gram u of `cps` are common (index.json `wide`). */
function commonOf(index, cps, u) {
  return coveringKeys(cps, u.offset).filter((key) => index.isWide(key)).length;
}

/** The covering bigrams' keys of the long gram at `at`. */
function coveringKeys(cps, at) {
  const out = [];
  for (let k = 0; k < LONG; k += 2) out.push(gramKey(cps[at + k], cps[at + k + 1]));
  return out;
}
