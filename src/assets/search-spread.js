/**
 * A pasted passage of many terms narrowed by its terms together before any one of them is proved
 * (search-match.js): a template's lines each sit on hundreds of pages, and only their combination picks
 * the few pages pasted from. Longest first, each term's whole sample cost a bucket a bigram for a page
 * list no narrower than the term's (held-out 3k: 5–7 buckets a term, 30–50 before a pasted window's
 * few pages were left). One rarer-looking bigram from each of several terms, spread over the query and
 * fetched at once, leaves about the pages holding all those lines; the terms are proved as before, on
 * those pages, each gram fetched here counting for its term.
 */
import { codePoints } from "./search-stream.js";

/** Terms of at least two code points a query needs for its terms to be narrowed together. */
const SPREAD_TERMS = 6;
/** Bigrams fetched at most (one a term). */
const SPREAD_GRAMS = 8;

/**
 * The terms no other term of the query holds: a page holding a term holds every part of it, and that
 * part's first occurrence is no further on (its tier no higher), so it tells nothing more. A pasted
 * window repeats its lines' pieces (a line cut at the window's end, the row numbers 1, 2, 3 of a table
 * beside its dates); each cost a bucket.
 */
export function impliedDropped(terms) {
  return terms.filter((t) => !terms.some((o) => o.length > t.length && o.includes(t)));
}

/**
 * For a query of SPREAD_TERMS terms or more (of two code points or more): one of each term's sampled
 * bigrams not in index.json `wide` (on fewer pages; the middle one), from SPREAD_GRAMS terms at most
 * spread over the plans, fetched at once; `candidates` keeps the pages listed under all of them. Only
 * sampled bigrams, so each is one its term's proof fetches anyway. Returns true when it fetched any.
 */
export async function narrowAcross(index, plans, grams, candidates) {
  const eligible = plans.filter((p) => codePoints(p.term).length >= 2);
  if (eligible.length < SPREAD_TERMS) return false;
  const picks = [];
  for (const p of eligible) {
    const rarer = p.sample.filter((u) => !index.isWide(u.key));
    if (rarer.length) picks.push(rarer[rarer.length >> 1]);
  }
  const chosen =
    picks.length <= SPREAD_GRAMS
      ? picks
      : Array.from({ length: SPREAD_GRAMS }, (_, i) => picks[Math.round((i * (picks.length - 1)) / (SPREAD_GRAMS - 1))]);
  const keys = [...new Set(chosen.map((u) => u.key))].filter((key) => !grams.has(key));
  if (!keys.length) return false;
  await Promise.all(keys.map(async (key) => grams.set(key, await index.gram(key))));
  for (const key of keys) {
    const list = index.listOf(grams.get(key));
    for (let id = 0; id < candidates.length; id++) if (!list[id]) candidates[id] = 0;
  }
  return true;
}
