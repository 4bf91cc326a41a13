/**
 * The search page: a search field, filter lists with counts, results with an excerpt and the
 * matches marked, a "load more" button. The searching runs in a Worker (search-worker.js) over
 * the portal's own index, so typing and scrolling never wait for it.
 *
 * Loaded from <head> as a module (layouts/search.ts), laid end to end with the modules it imports in
 * `pagefind/search-page.js` (src/search/worker-bundle.ts): it runs once the body is parsed. By then
 * the page's first script (search-boot.js) has started the Worker, which opens the index and runs
 * the search in the address while the page is parsed, laid out and painted (search-start.js).
 */
import { INDEX_CHANGED, QUERY_LIMIT, planQuery } from "./search-query.js";
import { el, renderResult } from "./search-result.js";
import { FIRST_SHOWN, PAGE_SIZE, address, addressCut, addressQuery, ask, early, opened, orderOf } from "./search-start.js";
import { sayUnavailable } from "./search-unavailable.js";
import { nextTask } from "./search-tasks.js";
import { watchUpload } from "./search-waiting.js";

const parsed =
  document.readyState === "loading"
    ? new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }))
    : Promise.resolve();

let app, form, input, status, list, more, filterKeys;
/** The filter lists, once filled (fillFilterOptions); the latest search's counts, shown in them. */
let filled = null;
let lastCounts = {};
let searchId = 0;
let shown = [];
let visible = 0;
let highlight = [];
let pendingEarly = early;
/** Searches the form's query again (set once the page started). */
let searchNow = () => undefined;

function selectedFilters() {
  const filters = {};
  for (const [key] of filterKeys) {
    const value = form.elements[key]?.value;
    if (value) filters[key] = value;
  }
  return filters;
}

/**
 * Every value each filter can take with the latest search's counts, and the controls shown.
 * Filled when the 筛选 disclosure is first opened, or at once when the address selects a filter or
 * an order: hundreds of options (and a select's width is its longest option's) are
 * text the browser lays out (on a machine without a CJK font, every character a font-fallback
 * lookup), a main-thread task of 20–40 ms that a reader who never opens the filters need not wait on.
 */
function fillFilterOptions() {
  // With the counts of the search shown, if any, so the lists appear with them.
  const id = searchId;
  filled ??= opened.then(() => Promise.all([ask("filters"), id ? ask("counts") : lastCounts])).then(([all, counts]) => {
    form.querySelector(".search-controls").hidden = false;
    const current = new URLSearchParams(location.search);
    for (const [key, label] of filterKeys) {
      const select = form.elements[key];
      const values = new Set(all[key] ?? []);
      const chosen = select.value || current.get(key) || "";
      select.replaceChildren(el("option", { value: "" }, `全部${label}`), ...[...values].map((v) => el("option", { value: v }, v)));
      select.value = values.has(chosen) ? chosen : "";
      select.closest(".search-filter").hidden = values.size === 0;
    }
    showCounts(id === searchId ? counts : lastCounts);
  });
  return filled;
}

function showCounts(counts) {
  lastCounts = counts;
  if (!filled) return;
  for (const [key, label] of filterKeys) {
    for (const option of form.elements[key].options) {
      if (!option.value) continue;
      const n = counts[key]?.[option.value] ?? 0;
      option.textContent = `${option.value}（${n}）`;
    }
    form.elements[key].options[0].textContent = `全部${label}`;
  }
}

/** The next results' data (URL, metadata with a piece of the page's text), from the worker. */
function dataOf(ids) {
  return ask("data", { ids: [...ids], terms: highlight });
}

/** The batches of results being shown, one after the other (a click on 加载更多结果 waits for the one before). */
let showing = Promise.resolve();

/**
 * Shows the next `count` results of search `id` (`ready`: their data, when the answer brought it);
 * `firstShown` is called once the first of them are on the page. While they
 * load the list is aria-busy and 加载更多结果 hidden.
 */
function showMore(id, count, ready, firstShown = () => undefined) {
  const run = showing.then(async () => {
    if (id !== searchId) return;
    const next = shown.slice(visible, visible + count);
    list.setAttribute("aria-busy", "true");
    more.hidden = true;
    const datas = ready ?? (await dataOf(next));
    if (id !== searchId) return;
    if (datas.includes(null)) return firstShown();
    // All in one frame: a frame is a main-thread task (style, layout, paint) and raster and compositor
    // work besides, whatever it lays out; the first six results take 4–7 ms of its CPU (docs/search.md, task44).
    list.append(...datas.map((data) => renderResult(data, highlight)));
    firstShown();
    visible += next.length;
    list.removeAttribute("aria-busy");
    more.hidden = visible >= shown.length;
  });
  showing = run.catch(() => undefined);
  return run;
}

function setStatus(...parts) {
  status.replaceChildren(...parts);
}

const sameFilters = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The answer to this search: the one sent from the address if it is the same search, else a new one. */
async function answerOf(query, { terms, passage }, filters, order) {
  const sent = pendingEarly;
  pendingEarly = null;
  if (sent && sent.query === query && sent.order === order && sent.terms.join("\n") === terms.join("\n")) {
    const answer = await sent.answer;
    if (answer && sameFilters(answer.filters, filters)) return answer;
  }
  return ask("search", { terms, passage, filters, order, first: FIRST_SHOWN, counts: filled !== null });
}

async function search() {
  const id = ++searchId;
  const query = input.value;
  const plan = planQuery(query);
  const filters = selectedFilters();
  const params = new URLSearchParams();
  if (query.trim()) params.set("q", query.trim());
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  const order = form.elements.sort.value;
  if (order !== "relevance") params.set("sort", order);
  // Not when the address says this search already (the page's first): a history entry replaced is a
  // round trip to the browser, in the first search's task.
  if (new URLSearchParams(location.search).toString() !== params.toString())
    history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  if (plan.kind === "empty") {
    list.replaceChildren();
    more.hidden = true;
    setStatus(query.trim() ? "请输入文字或数字进行搜索。" : "请输入关键词，例如：行政许可、低保、食品安全。");
    Object.assign(app.dataset, { state: "done", query: query.trim(), resultCount: "0" });
    return;
  }
  setStatus("正在搜索…");
  watchUpload(ask, () => id === searchId && app.dataset.state === "searching", setStatus);
  const { ids: results, counts, data } = await answerOf(query, plan, filters, order);
  if (id !== searchId) return;
  list.replaceChildren();
  list.removeAttribute("aria-busy");
  showing = Promise.resolve();
  more.hidden = true;
  highlight = plan.terms;
  shown = results;
  visible = 0;
  // The answer has the counts when the lists were filled as it was asked; else they are asked now.
  if (counts) showCounts(counts);
  else if (filled) ask("counts").then((c) => id === searchId && showCounts(c), showError);
  const label = el("strong", {}, query.trim());
  // The address's query cut to the forms' limit (a link made elsewhere): the reader is told.
  const cut = addressCut && query === addressQuery ? `搜索词超过 ${QUERY_LIMIT} 字，只搜索了前 ${QUERY_LIMIT} 字。` : "";
  setStatus(results.length ? `找到 ${results.length} 条含“` : "没有找到含“", label, results.length ? "”的结果。" : "”的页面。请换一个关键词或减少筛选条件。", cut);
  app.dataset.resultCount = String(results.length);
  // For the measurement harness and tests: the ids of every result of this search, in order.
  app.dispatchEvent(new CustomEvent("search-results", { bubbles: true, detail: { query, ids: results } }));
  // Once its first results are on the page the search is done (the harness's time to results: the
  // first three, laid out in the next frame as the first six were before); the rest of the first
  // six follow a frame later, then the rest of the first ten, the list aria-busy meanwhile.
  await showMore(id, data.length, data, () => Object.assign(app.dataset, { state: "done", query: query.trim() }));
  if (id !== searchId) return;
  if (visible < Math.min(PAGE_SIZE, shown.length)) await showMore(id, PAGE_SIZE - visible);
}

async function start() {
  await parsed;
  // The task that ran this module also dispatches DOMContentLoaded, and the browser's form tracking
  // (autofill) lays the page out in it: the page's own start is a task after it, not more of it.
  await nextTask();
  app = document.getElementById("search-app");
  form = document.querySelector(".search-page-form");
  input = document.getElementById("search-q");
  status = document.getElementById("search-status");
  list = document.getElementById("search-results");
  more = document.getElementById("search-more");
  /** [key, label] of each filter, as the page's markup declares them (layouts/search.ts). */
  filterKeys = [...form.querySelectorAll("select[id^='search-filter-']")].map((select) => [select.name, select.labels[0]?.textContent ?? select.name]);
  // Only what differs is set: every change of a form control has the browser's form tracking
  // (autofill) lay the page out in a task of its own.
  const query = addressQuery;
  if (input.value !== query) input.value = query;
  if (form.elements.sort.value !== orderOf(address)) form.elements.sort.value = orderOf(address);
  app.dataset.state = "searching";
  const disclosure = form.querySelector(".search-disclosure");
  disclosure.addEventListener("toggle", () => disclosure.open && fillFilterOptions().catch(showError));
  if (disclosure.open || address.has("sort") || filterKeys.some(([key]) => address.get(key))) await fillFilterOptions();
  opened.catch(showError); // an index that cannot be opened is said at once, even with no query
  let timer = 0;
  searchNow = () => {
    app.dataset.state = "searching";
    search().catch(showError);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    searchNow();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(searchNow, 300);
  });
  for (const select of form.querySelectorAll("select")) select.addEventListener("change", searchNow);
  more.addEventListener("click", () => showMore(searchId, PAGE_SIZE).catch(showError));
  searchNow();
}

function showError(error) {
  // More results or counts of a search made before a deploy: the search runs again on the new index.
  if (String(error?.message ?? error).includes(INDEX_CHANGED)) return searchNow();
  sayUnavailable();
  console.error(error);
}

start().catch(showError);
