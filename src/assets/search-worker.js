/**
 * The search itself, in a module Worker so the page never waits on it (search.js talks to it by
 * messages). It reads the portal's own index (docs/search.md; search-site-index.js) and matches
 * with search-match.js. It can open several sites' indexes at once (the platform's 全站群搜索,
 * src/platform/search.ts): results of all of them are merged, and a page is named by a single id,
 * its id in its own index plus the pages of the indexes before it.
 *
 * Messages: { id, type, ...args } in, { id, value } or { id, error } out.
 *   open { bundle } or { bundles: [url] }  → { pages } (pages: the total)
 *   filters                                → { key: { value: count } } over every page
 *   search { terms, filters, order, first, sites? }
 *                                          → { ids: Int32Array (in order), counts, sites, data }
 *     sites: the indexes to search (their numbers; all when absent); `sites` in the answer is the
 *     result count of each index; data: the first `first` results' data, saving the page a round trip
 *   data { ids, terms }                    → [{ url, path, site, meta }] (meta.text: the piece of
 *                                          text with the first match, HTML-escaped like all of meta)
 */
import { SiteIndex } from "./search-site-index.js";
import { matchPages } from "./search-match.js";
// Every module the two above import, named here too so the browser fetches them all at once
// instead of discovering them one level at a time.
import "./search-index.js";
import "./search-stream.js";
import "./search-query.js";
import "./search-result.js";

/** The open indexes, and the first global id of each. */
let indexes = [];
let offsets = [];
/** The first match position (or none) of each result of the latest search (global ids), for excerpts. */
let firstMatch = new Map();

async function open({ bundle, bundles }) {
  indexes = await Promise.all((bundles ?? [bundle]).map((b) => new SiteIndex(b).open()));
  offsets = [];
  let total = 0;
  for (const index of indexes) {
    offsets.push(total);
    total += index.pages;
  }
  return { pages: total };
}

/** The index holding a global id, and the id in it. */
function locate(id) {
  let site = indexes.length - 1;
  while (offsets[site] > id) site--;
  return { site, index: indexes[site], local: id - offsets[site] };
}

/** Sums each filter value's count over the indexes. */
function mergeCounts(all) {
  const out = {};
  for (const counts of all)
    for (const [key, values] of Object.entries(counts)) {
      out[key] ??= {};
      for (const [value, n] of Object.entries(values)) out[key][value] = (out[key][value] ?? 0) + n;
    }
  return out;
}

async function filters() {
  return mergeCounts(await Promise.all(indexes.map((index) => index.filters())));
}

/**
 * Every page holding all the terms, in the chosen order: relevance (every term in the title, then
 * near the top, then the rest), newest first within each; or by date. Within one index ids are
 * newest first already; across indexes the pages' dates decide, then the index's place.
 */
async function search({ terms, filters: selected, order, first: shown = 0, sites }) {
  const chosen = sites ?? indexes.map((_, k) => k);
  const several = chosen.length > 1;
  const found = await Promise.all(
    chosen.map(async (k) => {
      const index = indexes[k];
      const [match, cols, dates] = await Promise.all([
        matchPages(index, terms, selected),
        index.facetColumns(),
        several ? index.dates() : undefined,
      ]);
      return { k, index, match, cols, dates };
    }),
  );
  const rows = [];
  firstMatch = new Map();
  for (const { k, match, dates } of found)
    for (const id of match.ids) {
      const global = offsets[k] + id;
      rows.push({ id: global, tier: match.tier[id], date: dates ? dates[id] : -global });
      if (match.first.has(id)) firstMatch.set(global, match.first.get(id));
    }
  // Newest first, then by index and id (a global id grows with both).
  const byDate = (a, b) => b.date - a.date || a.id - b.id;
  if (order === "asc") rows.sort((a, b) => -byDate(a, b));
  else if (order === "desc") rows.sort(byDate);
  else rows.sort((a, b) => a.tier - b.tier || byDate(a, b));
  const ids = Int32Array.from(rows, (r) => r.id);
  const counts = mergeCounts(found.map(({ index, match, cols }) => index.countBy(cols, match.ids)));
  const perSite = indexes.map(() => 0);
  for (const { k, match } of found) perSite[k] = match.ids.length;
  const data = await dataOf({ ids: [...ids.subarray(0, shown)], terms });
  return { ids, counts, sites: perSite, data };
}

async function dataOf({ ids, terms }) {
  return Promise.all(
    ids.map(async (id) => {
      const { site, index, local } = locate(id);
      return { ...(await index.dataOf(local, terms, firstMatch.get(id))), site };
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
