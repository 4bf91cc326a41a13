/**
 * One candidate page's text read to learn which of a query's terms left tell the candidates apart
 * (search-match.js): a pasted form or guide left on dozens of template pages by its first terms holds,
 * on each of them, every template line, and the few terms that pick its own page (an item number, a
 * date and time) are short, their bigrams common, so neither their page lists nor their place in the
 * plan (longest first) show them. A term missing from one candidate is not on every candidate, so
 * those terms are fetched next: held-out 3k, a 407-character paste left on 39 guides read their 30
 * records and 39 text files, where its 9-character item number leaves one page.
 */
import { codePoints } from "./search-stream.js";
import { indexIn, streamAt } from "./search-text-check.js";

/**
 * Moves the terms of plans[k…] the text of one candidate (the middle one) does not hold to the front
 * of plans[k…], in their plan order; the others keep theirs after them. Returns how many moved.
 */
export async function probeOne(index, candidates, plans, k) {
  const ids = [];
  for (let id = 0; id < candidates.length; id++) if (candidates[id]) ids.push(id);
  if (!ids.length) return 0;
  const stream = await index.streamOf(ids[ids.length >> 1]);
  const rest = plans.slice(k);
  const absent = rest.filter((p) => indexIn(stream, codePoints(p.term)) < 0);
  plans.splice(k, Infinity, ...absent, ...rest.filter((p) => !absent.includes(p)));
  return absent.length;
}

/** Requests reading every candidate's text costs about: its record files (one a chunk) and a text file a page. */
export function textCost(index, candidates) {
  const chunks = new Set();
  let pages = 0;
  for (let id = 0; id < candidates.length; id++) {
    if (!candidates[id]) continue;
    pages++;
    chunks.add(Math.floor(id / index.manifest.chunk));
  }
  return chunks.size + pages;
}

/**
 * A long term left on many pages by its bigrams so far (search-match.js verify): one of those pages'
 * text at the term's start there tells which of its bigrams not fetched yet that page lacks; those are
 * the ones worth fetching first (a guide's 135-character line on 65 guides fetched 60 buckets in its
 * order before one left a single page). `starts`: Map id → the term's possible starts. Returns
 * `unfetched` with the bigrams the page lacks first, or null when it lacks none (it holds the term).
 */
export async function lackingFirst(index, starts, cps, unfetched) {
  const ids = [...starts.keys()];
  const id = ids[ids.length >> 1];
  const stream = await streamAt(index, id, starts.get(id)[0], cps.length);
  const lacks = (u) => stream[u.offset] !== cps[u.offset] || stream[u.offset + 1] !== cps[u.offset + 1];
  const lacking = unfetched.filter(lacks);
  return lacking.length ? [...lacking, ...unfetched.filter((u) => !lacking.includes(u))] : null;
}
