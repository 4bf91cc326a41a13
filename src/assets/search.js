/**
 * The search page, on Pagefind's JS API. A small UI of our own rather than Pagefind's
 * Component UI, because every query is rewritten into a phrase of character tokens first
 * (search-query.js) and the index is split into shards that are searched together. It keeps
 * Pagefind UI's conventions: a search field, filter lists with counts, results with an excerpt
 * and the match marked, a "load more" button.
 */
import { planQuery } from "./search-query.js";
import { intersectTerms, orderResults } from "./search-rank.js";
import { el, plainMeta, renderResult } from "./search-result.js";

const PAGE_SIZE = 10;
/** Shards searched at once: each loads its own index chunks, so this bounds the requests in flight. */
const SHARDS_AT_ONCE = 4;
const app = document.getElementById("search-app");
const form = document.querySelector(".search-page-form");
/** [key, label] of each filter, as the page's markup declares them (layouts/search.ts). */
const FILTERS = [...form.querySelectorAll("select[id^='search-filter-']")].map((select) => [select.name, select.labels[0]?.textContent ?? select.name]);
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const bundle = app.dataset.bundle;

let shards = null;
/** Bundle folder of each shard, relative to the bundle ("0/", "1/" …). */
let manifestDirs = [];
let searchId = 0;
let shown = [];
let visible = 0;
let highlight = [];


/** Loads pagefind.js once and opens one Pagefind instance per shard. */
async function openShards() {
  if (shards) return shards;
  const manifest = await (await fetch(`${bundle}shards.json`)).json();
  manifestDirs = manifest.shards;
  // One copy of pagefind.js per shard, each from its own bundle: instances created from one copy
  // share its WebAssembly bindings, and with several indexes loaded their searches fail.
  // noWorker: Pagefind's shared web worker fails the same way.
  shards = await Promise.all(
    manifest.shards.map(async (dir) => (await import(`${bundle}${dir}pagefind.js`)).createInstance({ basePath: `${bundle}${dir}`, noWorker: true })),
  );
  await Promise.all(shards.map((s) => s.init()));
  return shards;
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
  const all = await Promise.all(shards.map((s) => s.filters()));
  for (const [key, label] of FILTERS) {
    const select = form.elements[key];
    const values = new Set(all.flatMap((f) => Object.keys(f[key] ?? {})));
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

function addCounts(into, counts) {
  for (const [key, values] of Object.entries(counts ?? {})) {
    into[key] ??= {};
    for (const [value, n] of Object.entries(values)) into[key][value] = (into[key][value] ?? 0) + n;
  }
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

/** Each shard's pages by filter value (key → value → ids), for counting results of several terms. */
const facetMaps = new Map();

async function facetsOf(shard, k) {
  if (!facetMaps.has(k)) {
    facetMaps.set(
      k,
      (async () => {
        const all = await shard.filters();
        const byId = new Map();
        for (const [key] of FILTERS) {
          for (const value of Object.keys(all[key] ?? {})) {
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
async function runSearch(plan, filters, order) {
  const sort = { date: "desc" };
  const counts = {};
  const perShard = await eachShard(async (s, shard) => {
    const answers = [];
    for (const phrase of plan.phrases) {
      const answer = await s.search(phrase, { filters, sort });
      answers.push(answer);
      if (!answer.results.length) break;
    }
    const found = answers.length < plan.phrases.length ? [] : intersectTerms(answers.map((a) => a.results));
    if (plan.phrases.length === 1) addCounts(counts, answers[0].filters);
    else if (found.length) {
      const facets = await facetsOf(s, shard);
      for (const r of found) {
        for (const [key, value] of Object.entries(facets.get(r.raw.id) ?? {})) addCounts(counts, { [key]: { [value]: 1 } });
      }
    }
    return found.map((r) => ({ ...r, shard, data: null }));
  });
  return { results: orderResults(perShard.flat(), order), counts };
}

/** Text chunks of the shards (src/search/index-step.ts), each fetched once. */
const textChunks = new Map();

function textChunk(shard, n) {
  const url = `${bundle}${manifestDirs[shard]}text/${n}.json`;
  if (!textChunks.has(url)) textChunks.set(url, fetch(url).then((r) => r.json()));
  return textChunks.get(url);
}

/** A result's Pagefind data, with its page text put back into `meta.text`. */
async function dataOf(result) {
  result.data ??= result.raw.data().then(async (data) => {
    const [n, i] = (data.meta.textRef ?? "").split("/");
    if (n !== undefined && i !== undefined) data.meta.text = (await textChunk(result.shard, n))[Number(i)] ?? "";
    return data;
  });
  return result.data;
}

async function showMore(id) {
  const next = shown.slice(visible, visible + PAGE_SIZE);
  const datas = await Promise.all(next.map(dataOf));
  if (id !== searchId) return;
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
  await openShards();
  const { results, counts } = await runSearch(plan, selectedFilters(), order);
  if (id !== searchId) return;
  highlight = plan.terms;
  shown = results;
  visible = 0;
  showCounts(counts);
  const label = el("strong", {}, query.trim());
  setStatus(results.length ? `找到 ${results.length} 条含“` : "没有找到含“", label, results.length ? "”的结果。" : "”的页面。请换一个关键词或减少筛选条件。");
  app.dataset.resultCount = String(results.length);
  // For the measurement harness and tests: every result of this search (Pagefind results, with `raw.data()`).
  app.dispatchEvent(new CustomEvent("search-results", { bubbles: true, detail: { query, results } }));
  await showMore(id);
  if (id === searchId) Object.assign(app.dataset, { state: "done", query: query.trim() });
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  const sort = params.get("sort");
  form.elements.sort.value = sort === "asc" || sort === "desc" ? sort : "relevance";
  form.querySelector(".search-controls").hidden = false;
  await openShards();
  await fillFilterOptions();
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
