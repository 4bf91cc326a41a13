/**
 * A pasted passage's terms proved together by long grams (search-long.js) of the passage as typed: a
 * page's stream has every run of white space as one space, so a template's lines pasted as terms are,
 * joined by single spaces, the page's own text, and one long gram with its reach proves every term
 * inside what it proves, on every page listing it (docs/search.md, tmpl39). Each such line of a template
 * on hundreds of pages is short, its bigrams common: proved term by term it cost a bucket a bigram, 60–70
 * requests for a 200-character paste (held-out 3k). A long gram proves where its term is, not where it
 * first is, so the tier it gives is at most the term's; search-match.js checks the text of the pages
 * where that could change the page's tier.
 */
import { LONG, coverOf, provedBy, reachOf } from "./search-long.js";
import { probeAnchors, usableAnchors } from "./search-long-plan.js";
import { codePoints, tierOfPosition } from "./search-stream.js";
import { checkOnText, indexIn } from "./search-text-check.js";
import { unfetchedBuckets } from "./search-plan.js";

/** Long grams fetched at most per passage (a few rounds of the cover's next ones). */
const MOST_LONG = 6;
const ROUNDS = 3;
/** Buckets the terms left after a first batch cost at least for their passage's long grams to be tried. */
const ACROSS = 12;
/** …and pages left, at least: on fewer, the next batch or their text usually leaves one or a few. */
const ACROSS_PAGES = 16;
/** Pages a proved term may leave its tier open on (settleTiers reads their text). */
const OPEN_PAGES = 4;

/**
 * Right after a query's first batch (search-match.js): when many pages are left and the terms left
 * would cost many buckets, the terms its long grams prove on every page left leave `proving` (the longer
 * terms fetched) and `plans` from `k` on (the terms not fetched). Returns proveAcross's answer.
 */
export async function passageAcross(index, passage, { allPlans, proving, plans, k }, grams, candidates, least = ACROSS_PAGES) {
  const left = candidates.reduce((n, v) => n + v, 0);
  const rest = [...proving, ...plans.slice(k)];
  if (left <= least || unfetchedBuckets(index, rest, grams) + positionFiles(index, rest, grams) < ACROSS) return new Map();
  const across = await proveAcross(index, passage, rest, grams, candidates, tierFloor(index, allPlans, grams));
  plans.splice(k, Infinity, ...plans.slice(k).filter((p) => !across.has(p)));
  proving.splice(0, Infinity, ...proving.filter((p) => !across.has(p)));
  return across;
}

/**
 * About how many positions files proving the longer terms of `plans` would fetch for the grams already at
 * hand: a common bigram's positions on hundreds of pages are files of their own (a wide gram's first is
 * fetched with its part), and a template of the site's commonest words costs those, not buckets.
 */
export function positionFiles(index, plans, grams) {
  const keys = new Set(plans.filter((p) => p.all.length > 1).flatMap((p) => p.all.map((u) => u.key)));
  let n = 0;
  for (const key of keys) {
    const g = grams.get(key);
    if (!g?.df) continue;
    const files = new Set(g.segments.filter((s) => s.posFile > 0).map((s) => s.posFile)).size;
    n += Math.max(0, files - (index.isWide(key) ? 1 : 0));
  }
  return n;
}

/**
 * The plans (of `plans`) whose term the passage's long grams prove on every candidate page: Map plan →
 * Map id → a position of the term on that page (not always its first). `terms`: the query's terms in
 * its order (search-query.js), `grams`: the fetched grams (long grams added).
 */
export async function proveAcross(index, { terms, passage }, plans, grams, candidates, floor) {
  const out = new Map();
  if (!index.manifest.long || terms.length < 3) return out;
  const cps = codePoints(passage);
  const anchors = usableAnchors(index, cps);
  if (!anchors.length) return out;
  /** Offset in the joined terms → [from, to) of them it proves, and the text it proves on its pages. */
  const spans = new Map();
  const texts = new Map();
  let fetched = 0;
  const get = async (list) => {
    fetched += list.length;
    await Promise.all(list.map(async (u) => grams.set(u.key, await index.gram(u.key))));
    for (const u of list) {
      const g = grams.get(u.key);
      if (!g.df) continue;
      // What every occurrence has around it in each shard, the least of them (a segment with its positions
      // in a file of its own: its code points alone).
      const window = cps.slice(u.offset, u.offset + LONG);
      let before = null;
      let after = null;
      for (const s of g.segments) {
        const r = s.pos ? reachOf(s.pos) : { before: [], after: [] };
        before = before ? common2(before, r.before) : r.before;
        after = after ? common2(after, r.after) : r.after;
      }
      texts.set(u.offset, { text: [...before].reverse().concat(window, after), start: before.length });
      spans.set(u.offset, provedBy(cps, u.offset, { before, after }));
    }
  };
  // The first, middle and last anchors, then those a cover of what is still unproved would take.
  const probes = probeAnchors(index, cps, anchors, (n) => [0, n >> 1, n - 1]);
  await get(probes);
  const termCps = plans.map((p) => codePoints(p.term));
  for (let round = 0; round < ROUNDS && spans.size && fetched < MOST_LONG; round++) {
    // Only where a term no proved text holds yet sits in the passage: a stretch between terms the reader
    // typed apart (a space the page does not have) is in no long gram, and needs none.
    const needed = new Uint8Array(cps.length);
    for (const term of termCps) {
      if ([...texts.values()].some(({ text }) => indexIn(text, term) >= 0)) continue;
      const at = indexIn(cps, term);
      if (at >= 0) needed.fill(1, at, at + term.length);
    }
    const covered = new Uint8Array(cps.length);
    for (const [from, to] of spans.values()) covered.fill(1, from, to);
    const open = new Map();
    for (const u of anchors)
      if (!grams.has(u.key) && covered.subarray(u.offset, u.offset + LONG).includes(0)) open.set(u.offset, [u.offset, u.offset + LONG]);
    const wanted = coverOf(cps, new Map([...spans, ...open]))
      .long.filter((u) => open.has(u.offset) && needed.subarray(u.offset, u.offset + LONG).includes(1))
      .slice(0, MOST_LONG - fetched);
    if (!wanted.length) break;
    await get(wanted);
  }
  // Each term inside a long gram's proved text (wherever the query put it), on the pages that long gram
  // lists among the candidates.
  const byOffset = new Map(anchors.map((u) => [u.offset, u]));
  const overs = plans.map((p) => {
    const term = codePoints(p.term);
    const found = [];
    for (const [o, { text, start }] of texts) {
      const at = indexIn(text, term);
      if (at >= 0) found.push([o, at - start]);
    }
    return found;
  });
  const tables = new Map();
  await Promise.all(
    [...new Set(overs.flat().map(([o]) => o))].map(async (o) =>
      tables.set(o, await index.positionsOn(grams.get(byOffset.get(o).key), candidates)),
    ),
  );
  plans.forEach((p, i) => {
    const where = new Map();
    for (const [o, delta] of overs[i]) {
      const t = tables.get(o);
      for (let id = 0; id < candidates.length; id++) {
        if (!candidates[id] || t.at[id] < 0) continue;
        const pos = t.data[t.at[id]] + delta;
        if (!where.has(id) || pos < where.get(id)) where.set(id, pos);
      }
    }
    if (!overs[i].length || !candidates.every((v, id) => !v || where.has(id))) return;
    // Not a term whose tier the long grams would leave open on more than a few pages (their text decides).
    let open = 0;
    for (const [id, at] of where) if (tierOfPosition(at) > floor[id]) open++;
    if (open <= OPEN_PAGES) out.set(p, where);
  });
  return out;
}

/** The longest common start of two lists of code points. */
function common2(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

/**
 * The least tier of each page holding every term, from the grams of the query's plans fetched so far: a
 * gram's page list gives the tier of its first occurrence, no further than its term's.
 */
export function tierFloor(index, plans, grams) {
  const floor = new Uint8Array(index.pages);
  const keys = new Set(plans.flatMap((p) => [...p.all, ...(p.sample ?? [])].map((u) => u.key)));
  for (const key of keys) {
    const g = grams.get(key);
    if (!g?.df) continue;
    const list = index.listOf(g);
    for (let id = 0; id < floor.length; id++) if (list[id] > floor[id] + 1) floor[id] = list[id] - 1;
  }
  return floor;
}

/**
 * The tier of each result holding terms proved by proveAcross (`across`, its answer): a long gram gives
 * where a term is, not where it first is, so its tier is at most the term's. The term's grams fetched
 * (`grams`) give at least it (their first occurrences are no further than the term's). Where the two
 * bounds of a page's tier differ (a template line also near the top), its text gives the tier.
 */
export async function settleTiers(index, across, grams, { candidates, tier, first }) {
  const lists = [...across.keys()].flatMap((p) =>
    [...new Set([...p.all, ...(p.sample ?? [])].map((u) => u.key))].filter((key) => grams.get(key)?.df).map((key) => index.listOf(grams.get(key))),
  );
  const ids = [];
  for (let id = 0; id < candidates.length; id++) {
    if (!candidates[id]) continue;
    let least = tier[id];
    for (const list of lists) least = Math.max(least, list[id] - 1);
    let most = tier[id];
    for (const where of across.values()) most = Math.max(most, tierOfPosition(where.get(id)));
    if (most > least) ids.push(id);
    else tier[id] = most;
  }
  if (ids.length) await checkOnText(index, ids, [...across.keys()].map((p) => codePoints(p.term)), { candidates, tier, first });
}
