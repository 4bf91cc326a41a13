/**
 * Which long grams (search-long.js) prove a long term, in the Worker (search-match.js): a phrase whose
 * every covering bigram is on hundreds of pages costs a request a bigram (each in its own bucket); its
 * long grams, where the index keeps them, prove it with a few (docs/search.md, "Seventeenth round").
 */
import { LONG, anchorsOf, coverOf } from "./search-long.js";
import { codePoints, gramKey, gramsOfTerm } from "./search-stream.js";

/** Terms shorter than this are a few bigrams anyway. */
const LONG_TERM = 32;
/** Longer ones are pasted passages, narrowed by a sample of their bigrams and their text (search-plan.js). */
const PASSAGE = 96;

/**
 * For each plan ({ term, all }) of a term its long grams may prove, `all` becomes the long grams the index
 * holds in every shard the term may be on (a shard keeps a long gram only where it repeats and its
 * bigrams keep their positions inline, so elsewhere its absence says nothing) and the bigrams covering
 * what they leave. Two of the term's long grams, its first and a middle one, are asked for with its first
 * and last bigrams (which any proof of it needs); its other long grams only when one of the two is
 * there: a term whose phrase does not repeat costs two requests more, not one per long gram.
 */
export async function useLongGrams(index, plans, grams) {
  if (!index.manifest.long) return;
  const tries = plans.flatMap((p) => {
    const cps = codePoints(p.term);
    if (cps.length < LONG_TERM || cps.length > PASSAGE) return [];
    // Not a long gram with a common bigram (index.json `wide`): a shard keeps none whose bigrams have
    // positions files (gram-long.mjs), and a common one has them in most.
    const anchors = anchorsOf(cps).filter((u) => !coveringKeys(cps, u.offset).some((key) => index.isWide(key)));
    const ends = [gramsOfTerm(p.term)[0], gramsOfTerm(p.term).at(-1)];
    return anchors.length ? [{ p, cps, anchors, ends }] : [];
  });
  // A common bigram (index.json `wide`) by its first positions file, which holds its part: its positions
  // on the term's many pages will be needed.
  const get = (keys) =>
    Promise.all(
      [...new Set(keys)]
        .filter((key) => !grams.has(key))
        .map(async (key) => grams.set(key, await index.gram(key, { positions: true }))),
    );
  const probes = (t) => [t.anchors[0], t.anchors[t.anchors.length >> 1]];
  await get(tries.flatMap((t) => [...probes(t), ...t.ends].map((u) => u.key)));
  const present = tries.filter((t) => probes(t).some((u) => grams.get(u.key).df > 0));
  await get(present.flatMap((t) => t.anchors.map((u) => u.key)));
  for (const t of present) {
    // The shards the term may be on: those holding its first and last bigrams.
    const shardsOf = (u) => new Set(grams.get(u.key).segments.map((s) => s.shard));
    const [head, tail] = t.ends.map(shardsOf);
    const shards = [...head].filter((s) => tail.has(s));
    const usable = t.anchors.filter((u) => {
      const have = shardsOf(u);
      return grams.get(u.key).df > 0 && shards.every((s) => have.has(s));
    });
    const cover = coverOf(t.cps, new Set(usable.map((u) => u.offset)));
    if (cover.long.length) t.p.all = [...cover.long, ...cover.rest].sort((a, b) => a.offset - b.offset);
  }
}

/** The covering bigrams' keys of the long gram at `at`. */
function coveringKeys(cps, at) {
  const out = [];
  for (let k = 0; k < LONG; k += 2) out.push(gramKey(cps[at + k], cps[at + k + 1]));
  return out;
}
