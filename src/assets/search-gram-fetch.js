/**
 * How the grams of a batch of terms are fetched (search-match.js): by their bucket, or a common
 * gram of a longer term by its first positions file (search-site-index.js `gram`).
 */
import { MOST_GRAMS } from "./search-plan.js";

/**
 * Fewer pages than this holding a longer term's other grams: its common grams' positions may not be
 * needed (search-match.js proves the pages left by text once they are few: 4 × its MOST_CHECKED).
 */
const MANY = 96;
/**
 * A term of more common grams than this fetches their buckets first, however common: its page lists
 * say which shards its candidates lie in and which two grams are rarest, and only those two grams'
 * positions there are fetched before the pages left are few (search-match.js). Its grams' first
 * positions files, fetched directly, were each the first shards' positions whole: a 发文字号 of eight
 * common grams on 2 pages fetched 1,106 KB in 12 requests (county 50k), 302 KB in 17 this way. A shorter term (〔2023〕,
 * 4823号文: its grams on thousands of pages) needs most of its grams' positions anyway.
 */
const DIRECT_GRAMS = 5;

/**
 * Fetches the grams of a batch of terms. A longer term's common grams (index.json `wide`) are fetched
 * by their first positions file, which holds their part, without the bucket — one request, not two —
 * when their positions will be needed: when the term is short and every gram of it is common, or when
 * many of the `candidates` hold all its other grams (fetched first). Else (the rare grams, or the two
 * rarest positions, leave few pages; the text may decide) by their bucket, which is smaller.
 */
export async function fetchBatch(index, batch, sample, grams, candidates) {
  const get = (keys, positions) =>
    Promise.all(
      [...new Set(keys)]
        .filter((key) => !grams.has(key))
        .map(async (key) => grams.set(key, await index.gram(key, { positions }))),
    );
  const mixed = [];
  const now = [];
  const direct = [];
  for (const p of batch) {
    const keys = p.sample.map((u) => u.key);
    // A pasted passage is proved by its text once its sample leaves few pages: by bucket.
    const wide = p.all.length > 1 && p.all.length <= 2 * MOST_GRAMS ? keys.filter((key) => index.isWide(key)) : [];
    if (wide.length === keys.length && keys.length <= DIRECT_GRAMS) direct.push(...keys);
    else if (wide.length < keys.length && wide.length) mixed.push({ wide, rest: keys.filter((key) => !index.isWide(key)) });
    now.push(...keys.filter((key) => !direct.includes(key) && !mixed.some((m) => m.wide.includes(key))));
  }
  await Promise.all([get(now, false), get(direct, true)]);
  await Promise.all(mixed.map(({ wide, rest }) => get(wide, holding(index, rest, grams, candidates) > MANY)));
}


/** How many candidates hold every gram of `keys` (up to MANY + 1). */
function holding(index, keys, grams, candidates) {
  const lists = keys.map((key) => index.listOf(grams.get(key)));
  let n = 0;
  for (let id = 0; id < candidates.length && n <= MANY; id++) if (candidates[id] && lists.every((l) => l[id])) n++;
  return n;
}
