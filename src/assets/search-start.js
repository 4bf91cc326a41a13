/**
 * What the search page (search.js) starts before it touches the DOM: the manifest (index.json),
 * the Worker, the first buckets of the search in the address (fetched here while the Worker starts)
 * and that search itself. Runs as soon as the page's script does, before the page's first layout.
 * The index is the folder `<prefix>/pagefind/`, found from this script's own URL.
 */
import { planQuery } from "./search-query.js";
import { connectSearchWorker } from "./search-client.js";
import { firstGrams } from "./search-plan.js";
import { bucketFile } from "./search-stream.js";

export const PAGE_SIZE = 10;
/**
 * Results the search's answer brings and the page shows first; the rest of the first ten follow at
 * once. Each result's excerpt is in a text file of its own and the Worker keeps six requests in
 * flight, so six results cost one round of requests after their records, ten cost two.
 */
export const FIRST_SHOWN = 6;
/** Most buckets fetched here for the Worker (six requests in flight, as the Worker keeps). */
const PREFETCHED = 6;
const BUNDLE = new URL("../pagefind/", import.meta.url).pathname;
/** What the address asks for. */
export const address = new URLSearchParams(location.search);
const addressPlan = planQuery(address.get("q") ?? "");

// The manifest is fetched here while the Worker's script loads and compiles, and handed over.
const manifest = fetch(`${BUNDLE}index.json`, { cache: "no-cache" }).then((r) => (r.ok ? r.json() : undefined));
export const ask = connectSearchWorker(`${BUNDLE}worker.js`);

/**
 * The buckets the search in the address needs first, fetched here as soon as the manifest names
 * them: the Worker is still starting (its thread, script and module take about a round trip), and
 * it takes their bytes instead of requesting them (`open { expect }`, `supply`).
 */
function prefetch(m) {
  if (!m || addressPlan.kind === "empty") return [];
  const files = [...new Set(firstGrams(addressPlan.terms).map((key) => bucketFile(key, m)))].slice(0, PREFETCHED);
  return files.map((rel) => ({
    rel,
    bytes: fetch(`${BUNDLE}${rel}?v=${m.version}`).then((r) => (r.ok ? r.arrayBuffer() : undefined), () => undefined),
  }));
}

export const opened = manifest.then((m) => {
  const files = prefetch(m);
  const open = ask("open", { bundle: BUNDLE, manifest: m, expect: files.map((f) => f.rel) });
  for (const { rel, bytes } of files) bytes.then((b) => ask("supply", { rel, bytes: b })).catch(() => undefined);
  return open;
});

/** The order an address asks for. */
export const orderOf = (params) => (["asc", "desc"].includes(params.get("sort")) ? params.get("sort") : "relevance");

/**
 * The search in the address, sent now: its filters are every other parameter (the Worker drops
 * those no filter has, as the page's lists do). null when the address has no query.
 */
export const early = (() => {
  const query = address.get("q") ?? "";
  const plan = addressPlan;
  if (plan.kind === "empty") return null;
  const filters = {};
  for (const [key, value] of address) if (key !== "q" && key !== "sort" && value) filters[key] = value;
  const order = orderOf(address);
  // Sent right after `open` (the Worker answers in order of arrival once the index is open).
  // No counts: they are shown only in the 筛选 disclosure, asked for when it is filled.
  const answer = manifest.then(() => ask("search", { terms: plan.terms, filters, order, first: FIRST_SHOWN, counts: false }));
  answer.catch(() => undefined); // reported when the page uses it
  return { query, order, terms: plan.terms, answer };
})();
