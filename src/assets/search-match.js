/**
 * Which pages of one site's index (search-site-index.js) hold every term of a query: a term of
 * one or two characters is one gram's page list; a longer one is the pages where its covering
 * bigrams sit at the right distances (their positions), so every result holds the term exactly.
 * A pasted passage is narrowed by a few of its bigrams and checked against the text.
 */
import { startsOn } from "./search-index.js";
import { codePoints, tierOfPosition } from "./search-stream.js";
import { checkOnText, holdsAt } from "./search-text-check.js";
import { BATCH_GRAMS, MOST_GRAMS, batchEnd, planTerms, rarerFirst, textIsCheaper } from "./search-plan.js";
import { fetchBatch } from "./search-gram-fetch.js";
import { useLongGrams } from "./search-long-plan.js";
import { passageAcross, settleTiers } from "./search-long-terms.js";
import { firstOfPairs } from "./search-first-pairs.js";

/** Most pages checked against their text per term; beyond, positions narrow them further. */
const MOST_CHECKED = 24;
/** When this few pages are left, the remaining terms are looked for in their text. */
const TEXT_PAGES = 6;

const idsOf = (candidates) => candidates.reduce((out, v, id) => (v ? (out.push(id), out) : out), []);

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
async function verify(index, { term, all, sample }, grams, candidates, partial = false) {
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
    if (starts.size <= TEXT_PAGES || (starts.size <= MOST_CHECKED && byText <= byPositions)) break;
    // Many pages left: the next `step` bigrams at once (above), a passage's many others only once its
    // sample is used; else the next alone while it may narrow the pages to few.
    const many = starts.size > MOST_CHECKED * 4;
    if (partial && !pending.length) break;
    if (!pending.length || (many && unfetched.length <= MOST_GRAMS)) {
      // A long phrase its sample leaves on many pages: its long grams, where the index keeps them, and
      // the bigrams they leave, instead of every covering bigram (search-long-plan.js).
      if (many && !longTried && unfetched.length > MOST_GRAMS) {
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
      const next = unfetched.length <= MOST_GRAMS ? unfetched : rarerFirst(index, unfetched).slice(0, (fetchStep *= 2));
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

/** Drops the candidates a narrowing pass did not keep (`maybe`: the ids it may still match). */
function keepOnly(candidates, maybe) {
  for (let id = 0; id < candidates.length; id++) if (candidates[id] && !maybe.has(id)) candidates[id] = 0;
}

/**
 * Every page of the index holding all the terms and carrying the selected filter values:
 * { ids (ascending), tier (per page: 0 every term in the title, 1 near the top, 2 further
 * down), first (Map id → first match position, when known) }.
 */
export async function matchPages(index, terms, selected) {
  const { plans, sample } = planTerms(terms);
  const allPlans = plans.slice();
  /** Terms a pasted passage's long grams proved (search-long-terms.js), with their positions. */
  let across = new Map();
  const candidates = await index.candidatesFor(selected);
  const tier = new Uint8Array(index.pages);
  const first = new Map();
  const grams = new Map();
  let left = candidates.reduce((n, v) => n + v, 0);
  let before = left;
  let k = 0;
  /** Batches fetched so far. */
  let batches = 0;
  /** The longer terms fetched, to prove once the pages are narrowed. */
  const proving = [];
  /** Every longer term fetched, in plan order (a page's first match is the first of them proved). */
  const fetchedLonger = [];
  /** The longer terms fetched that the pages' text decides (with the terms not fetched). */
  let unproved = [];
  // The terms in batches of about BATCH_GRAMS grams, fetched together; once few pages are left,
  // the rest of the terms are looked for in those pages' text instead of fetching their grams.
  while (k < plans.length && left > TEXT_PAGES) {
    // The terms left, the longer ones fetched included, on the pages' text when that costs fewer requests.
    // While a batch still halves the pages, another (a few buckets) may leave far fewer pages to read.
    const next = plans.slice(k, batchEnd(plans, k, sample));
    const plan = { left, narrowing: before < index.pages && left * 2 <= before, first: batches === 1, next };
    if (k && textIsCheaper(index, candidates, plan, [...proving, ...plans.slice(k)], grams)) {
      unproved = proving.splice(0);
      break;
    }
    const batch = next;
    k += next.length;
    batches++;
    before = left;
    // The next batch's buckets (small files) are fetched meanwhile, after everything this batch
    // asks for: if few pages are left after this batch they are not needed, at most BATCH_GRAMS.
    // Not a common gram of a longer term: that may be fetched by its positions instead. Not after a
    // pasted passage: its sample and text leave one page or a few (county 50k: 5 buckets, 39 KB unused).
    const passage = batch.some((p) => p.all.length > MOST_GRAMS);
    for (let j = k, budget = 0; !passage && j < plans.length && budget < BATCH_GRAMS; j++)
      for (const u of plans[j].sample)
        if (!(plans[j].all.length > 1 && index.isWide(u.key)) && !grams.has(u.key) && budget++ < BATCH_GRAMS)
          index.prefetchGram(u.key);
    await fetchBatch(index, batch, sample, grams, candidates);
    for (const p of batch) {
      for (const u of p.sample) {
        const list = index.listOf(grams.get(u.key));
        for (let id = 0; id < candidates.length; id++) {
          if (!list[id]) candidates[id] = 0;
          else if (p.all.length === 1) tier[id] = Math.max(tier[id], list[id] - 1);
        }
      }
    }
    const longer = batch.filter((q) => q.all.length > 1);
    // Longer terms are narrowed by their samples' positions first, side by side, and proved only once no
    // batch is left to narrow the pages further: a passage its own bigrams left on 65 pages was proved
    // there bigram by bigram (held-out 3k: 138 requests) when the next term's leave it on one.
    proving.push(...longer);
    fetchedLonger.push(...longer);
    // Passages one after the other: once few pages are left, a passage whose rarest sampled bigrams keep
    // their positions in files of their own is left for the proof (or the text) on those few pages (50k: a
    // 200-character passage's second term fetched five positions files of 115–222 KB for its one page).
    if (k < plans.length || proving.length > 1) {
      if (longer.every((p) => p.all.length > MOST_GRAMS))
        for (const p of longer) {
          const two = [...p.sample].sort((a, b) => grams.get(a.key).df - grams.get(b.key).df).slice(0, 2);
          if (idsOf(candidates).length <= TEXT_PAGES && two.some((u) => index.isWide(u.key))) continue;
          keepOnly(candidates, await verify(index, p, grams, candidates, true));
        }
      else
        for (const maybe of await Promise.all(longer.map((p) => verify(index, p, grams, candidates, true))))
          keepOnly(candidates, maybe);
    }
    left = candidates.reduce((n, v) => n + v, 0);
    // A pasted passage its first batch left on many pages: its terms proved together where they can be.
    if (batches === 1) across = await passageAcross(index, terms, { allPlans, proving, plans, k }, grams, candidates);
  }
  const founds = new Map();
  for (const p of proving) {
    const found = await verify(index, p, grams, candidates);
    founds.set(p, found);
    for (let id = 0; id < candidates.length; id++) {
      if (!candidates[id]) continue;
      const f = found.get(id);
      if (!f) candidates[id] = 0;
      else tier[id] = Math.max(tier[id], f.tier);
    }
  }
  // Each page's first match: the first proved term's in plan order, as when each was proved in turn.
  for (const p of fetchedLonger) {
    const at = across.get(p) ?? new Map([...(founds.get(p) ?? [])].map(([id, f]) => [id, f.first]));
    for (const [id, f] of at) if (candidates[id] && !first.has(id)) first.set(id, f);
  }
  left = candidates.reduce((n, v) => n + v, 0);
  if ((unproved.length || k < plans.length) && left > 0) {
    // In plan order: a page's first match is the first term's, as when each is proved in turn.
    const rest = [...unproved, ...plans.slice(k)].map((p) => codePoints(p.term));
    await checkOnText(index, idsOf(candidates), rest, { candidates, tier, first });
  }
  if (across.size) await settleTiers(index, across, grams, { candidates, tier, first });
  const ids = idsOf(candidates);
  await firstOfPairs(index, allPlans, grams, candidates, ids, first);
  // Every term in the title: its excerpt is the text's opening, kept in its record (search-site-index.js).
  for (const id of ids) if (tier[id] === 0 && !first.has(id)) first.set(id, 0);
  return { ids, tier, first };
}
