/**
 * Which pages of one site's index (search-site-index.js) hold every term of a query: a term of
 * one or two characters is one gram's page list; a longer one is the pages where its covering
 * bigrams sit at the right distances (their positions), so every result holds the term exactly.
 * A pasted passage is narrowed by a few of its bigrams and checked against the text.
 */
import { codePoints } from "./search-stream.js";
import { checkOnText } from "./search-text-check.js";
import { BATCH_GRAMS, MOST_GRAMS, batchEnd, planTerms, textIsCheaper } from "./search-plan.js";
import { fetchBatch } from "./search-gram-fetch.js";
import { TEXT_PAGES, idsOf, verify } from "./search-verify.js";
import { passageAcross, positionFiles, settleTiers } from "./search-long-terms.js";
import { firstOfPairs } from "./search-first-pairs.js";
import { probeOne, textCost } from "./search-probe.js";
import { impliedDropped, narrowAcross } from "./search-spread.js";

/**
 * At most PROBE_PAGES pages left and at least PROBE_TERMS terms not fetched, with every candidate's text
 * about to be read at over PROBE_READ requests, or costing over PROBE_COST: one candidate's text first.
 */
const PROBE_PAGES = 64;
const PROBE_TERMS = 3;
const PROBE_READ = 12;
const PROBE_COST = 45;
/** Terms of a query whose next batch's buckets are not fetched ahead. */
const MANY_TERMS = 8;
/** Positions files the first batch's longer terms would fetch before their passage's long grams are tried first. */
const EARLY_FILES = 4;
/** Requests a text read may cost before the passage's long grams are tried first. */
const ACROSS_TEXT = 30;


/** Drops the candidates a narrowing pass did not keep (`maybe`: the ids it may still match). */
function keepOnly(candidates, maybe) {
  for (let id = 0; id < candidates.length; id++) if (candidates[id] && !maybe.has(id)) candidates[id] = 0;
}

/**
 * Every page of the index holding all the terms and carrying the selected filter values:
 * { ids (ascending), tier (per page: 0 every term in the title, 1 near the top, 2 further
 * down), first (Map id → first match position, when known) }.
 */
export async function matchPages(index, terms, selected, typed = terms.join(" ")) {
  const { plans, sample } = planTerms(impliedDropped(terms));
  const allPlans = plans.slice();
  const grams = new Map();
  /** Terms a pasted passage's long grams proved (search-long-terms.js), with their positions. */
  const across = new Map();
  const candidates = await index.candidatesFor(selected);
  // Many terms: narrowed by all of them together first (search-spread.js); then what is left may be
  // read or probed before any batch, as after a first one.
  const spread = await narrowAcross(index, plans, grams, candidates);
  const tier = new Uint8Array(index.pages);
  const first = new Map();
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
  /** True once a candidate's text has been read to find the terms that tell the candidates apart. */
  let probed = false;
  let fetchAbsent = false;
  /** True once the passage's long grams were tried before a costly text read. */
  let acrossLate = false;
  /** The passage's long grams tried on the pages left (on more than `least`); how many terms they proved. */
  const tryPassage = async (least) => {
    const more = await passageAcross(index, { terms, passage: typed }, { allPlans, proving, plans, k }, grams, candidates, least);
    for (const [p, at] of more) across.set(p, at);
    return more.size;
  };
  // The terms in batches of about BATCH_GRAMS grams, fetched together; once few pages are left,
  // the rest of the terms are looked for in those pages' text instead of fetching their grams.
  while (k < plans.length && left > TEXT_PAGES) {
    // The terms left, the longer ones fetched included, on the pages' text when that costs fewer requests.
    // While a batch still halves the pages, another (a few buckets) may leave far fewer pages to read.
    const next = plans.slice(k, batchEnd(plans, k, sample));
    const after = k > 0 || spread;
    const plan = { left, narrowing: before < index.pages && left * 2 <= before, first: batches === 1 || (spread && !batches), next };
    const cheaper = after && textIsCheaper(index, candidates, plan, [...proving, ...plans.slice(k)], grams);
    // One candidate's text first, when every candidate's would be read or costs over a query's few dozen
    // requests: the terms it lacks are fetched next (search-probe.js), once.
    if (after && !probed && left <= PROBE_PAGES && plans.length - k >= PROBE_TERMS) {
      const cost = textCost(index, candidates);
      if ((cheaper && cost > PROBE_READ) || cost > PROBE_COST) {
        probed = true;
        if (await probeOne(index, candidates, plans, k)) {
          fetchAbsent = true;
          continue;
        }
      }
    }
    // Text that would cost more than a query's few dozen requests (a template's lines on dozens of pages,
    // all of them results): the passage's long grams first, once; the terms they prove need no text.
    if (cheaper && !fetchAbsent && !acrossLate && textCost(index, candidates) > ACROSS_TEXT) {
      acrossLate = true;
      if (await tryPassage(0)) continue;
    }
    if (cheaper && !fetchAbsent) {
      unproved = proving.splice(0);
      break;
    }
    const batch = next;
    fetchAbsent = false;
    k += next.length;
    batches++;
    before = left;
    // The next batch's buckets (small files) are fetched meanwhile, after everything this batch
    // asks for: if few pages are left after this batch they are not needed, at most BATCH_GRAMS.
    // Not a common gram of a longer term: that may be fetched by its positions instead. Not after a
    // pasted passage: its sample and text leave one page or a few (county 50k: 5 buckets, 39 KB unused).
    // Not for a query of many terms (narrowed together, or a passage typed character by character): the
    // pages left are often few enough to read (held-out 3k retyped windows: 63 buckets fetched ahead and
    // never used in 28 queries; a 277-character passage spaced out, 8).
    const passage = spread || plans.length >= MANY_TERMS || batch.some((p) => p.all.length > MOST_GRAMS);
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
    // A pasted passage its first batch left on many pages: its terms proved together where they can be,
    // before the positions of the terms fetched are (a template of common bigrams: a file each).
    const early = batches === 1 && positionFiles(index, longer, grams) >= EARLY_FILES;
    if (early) {
      left = candidates.reduce((n, v) => n + v, 0);
      await tryPassage(undefined);
      longer.splice(0, Infinity, ...longer.filter((p) => proving.includes(p)));
    }
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
    if (batches === 1 && !early) await tryPassage(undefined);
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
  // In plan order, which a candidate's text may have changed for the terms not yet fetched (search-probe.js).
  const inOrder = (list) => list.sort((a, b) => allPlans.indexOf(a) - allPlans.indexOf(b));
  for (const p of inOrder(fetchedLonger)) {
    const at = across.get(p) ?? new Map([...(founds.get(p) ?? [])].map(([id, f]) => [id, f.first]));
    for (const [id, f] of at) if (candidates[id] && !first.has(id)) first.set(id, f);
  }
  left = candidates.reduce((n, v) => n + v, 0);
  if ((unproved.length || k < plans.length) && left > 0) {
    // In plan order: a page's first match is the first term's, as when each is proved in turn.
    const rest = inOrder([...unproved, ...plans.slice(k)]).map((p) => codePoints(p.term));
    await checkOnText(index, idsOf(candidates), rest, { candidates, tier, first });
  }
  if (across.size) await settleTiers(index, across, grams, { candidates, tier, first });
  const ids = idsOf(candidates);
  await firstOfPairs(index, allPlans, grams, candidates, ids, first);
  // Every term in the title: its excerpt is the text's opening, kept in its record (search-site-index.js).
  for (const id of ids) if (tier[id] === 0 && !first.has(id)) first.set(id, 0);
  return { ids, tier, first };
}
