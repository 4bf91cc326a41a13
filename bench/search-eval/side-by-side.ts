/**
 * Two copies of a built site (before and after a change to the search page), the same queries
 * run on both interleaved in one browser, a fresh page per query: time to results on the page's
 * own clock and main-thread tasks over 50 ms. Under a shared machine's changing load this compares
 * what one run after the other cannot.
 *
 *   npx tsx bench/search-eval/side-by-side.ts BEFORE_SITE AFTER_SITE QUERY_FILE [ROUNDS] [--fresh]
 *
 * Both sites built with pathPrefix /portal/ (as for `npm run search:eval -- --site`). `--fresh`: every
 * page load a reader's first visit (a new browser profile each: nothing remembered, nothing cached);
 * otherwise one profile per site, its home page opened first, so only each site's first search is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "../../test/helpers/serve.ts";
import type { BrowserContext } from "playwright-core";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";

declare global {
  interface Window {
    __tasks?: number[];
    __finishedAt?: Promise<number>;
  }
}

const fresh = process.argv.includes("--fresh");
const [before, after, queryFile, rounds = "3"] = process.argv.slice(2).filter((a) => a !== "--fresh");
if (!before || !after || !queryFile)
  throw new Error("用法：side-by-side.ts 改前站点 改后站点 查询文件 [轮数]");
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean);
const variants = ["before", "after"] as const;
const servers = {
  before: await serveStatic(path.resolve(before), { prefix: "/portal/", headers: SECURITY_HEADERS }),
  after: await serveStatic(path.resolve(after), { prefix: "/portal/", headers: SECURITY_HEADERS }),
};
const browser = await launchBrowser();
/** A browser profile that records each page's long tasks and when its search is done. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(observe);
  return context;
}
function observe() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks?.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
  window.__finishedAt = new Promise((resolve, reject) => {
    new MutationObserver((records) => {
      for (const r of records) {
        const state = (r.target as HTMLElement).dataset.state;
        if (state === "done") resolve(performance.now());
        if (state === "error") reject(new Error("search failed"));
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
}
const context = await newContext();
for (const v of variants) {
  const warm = await context.newPage();
  await warm.goto(servers[v].url);
  await warm.close();
}
const rows = {
  before: [] as { done: number; task: number; loaded: number }[],
  after: [] as { done: number; task: number; loaded: number }[],
};
for (let r = 0; r < Number(rounds); r++)
  for (const query of queries)
    for (const v of r % 2 ? [...variants].reverse() : variants) {
      const own = fresh ? await newContext() : undefined;
      const page = await (own ?? context).newPage();
      await page.goto(`${servers[v].url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
      const done = await page.evaluate(async () => {
        while (!window.__finishedAt) await new Promise((resolve) => setTimeout(resolve, 5));
        return window.__finishedAt;
      });
      await page.waitForLoadState("networkidle");
      const [task, loaded] = await page.evaluate(() => [
        Math.max(0, ...(window.__tasks ?? [])),
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
          .domContentLoadedEventEnd,
      ]);
      rows[v].push({ done, task: task ?? 0, loaded: loaded ?? 0 });
      await page.close();
      await own?.close();
    }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const v of variants) {
  const rs = rows[v];
  console.log(
    `${v}：${rs.length} 次；出结果中位数 ${Math.round(median(rs.map((x) => x.done)))} ms，最慢 ${Math.round(Math.max(...rs.map((x) => x.done)))} ms；` +
      `主线程任务超过 50 ms 的页面 ${rs.filter((x) => x.task > 50).length} 个，每页最长任务中位数 ${Math.round(median(rs.map((x) => x.task)))} ms，最长 ${Math.round(Math.max(...rs.map((x) => x.task)))} ms`,
  );
}
// Pair by pair (the same query in the same round, one load right after the other).
const diffs = rows.before.map((b, i) => rows.after[i].done - b.done);
const loadedDiffs = rows.before.map((b, i) => rows.after[i].loaded - b.loaded);
console.log(
  `成对比较：after 出结果更快 ${diffs.filter((d) => d < 0).length} / ${diffs.length} 对，差值中位数 ${Math.round(median(diffs))} ms；` +
    `DOMContentLoaded 差值中位数 ${Math.round(median(loadedDiffs))} ms；` +
    `每页最长任务 after 更短 ${rows.before.filter((b, i) => rows.after[i].task < b.task).length} 对，更长 ${rows.before.filter((b, i) => rows.after[i].task > b.task).length} 对`,
);
await browser.close();
for (const v of variants) await servers[v].close();
