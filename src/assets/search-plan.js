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

/** Evenly spread grams of a long term, always its first and last. */
export function sampled(grams, sample) {
  if (grams.length <= MOST_GRAMS) return grams;
  return Array.from({ length: sample }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (sample - 1))]);
}

/**
 * The terms' plans, longest first (they narrow the most for the fewest grams): [{ term, all, sample }]
 * with all its covering grams and those it is narrowed by first, and how many grams sample each long term.
 */
export function planTerms(terms) {
  const plans = terms
    .map((term) => ({ term, all: gramsOfTerm(term) }))
    .sort((a, b) => b.all.length - a.all.length || (a.term < b.term ? -1 : 1));
  const long = plans.filter((p) => p.all.length > MOST_GRAMS).length;
  const sample = Math.max(3, Math.min(5, Math.floor(SAMPLED / Math.max(1, long))));
  for (const p of plans) p.sample = sampled(p.all, sample);
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
/** Requests the candidates' text may cost right after the first batch (records + about a text file a page). */
const TEXT_BUDGET = 40;

/**
 * True when reading the candidates' text (a record file per 64 pages, about two text files a page:
 * held-out 3k) costs fewer requests than the grams of the terms left `rest` (every covering gram not
 * fetched: a term's proof needs them all, or its text) — and, while a batch after the first still
 * halved the pages (`narrowing`; the first, from every page, says nothing of the next), no more than
 * twice the next batch's grams, which may leave far fewer pages to read. A pasted table of 45 terms on
 * 39 pages fetched 125 buckets (held-out 3k).
 */
export function textIsCheaper(index, candidates, { left, narrowing, first, next }, rest, grams) {
  if (left > MOST_READ) return false;
  const chunks = new Set();
  for (let id = 0; id < candidates.length; id++) if (candidates[id]) chunks.add(Math.floor(id / index.manifest.chunk));
  const unfetched = (plans, gramsOf) => unfetchedBuckets(index, plans, grams, gramsOf);
  const text = chunks.size + 2 * left;
  const proofs = rest.filter((p) => p.all.length > 1).length;
  if (text >= unfetched(rest, (p) => p.all) + proofs) return false;
  // Right after the first batch, text that alone would cost more than a query's few dozen requests (its
  // records and about a text file a page) waits for the next batch, which often leaves few pages: a
  // 400-character paste left on 51 pages by its two longest terms read 30 records and 47 text files
  // (held-out 3k), where its next two terms leave one page.
  if (first && chunks.size + left > TEXT_BUDGET) return false;
  return !narrowing || text <= 2 * unfetched(next, (p) => p.sample);
}

/** The buckets of the plans' grams (`gramsOf`, default every covering gram) not fetched yet. */
export function unfetchedBuckets(index, plans, grams, gramsOf = (p) => p.all) {
  const buckets = new Set();
  for (const p of plans) for (const u of gramsOf(p)) if (!grams.has(u.key)) buckets.add(bucketFile(u.key, index.manifest));
  return buckets.size;
}

/** Grams not in index.json `wide` (on fewer pages) first, each group in the term's order. */
export function rarerFirst(index, list) {
  return [...list.filter((u) => !index.isWide(u.key)), ...list.filter((u) => index.isWide(u.key))];
}
