/**
 * The search page's main-thread tasks by their CPU time, for two copies of a site loaded in turns
 * (A B B A …), each load traced: what a change to the page costs or saves in CPU, which the machine's
 * load does not move the way it moves wall times. `--throttle RATE` slows the page's CPU RATE times
 * (CDP `Emulation.setCPUThrottlingRate`), as a slower machine would run it. Each task is named by its
 * kind: Chromium's navigation commit, the head's parse (with search-head.js), the end of parsing
 * (the deferred module, DOMContentLoaded and the browser's form tracking), a frame (style, layout,
 * paint), a script task (the canvas font matches, the answer's handler), other; and, per kind, the
 * synchronous calls to the browser (font matches and lookups, storage) that crossed to it — each a
 * wait for the browser's threads, up to 140 ms on a busy machine for 0.1 ms of work.
 *
 *   npx tsx bench/search-eval/task-cpu.ts SITE_A SITE_B QUERY_FILE [--rounds N] [--throttle RATE]
 *
 * Both sites built with pathPrefix /portal/. Prints, per site and kind, the median and largest CPU of
 * a load's largest task of that kind (ms), and each load's largest task; per site, the spread of a
 * load's largest task (CPU and wall), its main thread's CPU and frames, and the CPU of the threads
 * beside it (load-work.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import {
  TRACE_CATEGORIES,
  mainThreadTasks,
  type MainThreadTask,
  type TraceEvent,
} from "../../test/helpers/main-thread-tasks.ts";
import { searchDoneAt, throttle, watchedContext } from "./watched-context.ts";
import { loadWork, type LoadWork } from "./load-work.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "2" },
    throttle: { type: "string", default: "1" },
    trace: { type: "string", default: "/dev/shm" },
  },
});
const [siteA, siteB, queryFile] = positionals;
if (!siteA || !siteB || !queryFile)
  throw new Error("用法：task-cpu.ts 站点A 站点B 查询文件 [--rounds N] [--throttle 倍数]");
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean);
const file = path.join(values.trace, "task-cpu-trace.json");

/** A task's kind, from the events inside it. */
function kindOf(t: MainThreadTask): string {
  const names = new Set(t.inner.map((e) => e.name));
  if (names.has("DocumentLoader::CommitNavigation")) return "commit";
  if (names.has("Document::FinishedParsing")) return "parse-end";
  if (
    t.inner.some(
      (e) => e.name === "EvaluateScript" && /search-head(\.[0-9a-f]{12})?\.js/.test(e.args?.data?.url ?? ""),
    )
  )
    return "head";
  if (names.has("ParseHTML")) return "parse";
  if (names.has("Paint") || names.has("LocalFrameView::performLayout"))
    return names.has("FunctionCall") ? "frame+script" : "frame";
  if (names.has("FunctionCall") || names.has("EvaluateScript") || names.has("v8.evaluateModule"))
    return "script";
  return "other";
}

const sites = { A: siteA, B: siteB } as const;
type Side = keyof typeof sites;
const served = Object.fromEntries(
  await Promise.all(
    (Object.keys(sites) as Side[]).map(async (s) => [
      s,
      await serveStatic(path.resolve(sites[s]), { prefix: "/portal/", headers: SECURITY_HEADERS }),
    ]),
  ),
) as Record<Side, Awaited<ReturnType<typeof serveStatic>>>;
const browser = await launchBrowser();
const contexts = Object.fromEntries(
  await Promise.all(
    (Object.keys(sites) as Side[]).map(async (s) => [s, await watchedContext(browser, served[s].url)]),
  ),
) as Record<Side, Awaited<ReturnType<typeof watchedContext>>>;
const byKind: Record<Side, Map<string, number[]>> = { A: new Map(), B: new Map() };
/** Synchronous calls to the browser that crossed (a cache hit in the renderer takes a few µs), per kind. */
const crossings: Record<Side, Map<string, number>> = { A: new Map(), B: new Map() };
const CROSSING_US = 50;
const SYNC =
  /^(WebSandboxSupportLinux::|FontDataService::MatchFamilyName|ContentSettingsManager::AllowStorageAccess|StorageArea::GetAll)/;
const largest: Record<Side, number[]> = { A: [], B: [] };
const works: Record<Side, LoadWork[]> = { A: [], B: [] };
const ms = (us: number) => us / 1000;
let turn = 0;
for (let r = 0; r < Number(values.rounds); r++)
  for (const query of queries) {
    const order: Side[] = turn++ % 2 ? ["B", "A"] : ["A", "B"];
    for (const side of order) {
      const page = await contexts[side].newPage();
      await throttle(contexts[side], page, Number(values.throttle));
      await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
      await page.goto(`${served[side].url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
      await searchDoneAt(page);
      await page.waitForLoadState("networkidle");
      await browser.stopTracing();
      await page.close();
      const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
      const tasks = mainThreadTasks(traceEvents);
      const kinds = new Map<string, number>();
      for (const t of tasks) {
        kinds.set(kindOf(t), Math.max(kinds.get(kindOf(t)) ?? 0, ms(t.cpu)));
        const n = t.inner.filter((e) => SYNC.test(e.name) && (e.dur ?? 0) > CROSSING_US).length;
        crossings[side].set(kindOf(t), (crossings[side].get(kindOf(t)) ?? 0) + n);
      }
      for (const [k, v] of kinds) byKind[side].set(k, [...(byKind[side].get(k) ?? []), v]);
      works[side].push(loadWork(traceEvents, tasks));
      const top = tasks.reduce((m, t) => (t.cpu > m.cpu ? t : m), tasks[0]);
      largest[side].push(ms(top.cpu));
      console.log(
        `${side} ${query.slice(0, 14)}: largest ${ms(top.cpu).toFixed(1)} ms CPU (${kindOf(top)}); ${[...kinds].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`,
      );
    }
  }
await browser.close();
await Promise.all(Object.values(served).map((s) => s.close()));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? 0;
const spread = (xs: number[]) =>
  `median ${median(xs).toFixed(1)}, p90 ${p90(xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
for (const side of ["A", "B"] as Side[]) {
  console.log(
    `${side} (${sites[side]}): a load's largest task median ${median(largest[side]).toFixed(1)}, largest ${Math.max(...largest[side]).toFixed(1)} ms CPU`,
  );
  for (const [k, v] of [...byKind[side]].sort())
    console.log(
      `   ${k}: median ${median(v).toFixed(1)}, largest ${Math.max(...v).toFixed(1)} (${v.length} loads); synchronous calls to the browser ${((crossings[side].get(k) ?? 0) / largest[side].length).toFixed(1)} a load`,
    );
  const w = works[side];
  console.log(
    `   a load's largest task: CPU ${spread(w.map((x) => x.largestCpu))}; wall ${spread(w.map((x) => x.largestWall))} ms`,
  );
  console.log(
    `   a load's main thread: CPU ${spread(w.map((x) => x.mainCpu))} ms; frames ${spread(w.map((x) => x.frames))}`,
  );
  console.log(
    `   other threads' CPU a load (median ms): ${Object.keys(w[0]?.threads ?? {})
      .map((k) => `${k} ${median(w.map((x) => x.threads[k] ?? 0)).toFixed(1)}`)
      .join(", ")}`,
  );
}
