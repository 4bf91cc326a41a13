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
 *   search { terms, phrases, filters, order } → { results: [{ shard, raw: { id }, dateRank, positions }], counts }
 *   data { items: [{ shard, id }] }    → [{ url, meta }] of results of the latest search, `meta.text`
 *                                        the page's text (HTML-escaped like all of meta)
 */
import { foldText } from "./search-query.js";
import { intersectTerms, orderResults } from "./search-rank.js";
import { plainMeta } from "./search-result.js";

/** Shards searched at once: each loads its own index chunks, so this bounds the requests in flight. */
const SHARDS_AT_ONCE = 4;
/**
 * A term longer than this many tokens (a pasted passage) is first searched by its first WINDOW
 * tokens: every character's index chunk would be most of the index. The few pages holding the
 * window are then checked against their text; when the window is on many pages, the whole term
 * is searched after all.
 */
const WINDOW = 16;
/** Most candidates of a window checked against their text, per shard. */
const MOST_CHECKED = 30;
/** Results whose fragments are loaded to count them per filter value, rather than the filter lists. */
const COUNT_FROM_DATA = 30;

let shards = [];
let bundleUrl = "";
let dirs = [];
/** Pagefind results of the latest searches, by "shard/id", for `data`. */
let latest = new Map();

async function open({ bundle }) {
  const manifest = await (await fetch(`${bundle}shards.json`)).json();
  bundleUrl = bundle;
  dirs = manifest.shards;
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

/** Text files of the shards (src/search/index-step.ts), each fetched once. */
const textFiles = new Map();

function textFile(shard, n) {
  const url = `${bundleUrl}${dirs[shard]}text/${n}.json`;
  if (!textFiles.has(url)) textFiles.set(url, fetch(url).then((r) => r.json()));
  return textFiles.get(url);
}

/** A result's fragment data with its page text in `meta.text` (HTML-escaped, like the rest of meta). */
async function withText(shard, raw) {
  const d = await raw.data();
  const [n, i] = (d.meta.textRef ?? "").split("/");
  const text = n !== undefined ? ((await textFile(shard, n))[Number(i)] ?? "") : "";
  return { url: d.url, filters: d.filters, meta: { ...d.meta, text } };
}

/**
 * One term in one shard: Pagefind's answer ({ results, filters }) and whether its results were
 * checked against their text (then `filters` is not Pagefind's count).
 */
async function searchTerm(s, shard, term, phrase, options) {
  const tokens = phrase.slice(1, -1).split(" ");
  if (tokens.length > WINDOW) {
    const answer = await s.search(`"${tokens.slice(0, WINDOW).join(" ")}"`, options);
    if (answer.results.length <= MOST_CHECKED) {
      const texts = await Promise.all(answer.results.map((r) => withText(shard, r)));
      const fold = (t) => foldText(t).replace(/\s+/gu, " ");
      const results = answer.results.filter((_, k) => fold(plainMeta(texts[k].meta).text).includes(term));
      return { results, checked: true };
    }
  }
  return { ...(await s.search(phrase, options)), checked: false };
}

/** Counts results per filter value from their fragments' metadata (few results). */
async function countFromData(shard, found, counts) {
  const datas = await Promise.all(found.map((r) => r.raw.data()));
  for (const d of datas) {
    for (const [key, values] of Object.entries(d.filters ?? {})) {
      for (const value of values) addCounts(counts, { [key]: { [value]: 1 } });
    }
  }
}

/**
 * Every page holding all the terms, in the chosen order, and the count per filter value. One
 * term: Pagefind's answer and its counts. Several: one exact-phrase search per term, intersected
 * per shard, counted from the results' fragments (few) or each shard's filter lists.
 */
async function search({ terms, phrases, filters: selected, order }) {
  const options = { filters: selected, sort: { date: "desc" } };
  const counts = {};
  latest = new Map();
  const perShard = await eachShard(async (s, shard) => {
    const answers = [];
    for (const [k, phrase] of phrases.entries()) {
      const answer = await searchTerm(s, shard, terms[k], phrase, options);
      answers.push(answer);
      if (!answer.results.length) break;
    }
    const found = answers.length < phrases.length ? [] : intersectTerms(answers.map((a) => a.results));
    if (phrases.length === 1 && !answers[0].checked) addCounts(counts, answers[0].filters);
    else if (found.length <= COUNT_FROM_DATA) await countFromData(shard, found, counts);
    else {
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
      const raw = latest.get(`${shard}/${id}`);
      if (!raw) return null;
      const { url, meta } = await withText(shard, raw);
      return { url, meta };
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
