/**
 * How far a kept long gram's occurrences agree (docs/search.md, "Eighteenth round"): the code points
 * every occurrence of it in the shard has right before it and right after it, at most REACH each way
 * (src/assets/search-long.js). A phrase repeated on hundreds of pages is then proved by one long gram
 * whose reach covers it: every listed occurrence has that text around it, so the Worker compares the
 * term with it instead of fetching a gram for each stretch of it. Plain JavaScript (the index step's
 * workers run it).
 */
import { LONG, REACH } from "../assets/search-long.js";

/**
 * For each long gram k of `longs` (occurrences start[k] … start[k + 1] − 1 of `doc` and `pos`, a position
 * relative to its page), what every occurrence has before it (nearest first) and after it, as varints'
 * values: [count before, …before, count after, …after]. `stream`: the shard's (gram-stream.mjs).
 */
export function reachesOf({ ids, docEnd, chars }, { start, doc, pos }) {
  const out = [];
  const first = (d) => (d === 0 ? 0 : docEnd[d - 1]);
  for (let k = 0; k + 1 < start.length; k++) {
    const ref = start[k];
    const r = first(doc[ref]) + pos[ref];
    const [rLo, rHi] = [first(doc[ref]), docEnd[doc[ref]]];
    let left = REACH;
    let right = REACH;
    for (let o = start[k]; o < start[k + 1] && (left || right); o++) {
      const a = first(doc[o]) + pos[o];
      const [lo, hi] = [first(doc[o]), docEnd[doc[o]]];
      let e = 0;
      // A BREAK (−1) or a page's end stops it, on either side.
      while (
        e < left &&
        a - 1 - e >= lo &&
        r - 1 - e >= rLo &&
        ids[a - 1 - e] >= 0 &&
        ids[a - 1 - e] === ids[r - 1 - e]
      )
        e++;
      left = e;
      e = 0;
      while (
        e < right &&
        a + LONG + e < hi &&
        r + LONG + e < rHi &&
        ids[a + LONG + e] >= 0 &&
        ids[a + LONG + e] === ids[r + LONG + e]
      )
        e++;
      right = e;
    }
    const values = [left];
    for (let e = 0; e < left; e++) values.push(chars[ids[r - 1 - e]]);
    values.push(right);
    for (let e = 0; e < right; e++) values.push(chars[ids[r + LONG + e]]);
    out.push(values);
  }
  return out;
}
