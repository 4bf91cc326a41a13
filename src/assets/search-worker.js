/**
 * The search itself, in a module Worker so the page never waits on it (search.js talks to it by
 * messages). It reads the portal's own index (docs/search.md; search-site-index.js) and matches
 * with search-match.js. It can open several sites' indexes at once (the platform's 全站群搜索,
 * src/platform/search.ts): results of all of them are merged, and a page is named by a single id,
 * its id in its own index plus the pages of the indexes before it.
 *
 * Messages: { id, type, ...args } in, { id, value } or { id, error } out. Every message may be sent
 * before `open` has been: the others wait for the first `open`, then for the latest.
 *   open { bundle, address? } or { bundles: [url] }
 *                                          → { pages } (pages: the total). The Worker fetches each index's
 *                                          index.json itself. address: the page's location.search — its
 *                                          search (query, filters, order) is run as soon as the index is
 *                                          open, its answer kept for `early`. A Worker named
 *                                          "open" + address opens its own folder's index so at start
 *                                          (the search page's, search-boot.js; see openFromName).
 *   opened                                 → { pages } once the latest `open` has (its error if it failed)
 *   early                                  → the answer (as `search`'s) to the search in `open`'s address,
 *                                          with its first FIRST_SHOWN results' data; null when it had no query
 *   counts                                 → the latest search's counts per filter value
 *   filters                                → { key: [value] }: every value of each filter (from the
 *                                          manifests: no page-by-page count on the way to results)
 *   search { terms, passage?, filters, order, first, sites?, counts? }
 *                                          → { ids: Int32Array (in order), counts, sites, data, filters }
 *     counts: false leaves the per-filter counts out (null) and the filter columns unfetched;
 *     sites: the indexes to search (their numbers; all when absent); `sites` in the answer is the
 *     result count of each index; data: the first `first` results' data, saving the page a round trip;
 *     filters: those applied (a key or value no index has is dropped, as the page's lists drop it)
 *   updating                               → true while a search waits for an upload (index.updating.json)
 *   font (with a MessagePort)             → on that port: whether no font here draws 一 (search-font-probe.js)
 *   data { ids, terms }                    → [{ url, path, site, meta, marks }] (meta.text: an excerpt of the piece
 *                                          of text with the first match, HTML-escaped like all of meta; marks:
 *                                          { title, text }, the terms' [start, end) in the plain title and excerpt)
 */
import { SiteIndex } from "./search-site-index.js";
import { matchPages } from "./search-match.js";
import { FIRST_SHOWN, INDEX_FORMAT, addressQueryOf, planQuery } from "./search-query.js";
import { drawsBoxes } from "./search-font-probe.js";
import { orderMerged, orderOne } from "./search-order.js";
import { applicable, mergeCounts, sortedFilters } from "./search-filters.js";
import { answerServed } from "./search-current.js";
import { uploadUnderWay } from "./search-served.js";
// Every module the two above import, named here too so the browser fetches them all at once
// instead of discovering them one level at a time.
import "./search-index.js";
import "./search-stream.js";
import "./search-query.js";
import "./search-result.js";
import "./search-plan.js";
import "./search-text-check.js";
import "./search-long-terms.js";
import "./search-first-pairs.js";
import "./search-verify.js";
import "./search-probe.js";
import "./search-spread.js";
import "./search-current.js";
import "./search-served.js";

// For bench/search-eval/timeline.ts: when the Worker's module ran and when the index was opened.
self.performance.mark("search-worker-start");

/** The open indexes, and the first global id of each. */
let indexes = [];
let offsets = [];
/** Per index, the first match position (or none) of each result of the latest search (local ids), for excerpts. */
let firstMatch = [];
/** The latest `open` (before the first: settled by it); every other message waits for it. */
let settleFirst;
let opening = new Promise((resolve) => (settleFirst = resolve));
let ready = opening.catch(() => undefined);
/** The answer to the search in the address `open` was given (or null). */
let early = Promise.resolve(null);

/**
 * `manifest`: the index's index.json as worker.js was written with it (one index only): the address's
 * search runs on it at once, while index.json is fetched; every message waits for that fetch, and
 * should it differ (a worker.js from an earlier build, cached), the search runs again on the fetched one.
 */
function open({ bundle, bundles, address, manifest }) {
  self.performance.mark("search-open");
  const guessed = manifest?.format === INDEX_FORMAT && !bundles ? new SiteIndex(bundle).withManifest(manifest) : undefined;
  if (guessed) use([guessed]);
  const fetched = Promise.all((bundles ?? [bundle]).map((b) => new SiteIndex(b).open()));
  // A guess that failed (a file gone) is searched again below, as a stale one is.
  const guessing =
    guessed && address !== undefined
      ? Promise.resolve()
          .then(() => addressSearch(address))
          .then((answer) => ({ answer }), () => undefined)
      : undefined;
  // The guess kept when it is index.json (its files are the index's); a stale one's search ends first.
  opening = fetched.then(async (open) => (guessed?.sameAs(open[0]) ? use([guessed]) : (await guessing, use(open))));
  ready = opening.catch(() => undefined);
  settleFirst?.(opening);
  settleFirst = undefined;
  if (address !== undefined) {
    early = guessing
      ? guessing.then(async (got) => ((await opening) && got && indexes[0] === guessed ? got.answer : addressSearch(address)))
      : opening.then(() => addressSearch(address));
    early.catch(() => undefined); // reported when the page asks for it
  }
  return opening;
}

/** Searches go to these indexes from now on. */
function use(open) {
  indexes = open;
  offsets = [];
  let total = 0;
  for (const index of indexes) {
    offsets.push(total);
    total += index.pages;
  }
  return { pages: total };
}

/**
 * The search a page's address asks for (search.js reads it the same way): `q`, the filters (every other
 * parameter; those no index has are dropped) and `sort`; no counts (the page shows them only in its
 * 筛选 disclosure and asks for them when it fills it).
 */
function addressSearch(address) {
  const params = new URLSearchParams(address);
  const plan = planQuery(addressQueryOf(params.get("q") ?? ""));
  if (plan.kind === "empty") return null;
  const filters = {};
  for (const [key, value] of params) if (key !== "q" && key !== "sort" && value) filters[key] = value;
  const order = ["asc", "desc"].includes(params.get("sort")) ? params.get("sort") : "relevance";
  return search({ terms: plan.terms, passage: plan.passage, filters, order, first: FIRST_SHOWN, counts: false });
}

/** The index holding a global id, and the id in it. */
function locate(id) {
  let site = indexes.length - 1;
  while (offsets[site] > id) site--;
  return { site, index: indexes[site], local: id - offsets[site] };
}

/**
 * Every page holding all the terms, in the chosen order: relevance (every term in the title, then
 * near the top, then the rest), newest first within each; or by date. Within one index ids are
 * newest first already; across indexes the pages' dates decide, then the index's place.
 */
async function searchOnce({ terms, passage, filters: asked, order, first: shown = 0, sites, counts: withCounts = true }) {
  const selected = applicable(indexes, asked);
  const chosen = sites ?? indexes.map((_, k) => k);
  const several = chosen.length > 1;
  const finding = Promise.all(
    chosen.map(async (k) => {
      const index = indexes[k];
      const [match, dates] = await Promise.all([matchPages(index, terms, selected, passage), several ? index.dates() : undefined]);
      return { k, index, match, dates };
    }),
  );
  latest = finding.catch(() => []);
  const found = await finding;
  firstMatch = indexes.map(() => new Map());
  for (const { k, match } of found) firstMatch[k] = match.first;
  const ids = several ? orderMerged(found, order, offsets) : orderOne(offsets[found[0].k], found[0].match, order);
  const perSite = indexes.map(() => 0);
  for (const { k, match } of found) perSite[k] = match.ids.length;
  const [counts, data] = await Promise.all([withCounts ? countsOf(found) : null, dataOf({ ids: [...ids.subarray(0, shown)], terms })]);
  return { ids, counts, sites: perSite, data, filters: selected };
}

/**
 * Answers only from the indexes the host serves (search-current.js): a search runs again on the
 * served ones after a deploy; data and counts for an earlier search's ids say the index changed,
 * and the page searches again.
 */
const served = { used: () => indexes, switchTo: use };
const search = (args) => answerServed(() => searchOnce(args), { ...served, again: true });

/** The pages found by the latest search (its `found`), for `counts` asked afterwards. */
let latest = Promise.resolve([]);

/**
 * Per filter, each value's count among the results. Needs the filter columns (`f.gz`, the
 * largest file of a first search: 80 KB at 50k pages), fetched only when counts or a filter are
 * asked for: the page shows the counts only in its 筛选 disclosure.
 */
async function countsOf(found) {
  return mergeCounts(await Promise.all(found.map(async ({ index, match }) => index.countBy(await index.facetColumns(), match.ids))));
}

async function dataOf({ ids, terms }) {
  return Promise.all(
    ids.map(async (id) => {
      const { site, index, local } = locate(id);
      return { ...(await index.dataOf(local, terms, firstMatch[site]?.get(local))), site };
    }),
  );
}

/**
 * A Worker started as `new Worker(".../pagefind/worker.js", { name: "open" + location.search })` opens
 * the index beside its script and runs the search in that address as soon as its module runs: its
 * name is there at once, where a message posted before it started waits for the page's main thread.
 */
function openFromName() {
  if (!self.name?.startsWith("open")) return;
  const bundle = new URL("./", self.location.href).pathname;
  open({ bundle, address: self.name.slice(4), manifest: self.searchIndexManifest }).catch(() => undefined);
}

const HANDLERS = {
  open,
  opened: () => opening,
  early: () => early,
  filters: () => sortedFilters(indexes),
  search,
  data: (args) => answerServed(() => dataOf(args), served),
  counts: () => answerServed(async () => countsOf(await latest), served),
};

self.onmessage = async (event) => {
  const { id, type, ...args } = event.data;
  // The page's font check (search-first-layout.js), answered on the port it sent: it needs no index.
  if (type === "font") return event.ports[0]?.postMessage(drawsBoxes());
  // Whether a search is waiting for an upload (search-waiting.js): answered at once, even before the index opens.
  if (type === "updating") return self.postMessage({ id, value: uploadUnderWay() });
  try {
    if (type !== "open") await ready;
    self.postMessage({ id, value: await HANDLERS[type](args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
};

openFromName();
