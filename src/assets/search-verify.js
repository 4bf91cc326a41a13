/**
 * Which candidate pages hold one longer term (search-match.js): its covering bigrams at the right
 * distances, rarest first, a few at a time, and the pages' text once that costs fewer requests.
 * Moved out of search-match.js (one concern, under 250 lines).
 */
import { startsOn } from "./search-index.js";
import { codePoints, tierOfPosition } from "./search-stream.js";
import { holdsAt } from "./search-text-check.js";
import { MOST_GRAMS, rarerFirst } from "./search-plan.js";
import { useLongGrams } from "./search-long-plan.js";
import { lackingFirst } from "./search-probe.js";

/** Most pages checked against their text per term; beyond, positions narrow them further. */
export const MOST_CHECKED = 24;
/** When this few pages are left, the remaining terms are looked for in their text. */
export const TEXT_PAGES = 6;
/** Requests a term's text proof may cost before its long grams are tried first. */
const LONG_TEXT = 16;
export const idsOf = (candidates) => candidates.reduce((out, v, id) => (v ? (out.push(id), out) : out), []);

/** The starts (ascending) at which the gram of `table` sits `offset` further on page `id`. */
function keptStarts(starts, table, id, offset) {
  let p = table.at[id];
  if (p < 0) return [];
  const end = p + table.n[id];
  const out = [];
  for (const start of starts) {
    while (p < end && table.data[p] < start + offset) p++;
    if (p < end && table.data[p] === start + offset) out.push(start);
  }
  return out;
}

/**
 * The pages among `candidates` holding the term, with the tier of its first occurrence: Map id →
 * { tier, first }. Its covering bigrams' positions, rarest first: the two rarest give where the term
 * may start, and each further bigram is fetched only for the pages still left (a common bigram's
 * positions are several files, one per few shards, so pages left in few shards cost few files).
 * A long term uses its sample first and fetches its other bigrams only when the sample leaves many
 * pages. Once checking the pages left against their text costs fewer requests than the bigrams still
 * to fetch, the text decides (the text those results show anyway, when they are few).
 */
export async function verify(index, { term, all, sample }, grams, candidates, partial = false) {
  const cps = codePoints(term);
  const rarest = (list) => [...list].sort((a, b) => grams.get(a.key).df - grams.get(b.key).df || a.offset - b.offset);
  let pending = rarest(sample);
  let unfetched = all.filter((u) => !pending.includes(u));
  const alive = candidates.slice();
  let starts = new Map();
  let used = pending.splice(0, 2);
  /** The grams (key @ offset) whose positions have narrowed the starts. */
  const applied = new Set(used.map((u) => `${u.key}@${u.offset}`));
  let longTried = false;
  let probedTerm = false;
  /** True once unfetched is in the order one page's text gave (lacked bigrams first). */
  let lacked = false;
  const first = await Promise.all(used.map((u) => index.positionsOn(grams.get(u.key), alive)));
  const offsets = used.map((u) => u.offset);
  for (const id of idsOf(alive)) {
    const s = startsOn(id, offsets, first);
    if (s.length) starts.set(id, s);
  }
  let proved = !pending.length && !unfetched.length;
  // Bigrams proved together while many pages are left: two, then four, then eight — a term whose
  // rarest two leave many pages often has a next two that leave few (a 发文字号 of eight common
  // bigrams, county 50k: 159 pages, then 2), and each further common bigram's positions are 50–220 KB
  // (all six at once: 1,106 KB); a term whose pages stay many is proved in a few round trips, not one
  // per bigram. Positions already fetched cost nothing either way.
  let step = 2;
  let fetchStep = 2;
  while (!proved && starts.size) {
    // Requests either way: a page's record and text piece, against a bigram's entry and its
    // positions (those of a fetched one only).
    const byText = 2 * starts.size;
    const byPositions = pending.length + 3 * unfetched.length;
    // A long term on a dozen or two pages whose text would cost more than its long grams: those first.
    const longFirst = !partial && !longTried && byText > LONG_TEXT && unfetched.length > MOST_GRAMS;
    if (starts.size <= TEXT_PAGES || (starts.size <= MOST_CHECKED && byText <= byPositions && !longFirst)) break;
    // Many pages left: the next `step` bigrams at once (above), a passage's many others only once its
    // sample is used; else the next alone while it may narrow the pages to few.
    const many = starts.size > MOST_CHECKED * 4;
    if (partial && !pending.length) break;
    if (!pending.length || (many && unfetched.length <= MOST_GRAMS)) {
      // A long phrase its sample leaves on many pages: its long grams, where the index keeps them, and
      // the bigrams they leave, instead of every covering bigram (search-long-plan.js). Also on a few
      // dozen: a phrase of a template on hundreds of pages, the candidates its other terms left (a
      // 158-character line on 25 pages fetched 73 bigrams, held-out 3k), whose long grams the index keeps.
      if ((starts.size > MOST_CHECKED || longFirst) && !longTried && unfetched.length > MOST_GRAMS) {
        longTried = true;
        const plan = { term, all };
        await useLongGrams(index, [plan], grams);
        const left = plan.all.filter((u) => !applied.has(`${u.key}@${u.offset}`));
        pending = rarest(left.filter((u) => grams.has(u.key)));
        unfetched = left.filter((u) => !grams.has(u.key));
        continue;
      }
      // The rarer-looking first (not in index.json `wide`), a few at a time while many are left: a pasted
      // passage's rare bigrams leave it on few pages, whose text then decides (held-out 3k: a 135-bigram
      // passage on one page fetched all its 130 other bigrams, 143 requests).
      // Proved on dozens of pages: first the bigrams one of them lacks (search-probe.js), not the term's order.
      if (!probedTerm && !partial && !many && starts.size > MOST_CHECKED && unfetched.length > MOST_GRAMS) {
        probedTerm = true;
        const order = await lackingFirst(index, starts, cps, unfetched);
        if (order) {
          unfetched = order;
          lacked = true;
        }
      }
      const next = unfetched.length <= MOST_GRAMS ? unfetched : (lacked ? unfetched : rarerFirst(index, unfetched)).slice(0, (fetchStep *= 2));
      await Promise.all(next.map(async (u) => grams.set(u.key, await index.gram(u.key, { positions: true }))));
      pending = rarest([...pending, ...next]);
      unfetched = unfetched.filter((u) => !next.includes(u));
    }
    alive.fill(0);
    for (const id of starts.keys()) alive[id] = 1;
    // Thousands left: the rest will not leave few (a common phrase on 42,000 pages), so all at once.
    if (starts.size > MOST_CHECKED * 40) step = pending.length;
    used = many ? pending.splice(0, step) : pending.splice(0, pending.length <= 2 ? 2 : 1);
    for (const u of used) applied.add(`${u.key}@${u.offset}`);
    if (many) step *= 2;
    const tables = await Promise.all(used.map((u) => index.positionsOn(grams.get(u.key), alive)));
    const next = new Map();
    for (const [id, s] of starts) {
      let kept = s;
      used.forEach((u, k) => (kept = kept.length ? keptStarts(kept, tables[k], id, u.offset) : kept));
      if (kept.length) next.set(id, kept);
    }
    starts = next;
    proved = !pending.length && !unfetched.length;
  }
  if (!proved && !partial)
    starts = new Map(
      await Promise.all(
        [...starts].map(async ([id, s]) => {
          for (const start of s) if (await holdsAt(index, id, start, cps)) return [id, [start]];
          return [id, []];
        }),
      ),
    );
  const found = new Map();
  for (const [id, s] of starts) if (s.length) found.set(id, { tier: tierOfPosition(s[0]), first: s[0] });
  return found;
}
