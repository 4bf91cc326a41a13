/**
 * 全站群搜索 (src/platform/search.ts): the sites' own search worker over every site's shards,
 * or over one site's when the 站点 filter is set. Results link into the site that holds them.
 */
import { planQuery } from "./search-query.js";
import { renderResult } from "./search-result.js";

const PAGE_SIZE = 10;
const app = document.getElementById("search-app");
const form = document.querySelector(".platform-search-form");
const input = document.getElementById("search-q");
const siteSelect = document.getElementById("search-site");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const bundle = new URL(app.dataset.bundle, location.href).href;
const pagesBase = new URL("../", bundle).pathname;

/** One worker per bundle: all sites, or one site's shards. */
const workers = new Map();
let callId = 0;

function workerFor(key) {
  if (!workers.has(key)) {
    const worker = new Worker(new URL("./search-worker.js", import.meta.url), { type: "module" });
    const pending = new Map();
    worker.onmessage = (event) => {
      const { id, value, error } = event.data;
      const call = pending.get(id);
      pending.delete(id);
      if (error === undefined) call?.resolve(value);
      else call?.reject(new Error(error));
    };
    const ask = (type, args = {}) =>
      new Promise((resolve, reject) => {
        const id = ++callId;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, type, ...args });
      });
    const opened = ask("open", { bundle: key ? `${bundle}${key}/` : bundle });
    workers.set(key, { ask, opened });
  }
  return workers.get(key);
}

let sites = [];
let searchId = 0;

async function search() {
  const id = ++searchId;
  const query = input.value.trim();
  const key = siteSelect.value;
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (key) params.set("site", key);
  history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
  list.replaceChildren();
  more.hidden = true;
  const plan = planQuery(query);
  if (plan.kind === "empty") {
    status.textContent = "请输入关键词。";
    Object.assign(app.dataset, { state: "done", resultCount: "0" });
    return;
  }
  status.textContent = "正在搜索…";
  const { ask, opened } = workerFor(key);
  await opened;
  // Shard k of this bundle belongs to this site.
  const shardSite = key
    ? sites.find((s) => s.key === key).shards.map(() => sites.find((s) => s.key === key))
    : sites.flatMap((s) => s.shards.map(() => s));
  const { results } = await ask("search", {
    terms: plan.terms,
    phrases: plan.phrases,
    filters: {},
    order: "relevance",
  });
  if (id !== searchId) return;
  status.textContent = results.length ? `找到 ${results.length} 条结果。` : "没有找到结果。";
  app.dataset.resultCount = String(results.length);
  let shown = 0;
  const showMore = async () => {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const datas = await ask("data", { items: next.map((r) => ({ shard: r.shard, id: r.raw.id })) });
    if (id !== searchId || datas.includes(null)) return;
    datas.forEach((data, i) => {
      const site = shardSite[next[i].shard];
      const li = renderResult(data, plan.terms);
      const link = li.querySelector("a");
      // Pagefind puts the folder above pagefind/ (this page's /platform/) before the site URLs it stores.
      const at = new URL(data.url, location.href);
      const rel =
        (at.pathname.startsWith(pagesBase) ? at.pathname.slice(pagesBase.length) : at.pathname.slice(1)) +
        at.search +
        at.hash;
      link.href = new URL(rel, site.home).href;
      const label = document.createElement("span");
      label.className = "search-result-site";
      label.textContent = `［${site.name}］`;
      li.querySelector(".search-result-meta").prepend(label);
      li.dataset.site = site.key;
      list.append(li);
    });
    shown += next.length;
    more.hidden = shown >= results.length;
  };
  more.onclick = () => showMore();
  await showMore();
  if (id === searchId) app.dataset.state = "done";
}

async function start() {
  sites = await (await fetch(`${bundle}sites.json`)).json();
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  siteSelect.value = sites.some((s) => s.key === params.get("site")) ? params.get("site") : "";
  const run = () => {
    app.dataset.state = "searching";
    search().catch((error) => {
      status.textContent = "搜索暂时不可用，请稍后再试。";
      app.dataset.state = "error";
      console.error(error);
    });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  siteSelect.addEventListener("change", run);
  run();
}

start();
