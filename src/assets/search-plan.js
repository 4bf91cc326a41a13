/**
 * Which grams a query asks for first (search-match.js fetches them in batches). Shared with the
 * search page (search.js), which fetches the first batch's buckets itself while the Worker is still
 * starting: at 50k pages the Worker's start (its thread, script and module) is a round trip's worth
 * of time that the first bucket requests need not wait for.
 */
import { bucketFile, gramsOfTerm } from "./search-stream.js";

/**
 * A term with more covering bigrams than this is narrowed by a sample of them, then checked
 * against its text; the samples of all such terms of a query share SAMPLED grams (3 to 5 a term).
 */
export const MOST_GRAMS = 8;
const SAMPLED = 12;
/** Grams fetched together (one batch of terms). */
export const BATCH_GRAMS = 6;

/**
 * Grams of a long term to narrow its pages first: evenly spread, always its first and last — or, given
 * `isWide` (index.json `wide`: the grams whose positions outgrew their bucket, on many pages), evenly
 * spread over its rarer grams first: a pasted passage's sample of common bigrams (its city's name, 工作日)
 * left it on hundreds of pages, and every other covering bigram was fetched.
 */
export function sampled(grams, sample, isWide) {
  if (grams.length <= MOST_GRAMS) return grams;
  const spread = (list, n) => Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / Math.max(1, n - 1))]);
  const rare = isWide ? grams.filter((u) => !isWide(u.key)) : [];
  if (!rare.length) return spread(grams, sample);
  if (rare.length >= sample) return spread(rare, sample);
  const common = grams.filter((u) => isWide(u.key));
  return [...rare, ...spread(common, sample - rare.length)].sort((a, b) => a.offset - b.offset);
}

/**
 * The terms' plans, longest first (they narrow the most for the fewest grams): [{ term, all, sample }]
 * with all its covering grams and those it is narrowed by first, and how many grams sample each long term.
 */
export function planTerms(terms, isWide) {
  const plans = terms
    .map((term) => ({ term, all: gramsOfTerm(term) }))
    .sort((a, b) => b.all.length - a.all.length || (a.term < b.term ? -1 : 1));
  const long = plans.filter((p) => p.all.length > MOST_GRAMS).length;
  const sample = Math.max(3, Math.min(5, Math.floor(SAMPLED / Math.max(1, long))));
  for (const p of plans) p.sample = sampled(p.all, sample, isWide);
  return { plans, sample };
}

/** The end (exclusive) of the batch of terms starting at plans[k]: about BATCH_GRAMS grams, at least one term. */
export function batchEnd(plans, k, sample) {
  let end = k;
  for (let budget = 0; end < plans.length && (end === k || budget < BATCH_GRAMS); end++)
    budget += (plans[end].sample ?? sampled(plans[end].all, sample)).length;
  return end;
}

/** The gram keys of a query's first batch: what its search fetches before anything else. */
export function firstGrams(terms) {
  const { plans, sample } = planTerms(terms);
  const batch = plans.slice(0, batchEnd(plans, 0, sample));
  return [...new Set(batch.flatMap((p) => p.sample.map((u) => u.key)))];
}

/** Most pages whose text may be read for the terms left, instead of fetching those terms' grams. */
const MOST_READ = 64;

/**
 * True when reading the candidates' text (a record file per 64 pages, about two text files a page:
 * held-out 3k) costs fewer requests than the grams of the terms left (a bucket each, and a longer
 * term's proof at least one more): a pasted table of 45 terms on 39 pages fetched 125 buckets.
 */
export function textIsCheaper(index, candidates, left, rest, grams) {
  if (left > MOST_READ) return false;
  const chunks = new Set();
  for (let id = 0; id < candidates.length; id++) if (candidates[id]) chunks.add(Math.floor(id / index.manifest.chunk));
  const buckets = new Set();
  for (const p of rest) for (const u of p.sample) if (!grams.has(u.key)) buckets.add(bucketFile(u.key, index.manifest));
  const proofs = rest.filter((p) => p.all.length > 1).length;
  return chunks.size + 2 * left < buckets.size + proofs;
}

/** Grams not in index.json `wide` (on fewer pages) first, each group in the term's order. */
export function rarerFirst(index, list) {
  return [...list.filter((u) => !index.isWide(u.key)), ...list.filter((u) => index.isWide(u.key))];
}
