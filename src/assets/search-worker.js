/**
 * The search itself, in a module Worker so the page never waits on it (search.js talks to it by
 * messages). It reads the portal's own index (docs/search.md, "Layout"; search-index.js): a
 * term of one or two characters is one gram's page list; a longer one is the pages where its
 * covering bigrams sit at the right distances (their positions), so every result holds the term
 * exactly. A pasted passage is narrowed by a few of its bigrams and checked against the text.
 *
 * Messages: { id, type, ...args } in, { id, value } or { id, error } out.
 *   open { bundle }                      → { pages }
 *   filters                              → { key: { value: count } } over the whole portal
 *   search { terms, filters, order, first } → { ids: Int32Array (in order), counts, data } (data: the
 *                                          first `first` results' data, saving the page a round trip)
 *   data { ids }                         → [{ url, meta }] (meta.text: the piece of text with the
 *                                          first match, HTML-escaped like all of meta)
 */
import { IndexFiles, eachListed, parseBucket, parsePart, positionsOf } from "./search-index.js";
import { codePoints, gramsOfTerm, hashOf, titleStream, tierOfPosition } from "./search-stream.js";
import { foldText } from "./search-query.js";
import { plainMeta } from "./search-result.js";

/**
 * A term with more covering bigrams than this is narrowed by a sample of them, then checked
 * against its text; the samples of all such terms of a query share SAMPLED grams (3 to 5 a term).
 */
const MOST_GRAMS = 8;
const SAMPLED = 12;
let sample = 5;
/** Most pages checked against their text per long term; beyond, every covering bigram is used. */
const MOST_CHECKED = 24;
/** Grams fetched together (one batch of terms). */
const BATCH_GRAMS = 6;
/** When this few pages are left, the remaining terms are looked for in their text. */
const TEXT_PAGES = 6;

let files;
let manifest;
let base;
let columns;
/** The first match position (or -1) of each result of the latest search, for excerpts. */
let firstMatch = new Map();

async function open({ bundle }) {
  // Revalidated on every visit (a small file); it names the version of all the others.
  manifest = await (await fetch(`${bundle}index.json`, { cache: "no-cache" })).json();
  if (manifest.format !== 1) throw new Error(`index format ${manifest.format}`);
  files = new IndexFiles(bundle, manifest.version);
  base = bundle.replace(/pagefind\/$/, "");
  // Needed by every search (counts): fetched while the page asks its first.
  facetColumns();
  return { pages: manifest.pages };
}

/** The filter columns: per filter, each page's value index + 1 (0: none). */
function facetColumns() {
  columns ??= files.bytes("f.gz").then((bytes) => {
    const out = {};
    let at = 0;
    for (const { key } of manifest.facets) {
      const col = new Uint16Array(manifest.pages);
      for (let id = 0; id < manifest.pages; id++) {
        let v = 0;
        let scale = 1;
        for (;;) {
          const b = bytes[at++];
          v += (b & 127) * scale;
          if (b < 128) break;
          scale *= 128;
        }
        col[id] = v;
      }
      out[key] = col;
    }
    return out;
  });
  return columns;
}

function countBy(cols, ids) {
  const counts = {};
  for (const { key, values } of manifest.facets) {
    const col = cols[key];
    const n = new Uint32Array(values.length + 1);
    for (const id of ids) n[col[id]]++;
    counts[key] = {};
    values.forEach((v, i) => n[i + 1] && (counts[key][v] = n[i + 1]));
  }
  return counts;
}

async function filters() {
  const all = Array.from({ length: manifest.pages }, (_, id) => id);
  return countBy(await facetColumns(), all);
}

const shardSize = (k) => (manifest.shards[k + 1] ?? manifest.pages) - manifest.shards[k];

/** A gram's entry: { df, segments } (df 0 and no segments when no page has it). */
async function gram(key) {
  const b = hashOf(key) % manifest.buckets;
  const bucket = await files.bytes(`g/${b}.gz`).then((bytes) => parseBucket(bytes, b));
  const entry = bucket.get(key);
  if (!entry) return { df: 0, segments: [], file: "" };
  const part = entry.part ?? (await files.bytes(`${entry.file}.gz`));
  return { df: entry.df, file: entry.file, segments: parsePart(part) };
}

/** Tiers + 1 of a gram's pages (0: not listed). */
function listOf(g) {
  const out = new Uint8Array(manifest.pages);
  for (const s of g.segments) eachListed(s.list, manifest.shards[s.shard], shardSize(s.shard), (id, tier) => (out[id] = tier + 1));
  return out;
}

/** Positions of a gram on the candidate pages: Map id → positions. */
async function positionsOn(g, candidates) {
  const out = new Map();
  await Promise.all(
    g.segments.map(async (s) => {
      const first = manifest.shards[s.shard];
      const ids = [];
      eachListed(s.list, first, shardSize(s.shard), (id) => ids.push(id));
      if (!ids.some((id) => candidates[id])) return;
      const pos = s.pos ?? (await files.bytes(`${g.file}-${s.posFile - 1}.gz`)).subarray(s.posOffset, s.posOffset + s.posLength);
      for (const [id, list] of positionsOf(pos, ids, (id) => candidates[id] > 0)) out.set(id, list);
    }),
  );
  return out;
}

/** Start positions where every gram sits at its offset, on one page. */
function startsOn(id, used, positions) {
  const [head, ...rest] = used.map((u, k) => ({ ...u, at: positions[k].get(id) ?? [] }));
  const sets = rest.map((u) => new Set(u.at));
  const starts = [];
  for (const p of head.at) {
    const start = p - head.offset;
    if (rest.every((u, k) => sets[k].has(start + u.offset))) starts.push(start);
  }
  return starts;
}

/** Evenly spread grams of a long term, always its first and last. */
function sampled(grams) {
  if (grams.length <= MOST_GRAMS) return grams;
  return Array.from({ length: sample }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (sample - 1))]);
}

const records = (id) => files.json(`d/${Math.floor(id / manifest.chunk)}.gz`).then((c) => c[id % manifest.chunk]);
/** A text piece as stored (HTML-escaped, like meta). */
const storedPiece = async (record, i) => {
  const [n, k] = record.p[i];
  return (await files.json(`t/${record.s}-${n}.gz`))[k];
};
const piece = async (record, i) => plainMeta({ t: await storedPiece(record, i) }).t;

/** True when the page's stream holds the term's code points from `start` (checked on its text). */
async function holdsAt(id, start, cps) {
  const record = await records(id);
  let stream;
  let from;
  if (start < titleStream("").length) {
    stream = titleStream(plainMeta(record.meta).title);
    from = 0;
  } else {
    let i = record.p.findLastIndex((p) => p[2] <= start);
    if (i < 0) return false;
    from = record.p[i][2];
    stream = [];
    while (i < record.p.length && from + stream.length < start + cps.length)
      stream.push(...codePoints(foldText(await piece(record, i++))));
  }
  return cps.every((cp, k) => stream[start - from + k] === cp);
}

/**
 * The pages among `candidates` holding the term, with the tier of its first occurrence: Map id →
 * { tier, first }. Uses the covering bigrams' positions; a long term's sample first, then its text.
 */
async function verify(term, grams, candidates) {
  const cps = codePoints(term);
  const all = gramsOfTerm(term);
  let used = sampled(all);
  const ids = () => candidates.reduce((out, v, id) => (v ? (out.push(id), out) : out), []);
  let positions = await Promise.all(used.map((u) => positionsOn(grams.get(u.key), candidates)));
  const found = new Map();
  let starts = ids().map((id) => [id, startsOn(id, used, positions)]);
  if (used.length < all.length) {
    starts = starts.filter(([, s]) => s.length);
    if (starts.length > MOST_CHECKED) {
      // Many pages hold the sample: prove the term with every covering bigram instead.
      await Promise.all(all.filter((u) => !grams.has(u.key)).map(async (u) => grams.set(u.key, await gram(u.key))));
      used = all;
      positions = await Promise.all(used.map((u) => positionsOn(grams.get(u.key), candidates)));
      starts = starts.map(([id]) => [id, startsOn(id, used, positions)]);
    } else {
      starts = await Promise.all(
        starts.map(async ([id, s]) => {
          for (const start of s) if (await holdsAt(id, start, cps)) return [id, [start]];
          return [id, []];
        }),
      );
    }
  }
  for (const [id, s] of starts) if (s.length) found.set(id, { tier: tierOfPosition(s[0]), first: s[0] });
  return found;
}

/** Every page holding all the terms, in the chosen order, and the count per filter value. */
async function search({ terms, filters: selected, order, first: shown = 0 }) {
  // Longest terms first: they narrow the most for the fewest grams.
  const plans = terms
    .map((term) => ({ term, all: gramsOfTerm(term) }))
    .sort((a, b) => b.all.length - a.all.length || (a.term < b.term ? -1 : 1));
  const long = plans.filter((p) => p.all.length > MOST_GRAMS).length;
  sample = Math.max(3, Math.min(5, Math.floor(SAMPLED / Math.max(1, long))));
  const cols = await facetColumns();
  const candidates = new Uint8Array(manifest.pages).fill(1);
  for (const [key, value] of Object.entries(selected ?? {})) {
    const at = manifest.facets.find((f) => f.key === key)?.values.indexOf(value) ?? -1;
    const col = cols[key];
    for (let id = 0; id < candidates.length; id++) if (!col || col[id] !== at + 1) candidates[id] = 0;
  }
  // Tier (0 title, 1 near the top, 2 further down) and first match of each result.
  const tier = new Uint8Array(manifest.pages);
  const first = new Map();
  const grams = new Map();
  let left = candidates.reduce((n, v) => n + v, 0);
  let k = 0;
  // The terms in batches of about BATCH_GRAMS grams, fetched together; once few pages are left,
  // the rest of the terms are looked for in those pages' text instead of fetching their grams.
  while (k < plans.length && left > TEXT_PAGES) {
    const batch = [];
    for (let budget = 0; k < plans.length && (!batch.length || budget < BATCH_GRAMS); k++) {
      batch.push(plans[k]);
      budget += sampled(plans[k].all).length;
    }
    const keys = new Set(batch.flatMap((p) => sampled(p.all).map((u) => u.key)));
    await Promise.all([...keys].filter((key) => !grams.has(key)).map(async (key) => grams.set(key, await gram(key))));
    for (const p of batch) {
      for (const u of sampled(p.all)) {
        const list = listOf(grams.get(u.key));
        for (let id = 0; id < candidates.length; id++) {
          if (!list[id]) candidates[id] = 0;
          else if (p.all.length === 1) tier[id] = Math.max(tier[id], list[id] - 1);
        }
      }
    }
    for (const p of batch.filter((q) => q.all.length > 1)) {
      const found = await verify(p.term, grams, candidates);
      for (let id = 0; id < candidates.length; id++) {
        if (!candidates[id]) continue;
        const f = found.get(id);
        if (!f) candidates[id] = 0;
        else {
          tier[id] = Math.max(tier[id], f.tier);
          if (!first.has(id)) first.set(id, f.first);
        }
      }
    }
    left = candidates.reduce((n, v) => n + v, 0);
  }
  if (k < plans.length && left > 0) {
    const rest = plans.slice(k).map((p) => codePoints(p.term));
    await Promise.all(
      candidates.reduce((out, v, id) => (v ? (out.push(id), out) : out), []).map(async (id) => {
        const stream = await streamOf(id);
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
  const ids = [];
  for (let id = 0; id < candidates.length; id++) if (candidates[id]) ids.push(id);
  // Ids are newest first.
  if (order === "asc") ids.reverse();
  else if (order !== "desc") ids.sort((a, b) => tier[a] - tier[b] || a - b);
  firstMatch = first;
  const data = await dataOf({ ids: ids.slice(0, shown), terms });
  return { ids: Int32Array.from(ids), counts: countBy(cols, ids), data };
}

/** A page's whole stream, from its title and every text piece. */
async function streamOf(id) {
  const record = await records(id);
  const stream = titleStream(plainMeta(record.meta).title);
  const pieces = await Promise.all(record.p.map((_, i) => piece(record, i)));
  for (const text of pieces) for (const cp of codePoints(foldText(text))) stream.push(cp);
  return stream;
}

/** Where the code points first occur in the stream, or −1. */
function indexIn(stream, cps) {
  outer: for (let at = 0; at + cps.length <= stream.length; at++) {
    for (let k = 0; k < cps.length; k++) if (stream[at + k] !== cps[k]) continue outer;
    return at;
  }
  return -1;
}

/** A result's URL and metadata with the piece of its text holding the first match (or the first piece). */
async function dataOf({ ids, terms }) {
  return Promise.all(
    ids.map(async (id) => {
      const record = await records(id);
      let i = 0;
      const at = firstMatch.get(id);
      if (at !== undefined) i = Math.max(0, record.p.findLastIndex((p) => p[2] <= at));
      let text = await storedPiece(record, i);
      // No position known (terms of one or two characters): the first of a few pieces holding one.
      for (let k = 1; at === undefined && k < Math.min(4, record.p.length); k++) {
        const folded = foldText(plainMeta({ t: text }).t).replace(/\s+/gu, " ");
        if (terms.some((t) => folded.includes(t))) break;
        text = await storedPiece(record, k);
      }
      return { url: `${base}${record.url.replace(/^\//, "")}`, meta: { ...record.meta, text } };
    }),
  );
}

const HANDLERS = { open, filters, search, data: dataOf };

self.onmessage = async (event) => {
  const { id, type, ...args } = event.data;
  try {
    self.postMessage({ id, value: await HANDLERS[type](args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};
