/**
 * What the page's long tasks are made of, as `npm run search:eval` counts them: the same harness
 * (a fresh page per query opened at "commit", its results awaited in the page's own script, then
 * the network idle), the Long Tasks API's entries of each load, and a Chrome trace of it. Each entry
 * is matched to the trace's main-thread task at that time (the harness's DevTools tasks too, marked)
 * and broken down by the events that took its CPU.
 *
 *   npx tsx bench/search-eval/long-task-traces.ts SITE QUERY_FILE [--rounds N] [--trace DIR] [--min MS] [--throttle RATE]
 *
 * SITE built with pathPrefix /portal/. Prints one line per load (the longest task, its wall and CPU)
 * and, for every task of at least --min ms of wall (default 50), its events. `--throttle`: the page's
 * CPU slowed RATE times (CDP `Emulation.setCPUThrottlingRate`): its costliest tasks stand out.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { TRACE_CATEGORIES, mainThreadTasks, type TraceEvent } from "../../test/helpers/main-thread-tasks.ts";
import { breakdown } from "./trace-breakdown.ts";
import { longTasksOf, searchDoneAt, throttle, watchedContext } from "./watched-context.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "1" },
    trace: { type: "string" },
    min: { type: "string", default: "50" },
    throttle: { type: "string", default: "1" },
  },
});
const [site, queryFile] = positionals;
if (!site || !queryFile)
  throw new Error("用法：long-task-traces.ts 站点 查询文件 [--rounds N] [--trace 目录]");
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean);
const server = await serveStatic(path.resolve(site), { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
const context = await watchedContext(browser, server.url);

const ms = (us: number) => (us / 1000).toFixed(1);
const file = path.join(values.trace ?? "/dev/shm", "long-task-trace.json");
let n = 0;
for (let r = 0; r < Number(values.rounds); r++)
  for (const query of queries) {
    const page = await context.newPage();
    await throttle(context, page, Number(values.throttle));
    await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
    const done = await searchDoneAt(page);
    await page.waitForLoadState("networkidle");
    const lt = await longTasksOf(page);
    await browser.stopTracing();
    await page.close();
    const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
    if (values.trace)
      writeFileSync(path.join(values.trace, `trace-${n}.json`), JSON.stringify({ traceEvents }));
    const tasks = mainThreadTasks(traceEvents, /\/search\//, { harness: true });
    const longest = tasks.reduce((m, t) => (t.wall > (m?.wall ?? -1) ? t : m), tasks[0]);
    const own = tasks.filter((t) => !t.harness);
    const ownLongest = own.reduce((m, t) => Math.max(m, t.wall), 0);
    console.log(
      `#${n} ${query.slice(0, 12)}: done ${Math.round(done)} ms; long tasks (API) ${lt.map(([s, d]) => `${Math.round(d)}@${Math.round(s)}`).join(" ") || "none"}; ` +
        `trace: longest ${ms(longest?.wall ?? 0)} ms wall / ${ms(longest?.cpu ?? 0)} CPU${longest?.harness ? " (harness)" : ""}, page's own longest ${ms(ownLongest)}`,
    );
    for (const t of tasks)
      if (t.wall >= Number(values.min) * 1000)
        console.log(
          `   at ${ms(t.at)} ms${t.harness ? " HARNESS" : ""}: wall ${ms(t.wall)}, CPU ${ms(t.cpu)}, ${t.syncCalls} sync font calls waiting ${ms(t.syncWait)} — ${breakdown(t.inner)}`,
        );
    n++;
  }
await browser.close();
await server.close();
