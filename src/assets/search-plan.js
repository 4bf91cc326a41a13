/**
 * Which grams a query asks for first (search-match.js fetches them in batches). Shared with the
 * search page (search.js), which fetches the first batch's buckets itself while the Worker is still
 * starting: at 50k pages the Worker's start (its thread, script and module) is a round trip's worth
 * of time that the first bucket requests need not wait for.
 */
import { gramsOfTerm } from "./search-stream.js";

/**
 * A term with more covering bigrams than this is narrowed by a sample of them, then checked
 * against its text; the samples of all such terms of a query share SAMPLED grams (3 to 5 a term).
 */
export const MOST_GRAMS = 8;
const SAMPLED = 12;
/** Grams fetched together (one batch of terms). */
export const BATCH_GRAMS = 6;

/** Evenly spread grams of a long term, always its first and last. */
export function sampled(grams, sample) {
  if (grams.length <= MOST_GRAMS) return grams;
  return Array.from({ length: sample }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (sample - 1))]);
}

/**
 * The terms' plans, longest first (they narrow the most for the fewest grams): [{ term, all }] with
 * all its covering grams, and how many grams sample each long term.
 */
export function planTerms(terms) {
  const plans = terms
    .map((term) => ({ term, all: gramsOfTerm(term) }))
    .sort((a, b) => b.all.length - a.all.length || (a.term < b.term ? -1 : 1));
  const long = plans.filter((p) => p.all.length > MOST_GRAMS).length;
  const sample = Math.max(3, Math.min(5, Math.floor(SAMPLED / Math.max(1, long))));
  return { plans, sample };
}

/** The end (exclusive) of the batch of terms starting at plans[k]: about BATCH_GRAMS grams, at least one term. */
export function batchEnd(plans, k, sample) {
  let end = k;
  for (let budget = 0; end < plans.length && (end === k || budget < BATCH_GRAMS); end++)
    budget += sampled(plans[end].all, sample).length;
  return end;
}

/** The gram keys of a query's first batch: what its search fetches before anything else. */
export function firstGrams(terms) {
  const { plans, sample } = planTerms(terms);
  const batch = plans.slice(0, batchEnd(plans, 0, sample));
  return [...new Set(batch.flatMap((p) => sampled(p.all, sample).map((u) => u.key)))];
}
