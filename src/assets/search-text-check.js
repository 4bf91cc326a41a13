/**
 * Terms looked for in a page's text (its record and text pieces, search-site-index.js) instead of by
 * their grams (search-match.js): a long term's start on the few pages left, or every term left once
 * few pages are (or reading them costs fewer requests than those terms' grams, search-plan.js
 * `textIsCheaper`). The tier and first match come from the first occurrence, as a gram's would.
 */
import { codePoints, titleStream, tierOfPosition } from "./search-stream.js";
import { foldText } from "./search-query.js";
import { plainMeta } from "./search-result.js";

/**
 * The page's stream from `start` on, as far as the text pieces that hold its next `length` code points
 * go (a start in the title: the title's part of the stream).
 */
export async function streamAt(index, id, start, length) {
  const record = await index.record(id);
  let stream;
  let from;
  if (start < titleStream("").length) {
    stream = titleStream(plainMeta(record.meta).title);
    from = 0;
  } else {
    let i = record.p.findLastIndex((p) => p[2] <= start);
    if (i < 0) return [];
    from = record.p[i][2];
    stream = [];
    while (i < record.p.length && from + stream.length < start + length)
      stream.push(...codePoints(foldText(await index.piece(record, i++))));
  }
  return stream.slice(start - from);
}

/** True when the page's stream holds the term's code points from `start` (checked on its text). */
export async function holdsAt(index, id, start, cps) {
  const stream = await streamAt(index, id, start, cps.length);
  return cps.every((cp, k) => stream[k] === cp);
}

/** Where the code points first occur in the stream, or −1. */
export function indexIn(stream, cps) {
  outer: for (let at = 0; at + cps.length <= stream.length; at++) {
    for (let k = 0; k < cps.length; k++) if (stream[at + k] !== cps[k]) continue outer;
    return at;
  }
  return -1;
}

/**
 * Keeps among `ids` the pages whose text holds every term of `rest` (code points, in plan order),
 * raising each page's `tier` to its terms' and setting its `first` match when not set.
 */
export async function checkOnText(index, ids, rest, { candidates, tier, first }) {
  await Promise.all(
    ids.map(async (id) => {
      const stream = await index.streamOf(id);
      for (const cps of rest) {
        const at = indexIn(stream, cps);
        if (at < 0) {
          candidates[id] = 0;
          return;
        }
        tier[id] = Math.max(tier[id], tierOfPosition(at));
        if (!first.has(id)) first.set(id, at);
      }
    }),
  );
}
