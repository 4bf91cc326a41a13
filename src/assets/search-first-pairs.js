/**
 * A result's first match when every term of the query is two characters whose bigram's positions came
 * with its page list (search-match.js): moved out of search-match.js to keep it one concern and short.
 */
import { codePoints } from "./search-stream.js";

/**
 * Terms of two characters whose bigrams' positions came with their page lists (rare grams, the
 * positions inline): where the first of them sits on each result, so its excerpt fetches the one
 * text piece holding it rather than looking through up to four.
 */
export async function firstOfPairs(index, plans, grams, candidates, ids, first) {
  const inline = (p) =>
    p.all.length === 1 && codePoints(p.term).length === 2 && grams.get(p.all[0].key)?.segments.every((s) => s.pos);
  if (!ids.length || !plans.every(inline)) return;
  const tables = await Promise.all(plans.map((p) => index.positionsOn(grams.get(p.all[0].key), candidates)));
  for (const id of ids) {
    if (first.has(id)) continue;
    const at = Math.min(...tables.map((t) => (t.at[id] < 0 ? Infinity : t.data[t.at[id]])));
    if (at < Infinity) first.set(id, at);
  }
}
