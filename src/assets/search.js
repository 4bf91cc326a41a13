/**
 * The search page: a search field, filter lists with counts, results with an excerpt and the
 * matches marked, a "load more" button. The searching runs in a Worker (search-worker.js) over
 * the portal's own index, so typing and scrolling never wait for it.
 */
import { planQuery } from "./search-query.js";
import { el, renderResult } from "./search-result.js";
import { connectSearchWorker } from "./search-client.js";

const PAGE_SIZE = 10;
const app = document.getElementById("search-app");
const form = document.querySelector(".search-page-form");
/** [key, label] of each filter, as the page's markup declares them (layouts/search.ts). */
const FILTERS = [...form.querySelectorAll("select[id^='search-filter-']")].map((select) => [select.name, select.labels[0]?.textContent ?? select.name]);
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const bundle = app.dataset.bundle;

let searchId = 0;
let shown = [];
let visible = 0;
let highlight = [];

const ask = connectSearchWorker();

let opened = null;
let filling = Promise.resolve();

/** Opens the index in the worker once. */
function openIndex() {
  opened ??= ask("open", { bundle });
  return opened;
}

function selectedFilters() {
  const filters = {};
  for (const [key] of FILTERS) {
    const value = form.elements[key]?.value;
    if (value) filters[key] = value;
  }
  return filters;
}

/** Every value each filter can take, with its count over the whole portal. */
async function fillFilterOptions() {
  const all = await ask("filters");
  for (const [key, label] of FILTERS) {
    const select = form.elements[key];
    const values = new Set(Object.keys(all[key] ?? {}));
    const current = new URLSearchParams(location.search).get(key) ?? "";
    const sorted = [...values].sort((a, b) => (key === "year" ? b.localeCompare(a) : a.localeCompare(b, "zh-CN")));
    select.replaceChildren(el("option", { value: "" }, `全部${label}`), ...sorted.map((v) => el("option", { value: v }, v)));
    select.value = values.has(current) ? current : "";
    select.closest(".search-filter").hidden = values.size === 0;
  }
}

function showCounts(counts) {
  for (const [key, label] of FILTERS) {
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

async function showMore(id, ready) {
  const next = shown.slice(visible, visible + PAGE_SIZE);
  const datas = ready ?? (await dataOf(next));
  if (id !== searchId || datas.includes(null)) return;
  list.append(...datas.map((data) => renderResult(data, highlight)));
  visible += next.length;
  more.hidden = visible >= shown.length;
}

function setStatus(...parts) {
  status.replaceChildren(...parts);
}

async function search() {
  const id = ++searchId;
  const query = input.value;
  const plan = planQuery(query);
  const params = new URLSearchParams();
  if (query.trim()) params.set("q", query.trim());
  for (const [key, value] of Object.entries(selectedFilters())) params.set(key, value);
  const order = form.elements.sort.value;
  if (order !== "relevance") params.set("sort", order);
  history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  list.replaceChildren();
  more.hidden = true;
  if (plan.kind === "empty") {
    setStatus(query.trim() ? "请输入文字或数字进行搜索。" : "请输入关键词，例如：行政许可、低保、食品安全。");
    Object.assign(app.dataset, { state: "done", query: query.trim(), resultCount: "0" });
    return;
  }
  setStatus("正在搜索…");
  await openIndex();
  const [{ ids: results, counts, data }] = await Promise.all([
    ask("search", { terms: plan.terms, filters: selectedFilters(), order, first: PAGE_SIZE }),
    filling,
  ]);
  if (id !== searchId) return;
  highlight = plan.terms;
  shown = results;
  visible = 0;
  showCounts(counts);
  const label = el("strong", {}, query.trim());
  setStatus(results.length ? `找到 ${results.length} 条含“` : "没有找到含“", label, results.length ? "”的结果。" : "”的页面。请换一个关键词或减少筛选条件。");
  app.dataset.resultCount = String(results.length);
  // For the measurement harness and tests: the ids of every result of this search, in order.
  app.dispatchEvent(new CustomEvent("search-results", { bubbles: true, detail: { query, ids: results } }));
  await showMore(id, data);
  if (id === searchId) Object.assign(app.dataset, { state: "done", query: query.trim() });
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  const sort = params.get("sort");
  form.elements.sort.value = sort === "asc" || sort === "desc" ? sort : "relevance";
  form.querySelector(".search-controls").hidden = false;
  await openIndex();
  // The filter lists are filled while the first search runs (its counts wait for them).
  filling = fillFilterOptions();
  let timer = 0;
  const searchNow = () => {
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
  more.addEventListener("click", () => showMore(searchId).catch(showError));
  searchNow();
}

function showError(error) {
  setStatus("搜索暂时不可用，请稍后再试，或通过网站地图查找信息。");
  app.dataset.state = "error";
  console.error(error);
}

start().catch(showError);
