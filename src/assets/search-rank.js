/**
 * Combining and ordering the results of a search (search.js), kept apart from the page so tests
 * can run it in Node. Plain JavaScript, served as it is.
 *
 * Relevance, in order:
 *   1. pages with every term in the title;
 *   2. pages with every term near the top (title, metadata, lead: the first LEAD_SPAN positions
 *      after the title), which for a few terms also means close together;
 *   3. the rest;
 * and within each group the newest first. Pagefind's exact-phrase search reports only where a
 * phrase first occurs in a page (positions in its token stream, where the title fills the first
 * TITLE_SPAN), not how often, so position is the signal available without fetching every page.
 */
import { TITLE_SPAN } from "./search-query.js";

/** Positions after the title that count as "near the top": about the header and first paragraph. */
export const LEAD_SPAN = 240;

/**
 * Intersects the per-term result lists of one shard (each Pagefind's answer for one phrase,
 * date-sorted newest first, so `score` is the page's date rank in the shard). Returns the pages
 * holding every term, each with its first position per term.
 */
export function intersectTerms(perTerm) {
  if (!perTerm.length) return [];
  const [first, ...others] = perTerm;
  const maps = others.map((results) => new Map(results.map((r) => [r.id, r])));
  const out = [];
  for (const r of first) {
    const positions = [r.words?.[0] ?? Infinity];
    let all = true;
    for (const map of maps) {
      const other = map.get(r.id);
      if (!other) {
        all = false;
        break;
      }
      positions.push(other.words?.[0] ?? Infinity);
    }
    if (all) out.push({ raw: r, dateRank: r.score, positions });
  }
  return out;
}

/** 0: every term in the title; 1: every term near the top; 2: elsewhere. */
export function tierOf(positions) {
  if (positions.every((p) => p < TITLE_SPAN)) return 0;
  if (positions.every((p) => p < TITLE_SPAN + LEAD_SPAN)) return 1;
  return 2;
}

/**
 * Orders the results of every shard. Shard 0 holds the newest pages and each shard's date rank
 * grows with the date, so (shard, date rank) is the date order across shards.
 * `order`: "relevance", "desc" (newest first) or "asc".
 */
export function orderResults(results, order) {
  const newest = (a, b) => a.shard - b.shard || b.dateRank - a.dateRank;
  const sorted = [...results];
  if (order === "asc") sorted.sort((a, b) => -newest(a, b));
  else if (order === "desc") sorted.sort(newest);
  else sorted.sort((a, b) => tierOf(a.positions) - tierOf(b.positions) || newest(a, b));
  return sorted;
}
