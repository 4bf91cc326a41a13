/**
 * Two copies of a built site (before and after a change to the search page), the same queries
 * run on both interleaved in one browser, a fresh page per query: time to results on the page's
 * own clock and main-thread tasks over 50 ms. Under a shared machine's changing load this compares
 * what one run after the other cannot. The same site given twice is an A/A run: the spread of its
 * pair differences is the harness's and the machine's, against which an A/B difference is read.
 *
 *   npx tsx bench/search-eval/side-by-side.ts BEFORE_SITE AFTER_SITE QUERY_FILE [ROUNDS] [--fresh] [--limit MS] [--also SITE] [--json FILE]
 *
 * Both sites built with pathPrefix /portal/ (as for `npm run search:eval -- --site`). `--fresh`: every
 * page load a reader's first visit (a new browser profile each: nothing remembered, nothing cached);
 * otherwise one profile per site, its home page opened first, so only each site's first search is.
 * `--limit`: the time a load may take before it is reported as stuck (with the page's own account and
 * its unfinished requests) and its pair left out (default 20000 ms). `--also`: a third site loaded in
 * the same turns (the order rotated each round), compared with BEFORE as AFTER is — BEFORE's hard-linked
 * copy there gives the A/A spread under the very load of the A/B pairs. `--json FILE`: every load's
 * figures (undefined where it was stuck) and the stuck loads, for a closer look. `--latency MS`: every
 * response waits MS first, as over a network (latency-proxy.ts): what a removed round trip is worth there.
 * `--ui-before`: BEFORE's loads in a second browser that keeps the omnibox popup every new tab loads
 * (test/helpers/browser-features.ts; the harness before session 35): the same site given twice then
 * shows what the popup costs the page.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { BrowserContext } from "playwright-core";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { withLatency } from "./latency-proxy.ts";
import { isStuck, loadOnce, observe, type Load, type Stuck } from "./side-by-side-load.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    fresh: { type: "boolean", default: false },
    limit: { type: "string", default: "20000" },
    also: { type: "string" },
    json: { type: "string" },
    latency: { type: "string", default: "0" },
    "ui-before": { type: "boolean", default: false },
  },
});
const [before, after, queryFile, rounds = "3"] = positionals;
if (!before || !after || !queryFile)
  throw new Error(
    "用法：side-by-side.ts 改前站点 改后站点 查询文件 [轮数] [--fresh] [--limit 毫秒] [--also 站点] [--json 文件] [--latency 毫秒]",
  );
const limitMs = Number(values.limit);
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean);
const sites = { before, after, ...(values.also ? { also: values.also } : {}) };
type Variant = keyof typeof sites;
const variants = Object.keys(sites) as Variant[];
/** A site's server; with `--latency`, each response waits that long first (latency-proxy.ts). */
async function served(site: string) {
  const own = await serveStatic(path.resolve(site), { prefix: "/portal/", headers: SECURITY_HEADERS });
  return Number(values.latency) > 0 ? withLatency(own, Number(values.latency)) : own;
}
const servers = Object.fromEntries(
  await Promise.all(variants.map(async (v) => [v, await served(sites[v]!)])),
) as Record<Variant, Awaited<ReturnType<typeof serveStatic>>>;
const browser = await launchBrowser();
const uiBrowser = values["ui-before"] ? await launchBrowser([], { browserUi: true }) : browser;
const browserOf = (v: Variant) => (v === "before" ? uiBrowser : browser);
/** A browser profile that records each page's long tasks and when its search is done. */
async function newContext(v: Variant) {
  const context = await browserOf(v).newContext();
  await context.addInitScript(observe);
  return context;
}
const contexts = Object.fromEntries(
  await Promise.all(variants.map(async (v) => [v, await newContext(v)] as const)),
) as Record<Variant, BrowserContext>;
for (const v of variants) {
  const warm = await contexts[v].newPage();
  await warm.goto(servers[v].url);
  await warm.close();
}
/** Each variant's loads, the same index the same query of the same round (undefined: stuck). */
const rows = Object.fromEntries(variants.map((v) => [v, [] as (Load | undefined)[]])) as Record<
  Variant,
  (Load | undefined)[]
>;
const stuck: Stuck[] = [];
for (let r = 0; r < Number(rounds); r++)
  for (const query of queries)
    for (const v of [...variants.slice(r % variants.length), ...variants.slice(0, r % variants.length)]) {
      const url = `${servers[v].url}search/?q=${encodeURIComponent(query)}`;
      const load = await loadOnce(url, limitMs, values.fresh ? () => newContext(v) : contexts[v]);
      if (isStuck(load)) {
        stuck.push(load);
        console.log(`${v} 第 ${r + 1} 轮「${query}」未完成：${load.reason}；页面 ${load.page}`);
        console.log(
          `  未完成的请求 ${load.pending.length} 个 ${load.pending.slice(0, 5).join(" ")}；${load.errors.join("；")}`,
        );
      }
      rows[v].push(isStuck(load) ? undefined : load);
    }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => Math.round(x);
for (const v of variants) {
  const rs = rows[v].filter((x): x is Load => x !== undefined);
  const released = rs.filter((x) => x.released > 0);
  console.log(
    `${v}：${rs.length} 次（未完成 ${rows[v].length - rs.length}）；出结果中位数 ${ms(median(rs.map((x) => x.done)))} ms，最慢 ${ms(Math.max(...rs.map((x) => x.done)))} ms；` +
      `主线程任务超过 50 ms 的页面 ${rs.filter((x) => x.task > 50).length} 个，最长 ${ms(Math.max(...rs.map((x) => x.task)))} ms；` +
      `DOMContentLoaded 中位数 ${ms(median(rs.map((x) => x.loaded)))} ms，首次绘制 ${ms(median(rs.map((x) => x.painted)))} ms，` +
      `Worker 启动 ${ms(median(rs.map((x) => x.worker)))} ms；` +
      `隐藏后显示 ${released.length} 次，中位数 ${ms(median(released.map((x) => x.released)))} ms`,
  );
}
// Every long task counted, not only each load's longest: under load most loads have one, and what a
// change moves is how many there are and whether they come before the page is ready or after.
for (const v of variants) {
  const rs = rows[v].filter((x): x is Load => x !== undefined);
  const all = rs.flatMap((x) => x.tasks);
  const after = rs.flatMap((x) => x.tasks.filter(([start]) => start >= x.loaded));
  const sum = (ts: [number, number][]) => ms(ts.reduce((s, [, d]) => s + d, 0));
  console.log(
    `${v}：长任务共 ${all.length} 个（${sum(all)} ms），DOMContentLoaded 之后 ${after.length} 个（${sum(after)} ms）；` +
      `有长任务的页面 ${rs.filter((x) => x.tasks.length).length} 个，DOMContentLoaded 之后有的 ${rs.filter((x) => x.tasks.some(([start]) => start >= x.loaded)).length} 个；` +
      `每页长任务数中位数 ${median(rs.map((x) => x.tasks.length))}`,
  );
}
const spread = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => ms(sorted[Math.floor(q * (sorted.length - 1))] ?? 0);
  return `中位数 ${at(0.5)} ms（四分位 ${at(0.25)} … ${at(0.75)}）`;
};
// Pair by pair with BEFORE (the same query in the same round, loaded in the same turn); pairs with a
// stuck load are left out.
for (const v of variants.slice(1)) {
  const pairs = rows.before.flatMap((b, i) => {
    const a = rows[v][i];
    return a && b ? [[b, a] as const] : [];
  });
  const diff = (key: Exclude<keyof Load, "tasks">) => pairs.map(([b, a]) => a[key] - b[key]);
  console.log(
    `${v} − before，${pairs.length} 对：${v} 出结果更快 ${diff("done").filter((d) => d < 0).length} 对，差值${spread(diff("done"))}；` +
      `DOMContentLoaded 差值${spread(diff("loaded"))}；首次绘制差值${spread(diff("painted"))}；Worker 启动差值${spread(diff("worker"))}；` +
      `每页最长任务 ${v} 更短 ${pairs.filter(([b, a]) => a.task < b.task).length} 对，更长 ${pairs.filter(([b, a]) => a.task > b.task).length} 对`,
  );
}
if (values.json) writeFileSync(values.json, JSON.stringify({ queries, rounds: Number(rounds), rows, stuck }));
if (stuck.length) console.log(`未完成的加载 ${stuck.length} 次（见上）`);
await browser.close();
if (uiBrowser !== browser) await uiBrowser.close();
for (const v of variants) await servers[v].close();
