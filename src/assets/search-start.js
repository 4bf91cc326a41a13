/**
 * What the search page (search.js) starts before it touches the DOM. The Worker is usually running
 * already: the page's first script (search-boot.js, at the top of <head>) started it, and it opened
 * the index and ran the search in the address (its name, search-worker.js `openFromName`). Here the page takes the
 * Worker over and asks for that search's answer; without the first script (it failed, or an older
 * page) the Worker is started here and does the same.
 */
import { FIRST_SHOWN, QUERY_LIMIT, addressQueryOf, planQuery, spacedOf } from "./search-query.js";
import { connectSearchWorker } from "./search-client.js";

export const PAGE_SIZE = 10;
export { FIRST_SHOWN };
/** What the address asks for. */
export const address = new URLSearchParams(location.search);
/**
 * The address's query as the search box holds it, which is what the page searches: a text field
 * drops a line break set by script (秸秆\n禁烧, a passage pasted into a link, was searched as
 * 秸秆禁烧) and a paste makes it a space, so each is a space here: it separates terms, as in the
 * address (termsOf). An address longer than the forms allow is cut (addressQueryOf); `addressCut`
 * says so, and the page tells the reader.
 */
const typedQuery = spacedOf(address.get("q") ?? "");
export const addressQuery = addressQueryOf(typedQuery);
export const addressCut = typedQuery.length > QUERY_LIMIT;

const boot = globalThis.gongkaiSearch;
// The index's folder: this file's, whether under its plain name or its versioned one in v/ (search-boot.js).
const BUNDLE = boot?.bundle ?? new URL(/\/v\/[^/]*$/.test(new URL(import.meta.url).pathname) ? "../" : "../pagefind/", import.meta.url).pathname;
// Without the first script, started here the same way: named after the address, it opens the index
// and runs the address's search at once; by its code's version, as search-boot.js starts it.
const WORKER = `${BUNDLE}${globalThis.gongkaiSearchWorker ?? "worker.js"}`;
export const ask = connectSearchWorker(boot?.worker ?? WORKER, boot?.error, `open${location.search}`);
/** Settles when the index is open; rejects when it cannot be. */
export const opened = ask("opened");

/** The order an address asks for. */
export const orderOf = (params) => (["asc", "desc"].includes(params.get("sort")) ? params.get("sort") : "relevance");

/**
 * The search in the address (the Worker reads the same query, filters and order from it and runs it
 * as soon as the index is open). null when the address has no query.
 */
export const early = (() => {
  const query = addressQuery;
  const plan = planQuery(query);
  if (plan.kind === "empty") return null;
  const answer = ask("early");
  answer.catch(() => undefined); // reported when the page uses it
  return { query, order: orderOf(address), terms: plan.terms, answer };
})();
