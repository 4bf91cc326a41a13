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
import { LONG, NOT_INLINE, anchorsOf, coverOf, provedBy, reachOf } from "./search-long.js";
import { codePoints, gramKey, tierOfPosition } from "./search-stream.js";
import { checkOnText } from "./search-text-check.js";

/** Long grams fetched at most per passage (a few rounds of the cover's next ones). */
const MOST_LONG = 12;
const ROUNDS = 3;

/**
 * The plans (of `plans`) whose term the passage's long grams prove on every candidate page: Map plan →
 * Map id → a position of the term on that page (not always its first). `terms`: the query's terms in
 * its order (search-query.js), `grams`: the fetched grams (long grams added).
 */
export async function proveAcross(index, terms, plans, grams, candidates) {
  const out = new Map();
  if (!index.manifest.long || terms.length < 3) return out;
  const cps = codePoints(terms.join(" "));
  const offsetOf = new Map();
  for (let i = 0, at = 0; i < terms.length; at += codePoints(terms[i]).length + 1, i++) offsetOf.set(terms[i], at);
  // Not a long gram over more common bigrams (index.json `wide`) than a shard keeps one over.
  const common = (u) => {
    let n = 0;
    for (let k = 0; k < LONG; k += 2) if (index.isWide(gramKey(cps[u.offset + k], cps[u.offset + k + 1]))) n++;
    return n;
  };
  const anchors = anchorsOf(cps).filter((u) => common(u) <= NOT_INLINE);
  if (!anchors.length) return out;
  const spans = new Map();
  let fetched = 0;
  const get = async (list) => {
    fetched += list.length;
    await Promise.all(list.map(async (u) => grams.set(u.key, await index.gram(u.key))));
    for (const u of list) {
      const g = grams.get(u.key);
      if (!g.df) continue;
      // The least of what it proves in each shard (a segment with its positions in a file: its code points).
      let [from, to] = [0, cps.length];
      for (const s of g.segments) {
        const [f, e] = s.pos ? provedBy(cps, u.offset, reachOf(s.pos)) : [u.offset, u.offset + LONG];
        [from, to] = [Math.max(from, f), Math.min(to, e)];
      }
      spans.set(u.offset, [from, to]);
    }
  };
  // The first, middle and last anchors, then those a cover of what is still unproved would take.
  const probes = [...new Set([0, anchors.length >> 1, anchors.length - 1])].map((i) => anchors[i]);
  await get(probes);
  // A passage its candidates do not share (most of them not on a probe's pages) is proved as before.
  const left = candidates.reduce((n, v) => n + v, 0);
  const shared = (u) => {
    const list = grams.get(u.key).df ? index.listOf(grams.get(u.key)) : undefined;
    return list ? candidates.reduce((n, v, id) => n + (v && list[id] ? 1 : 0), 0) : 0;
  };
  if (!probes.some((u) => shared(u) * 10 >= left * 9)) return out;
  for (let round = 0; round < ROUNDS && spans.size && fetched < MOST_LONG; round++) {
    const covered = new Uint8Array(cps.length);
    for (const [from, to] of spans.values()) covered.fill(1, from, to);
    const open = new Map();
    for (const u of anchors)
      if (!grams.has(u.key) && covered.subarray(u.offset, u.offset + LONG).includes(0)) open.set(u.offset, [u.offset, u.offset + LONG]);
    const wanted = coverOf(cps, new Map([...spans, ...open]))
      .long.filter((u) => open.has(u.offset))
      .slice(0, MOST_LONG - fetched);
    if (!wanted.length) break;
    await get(wanted);
  }
  // Each term inside a long gram's proved span, on the pages that long gram lists among the candidates.
  const byOffset = new Map(anchors.map((u) => [u.offset, u]));
  const overs = plans.map((p) => {
    const at = offsetOf.get(p.term);
    const len = codePoints(p.term).length;
    return [...spans].filter(([, [from, to]]) => from <= at && at + len <= to).map(([o]) => o);
  });
  const tables = new Map();
  await Promise.all(
    [...new Set(overs.flat())].map(async (o) =>
      tables.set(o, await index.positionsOn(grams.get(byOffset.get(o).key), candidates)),
    ),
  );
  plans.forEach((p, i) => {
    const at = offsetOf.get(p.term);
    const where = new Map();
    for (const o of overs[i]) {
      const t = tables.get(o);
      for (let id = 0; id < candidates.length; id++) {
        if (!candidates[id] || t.at[id] < 0) continue;
        const pos = t.data[t.at[id]] + at - o;
        if (!where.has(id) || pos < where.get(id)) where.set(id, pos);
      }
    }
    if (overs[i].length && candidates.every((v, id) => !v || where.has(id))) out.set(p, where);
  });
  return out;
}

/**
 * The tier of each result holding terms proved by proveAcross (`across`, its answer): where a term's
 * proved position is in a further tier than the page's other terms give, its first occurrence may be
 * nearer the top (a template line also in the title), so those pages' text gives it (rare: a template
 * passage is usually where the first term proved by its own grams is).
 */
export async function settleTiers(index, across, { candidates, tier, first }) {
  const ids = [];
  for (let id = 0; id < candidates.length; id++)
    if (candidates[id] && [...across.values()].some((where) => tierOfPosition(where.get(id)) > tier[id])) ids.push(id);
  if (ids.length) await checkOnText(index, ids, [...across.keys()].map((p) => codePoints(p.term)), { candidates, tier, first });
}
