/**
 * The search itself, in a module Worker so the page never waits on it (search.js talks to it by
 * messages). It loads one pagefind.js per shard (instances created from one copy share their
 * WebAssembly bindings and fail with several indexes loaded; Pagefind's own worker fails the same
 * way, so each runs here with noWorker), searches every term of a query in every shard, at most
 * SHARDS_AT_ONCE shards at a time, intersects and orders the results (search-rank.js).
 *
 * Messages: { id, type, ...args } in, { id, value } or { id, error } out.
 *   open { bundle }                    → the shards' folders ("0/", "1/" …)
 *   filters                            → { key: { value: count } } over the whole portal
 *   search { phrases, filters, order } → { results: [{ shard, raw: { id }, dateRank, positions }], counts }
 *   data { items: [{ shard, id }] }    → [{ url, meta }] of results of the latest search
 */
import { intersectTerms, orderResults } from "./search-rank.js";

/** Shards searched at once: each loads its own index chunks, so this bounds the requests in flight. */
const SHARDS_AT_ONCE = 4;

let shards = [];
/** Pagefind results of the latest searches, by "shard/id", for `data`. */
let latest = new Map();

async function open({ bundle }) {
  const manifest = await (await fetch(`${bundle}shards.json`)).json();
  shards = await Promise.all(
    manifest.shards.map(async (dir) => {
      const pagefind = await import(`${bundle}${dir}pagefind.js`);
      const instance = await pagefind.createInstance({ basePath: `${bundle}${dir}`, noWorker: true });
      await instance.init();
      return instance;
    }),
  );
  return manifest.shards;
}

/** Runs `task` for every shard, at most SHARDS_AT_ONCE at a time; results in shard order. */
async function eachShard(task) {
  const out = new Array(shards.length);
  let next = 0;
  const lane = async () => {
    for (let k = next++; k < shards.length; k = next++) out[k] = await task(shards[k], k);
  };
  await Promise.all(Array.from({ length: Math.min(SHARDS_AT_ONCE, shards.length) }, lane));
  return out;
}

function addCounts(into, counts) {
  for (const [key, values] of Object.entries(counts ?? {})) {
    into[key] ??= {};
    for (const [value, n] of Object.entries(values)) into[key][value] = (into[key][value] ?? 0) + n;
  }
}

async function filters() {
  const all = {};
  for (const f of await eachShard((s) => s.filters())) addCounts(all, f);
  return all;
}

/** Each shard's pages by filter value (id → key → value), for counting results of several terms. */
const facetMaps = new Map();

function facetsOf(shard, k) {
  if (!facetMaps.has(k)) {
    facetMaps.set(
      k,
      (async () => {
        const byId = new Map();
        for (const [key, values] of Object.entries(await shard.filters())) {
          for (const value of Object.keys(values)) {
            const { results } = await shard.search(null, { filters: { [key]: value } });
            for (const r of results) {
              if (!byId.has(r.id)) byId.set(r.id, {});
              byId.get(r.id)[key] = value;
            }
          }
        }
        return byId;
      })(),
    );
  }
  return facetMaps.get(k);
}

/**
 * Every page holding all the terms, in the chosen order, and the count per filter value. One
 * term: Pagefind's answer and its counts. Several: one exact-phrase search per term, intersected
 * per shard, counted from each shard's filter lists.
 */
async function search({ phrases, filters: selected, order }) {
  const sort = { date: "desc" };
  const counts = {};
  latest = new Map();
  const perShard = await eachShard(async (s, shard) => {
    const answers = [];
    for (const phrase of phrases) {
      const answer = await s.search(phrase, { filters: selected, sort });
      answers.push(answer);
      if (!answer.results.length) break;
    }
    const found = answers.length < phrases.length ? [] : intersectTerms(answers.map((a) => a.results));
    if (phrases.length === 1) addCounts(counts, answers[0].filters);
    else if (found.length) {
      const facets = await facetsOf(s, shard);
      for (const r of found) {
        for (const [key, value] of Object.entries(facets.get(r.raw.id) ?? {}))
          addCounts(counts, { [key]: { [value]: 1 } });
      }
    }
    for (const r of found) latest.set(`${shard}/${r.raw.id}`, r.raw);
    return found.map((r) => ({ shard, raw: { id: r.raw.id }, dateRank: r.dateRank, positions: r.positions }));
  });
  return { results: orderResults(perShard.flat(), order), counts };
}

async function data({ items }) {
  return Promise.all(
    items.map(async ({ shard, id }) => {
      // A result of a search since replaced: the page no longer shows it.
      const d = await latest.get(`${shard}/${id}`)?.data();
      return d ? { url: d.url, meta: d.meta } : null;
    }),
  );
}

const HANDLERS = { open, filters, search, data };

self.onmessage = async (event) => {
  const { id, type, ...args } = event.data;
  try {
    self.postMessage({ id, value: await HANDLERS[type](args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};
