/**
 * 全站群搜索 (src/platform/search.ts): one Worker (the sites' own search-worker.js) opens every
 * site's index and searches them all, or the one site the 站点 filter names; results are merged
 * (title matches first, then newest first) and link into the site that holds them. Each 站点
 * option shows how many results that site has.
 */
import { INDEX_CHANGED, planQuery } from "./search-query.js";
import { renderResult } from "./search-result.js";
import { connectSearchWorker } from "./search-client.js";
import { watchUpload } from "./search-waiting.js";

const PAGE_SIZE = 10;
const app = document.getElementById("search-app");
const form = document.querySelector(".platform-search-form");
const input = document.getElementById("search-q");
const siteSelect = document.getElementById("search-site");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const bundle = new URL(app.dataset.bundle, location.href).href;

// The Worker's one-file copy beside this script's (src/platform/search.ts), or its module unbundled.
const ask = connectSearchWorker(
  new URL(globalThis.gongkaiSearchWorker ?? "./search-worker.js", import.meta.url),
);

let sites = [];
let opened;
let searchId = 0;

/** The 站点 options with each site's result count (none before a search). */
function showSiteCounts(perSite) {
  for (const option of siteSelect.options) {
    const k = sites.findIndex((s) => s.key === option.value);
    if (k < 0) continue;
    option.textContent = perSite ? `${sites[k].name}（${perSite[k]}）` : sites[k].name;
  }
}

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
    showSiteCounts();
    Object.assign(app.dataset, { state: "done", resultCount: "0" });
    return;
  }
  status.textContent = "正在搜索…";
  watchUpload(
    ask,
    () => id === searchId && app.dataset.state === "searching",
    (text) => (status.textContent = text),
  );
  await opened;
  const chosen = sites.findIndex((s) => s.key === key);
  const {
    ids,
    sites: perSite,
    data,
  } = await ask("search", {
    terms: plan.terms,
    passage: plan.passage,
    filters: {},
    order: "relevance",
    first: PAGE_SIZE,
    ...(chosen >= 0 ? { sites: [chosen] } : {}),
  });
  if (id !== searchId) return;
  // Counts for every site, whichever is chosen: a search over all of them when one was chosen.
  if (chosen < 0) showSiteCounts(perSite);
  status.textContent = ids.length ? `找到 ${ids.length} 条结果。` : "没有找到结果。";
  app.dataset.resultCount = String(ids.length);
  let shown = 0;
  const show = (datas) => {
    for (const entry of datas) {
      const site = sites[entry.site];
      const li = renderResult(entry, plan.terms);
      li.querySelector("a").href = new URL(entry.path, site.home).href;
      const label = document.createElement("span");
      label.className = "search-result-site";
      label.textContent = `［${site.name}］`;
      li.querySelector(".search-result-meta").prepend(label);
      li.dataset.site = site.key;
      list.append(li);
    }
    shown += datas.length;
    more.hidden = shown >= ids.length;
  };
  more.onclick = () =>
    ask("data", { ids: [...ids.subarray(shown, shown + PAGE_SIZE)], terms: plan.terms }).then(
      (datas) => id === searchId && show(datas),
      showError,
    );
  show(data);
  if (chosen >= 0) {
    const all = await ask("search", {
      terms: plan.terms,
      passage: plan.passage,
      filters: {},
      order: "relevance",
      first: 0,
    });
    if (id === searchId) showSiteCounts(all.sites);
  }
  if (id === searchId) app.dataset.state = "done";
}

/** A search that failed, or a platform index that could not be opened (its sites.json, a site's index). */
function showError(error) {
  // More results of a search made before a deploy: the search runs again on the new index.
  if (String(error?.message ?? error).includes(INDEX_CHANGED)) return run();
  status.textContent = "搜索暂时不可用，请稍后再试。";
  app.dataset.state = "error";
  console.error(error);
}

/** Searches the form's query again. */
function run() {
  app.dataset.state = "searching";
  search().catch(showError);
}

async function start() {
  sites = await (await fetch(`${bundle}sites.json`)).json();
  opened = ask("open", { bundles: sites.map((s) => `${bundle}${s.key}/`) });
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  siteSelect.value = sites.some((s) => s.key === params.get("site")) ? params.get("site") : "";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  siteSelect.addEventListener("change", run);
  run();
}

start().catch(showError);
