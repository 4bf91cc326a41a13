/**
 * Many loads of the search page, each long task named: the Long Tasks API's entries (what
 * `npm run search:eval` counts) and the long-animation-frame entries of the same load (their render
 * and style/layout parts, and the scripts that ran in them, by source and function). The same harness
 * as the eval (one profile, its home page opened first, a fresh page per query opened at "commit", its
 * results awaited in the page's own script, then the network idle); no trace, so no tracing overhead.
 *
 *   npx tsx bench/search-eval/loaf-loads.ts SITE QUERY_FILE [--rounds N] [--json FILE] [--min MS] [--throttle RATE]
 *
 * SITE built with pathPrefix /portal/. Prints one line per load with a task or frame of at least
 * --min ms (default 50), then a summary: loads with a long task, the longest, by kind. `--throttle`:
 * the page's CPU slowed RATE times (CDP `Emulation.setCPUThrottlingRate`), so that the tasks with the
 * most CPU stand out whatever the machine's load.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { throttle } from "./watched-context.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "1" },
    json: { type: "string" },
    min: { type: "string", default: "50" },
    throttle: { type: "string", default: "1" },
  },
});
const [site, queryFile] = positionals;
if (!site || !queryFile)
  throw new Error("用法：loaf-loads.ts 站点 查询文件 [--rounds N] [--json 文件] [--min 毫秒]");
const queries = readFileSync(queryFile, "utf8").split("\n").filter(Boolean);
const min = Number(values.min);

interface Frame {
  start: number;
  duration: number;
  blocking: number;
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: {
    src: string;
    fn: string;
    invoker: string;
    type: string;
    start: number;
    duration: number;
    forcedLayout: number;
  }[];
}
interface Load {
  query: string;
  round: number;
  dcl: number;
  done: number;
  tasks: [number, number][];
  frames: Frame[];
}

declare global {
  interface Window {
    __lt?: [number, number][];
    __loaf?: Frame[];
    __loafDoneAt?: Promise<number>;
  }
}

const server = await serveStatic(path.resolve(site), { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
const context = await browser.newContext();
await context.addInitScript(() => {
  window.__lt = [];
  window.__loaf = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lt?.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    // A long-animation-frame entry (not in TypeScript's DOM types yet).
    type Loaf = PerformanceEntry & {
      blockingDuration: number;
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: (PerformanceEntry & {
        sourceURL: string;
        sourceFunctionName: string;
        invoker: string;
        invokerType: string;
        forcedStyleAndLayoutDuration: number;
      })[];
    };
    for (const e of list.getEntries() as Loaf[])
      window.__loaf?.push({
        start: e.startTime,
        duration: e.duration,
        blocking: e.blockingDuration,
        renderStart: e.renderStart,
        styleAndLayoutStart: e.styleAndLayoutStart,
        scripts: e.scripts.map((s) => ({
          src: s.sourceURL.replace(/^.*\//, ""),
          fn: s.sourceFunctionName,
          invoker: s.invoker,
          type: s.invokerType,
          start: s.startTime,
          duration: s.duration,
          forcedLayout: s.forcedStyleAndLayoutDuration,
        })),
      });
  }).observe({ type: "long-animation-frame", buffered: true });
  window.__loafDoneAt = new Promise((resolve) => {
    new MutationObserver((records) => {
      for (const r of records)
        if ((r.target as HTMLElement).dataset.state === "done") resolve(performance.now());
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  });
});
const warm = await context.newPage();
await warm.goto(server.url);
await warm.close();

const r = (n: number) => Math.round(n);
/** A frame's parts: scripts, then style and layout, then the rest of the render (paint, commit). */
function describe(f: Frame): string {
  const render = f.renderStart ? f.start + f.duration - f.renderStart : 0;
  const layout = f.styleAndLayoutStart ? f.start + f.duration - f.styleAndLayoutStart : 0;
  const scripts = f.scripts
    .filter((s) => s.duration >= 1)
    .map(
      (s) =>
        `${s.src || "?"}:${s.fn || s.invoker}(${s.type}) ${r(s.duration)}${s.forcedLayout >= 1 ? ` forced ${r(s.forcedLayout)}` : ""}`,
    )
    .join("; ");
  return `frame ${r(f.duration)} @${r(f.start)} (render ${r(render)}, style+layout ${r(layout)}) ${scripts || "no script ≥ 1 ms"}`;
}

const loads: Load[] = [];
for (let round = 0; round < Number(values.rounds); round++)
  for (const query of queries) {
    const page = await context.newPage();
    await throttle(context, page, Number(values.throttle));
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
    const done = await page.evaluate(async () => {
      while (!window.__loafDoneAt) await new Promise((resolve) => setTimeout(resolve, 5));
      return window.__loafDoneAt;
    });
    await page.waitForLoadState("networkidle");
    const got = await page.evaluate(() => ({
      dcl: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd,
      tasks: window.__lt ?? [],
      frames: window.__loaf ?? [],
    }));
    await page.close();
    const load = { query, round, done, ...got };
    loads.push(load);
    const long = load.tasks.filter(([, d]) => d >= min);
    const longFrames = load.frames.filter((f) => f.duration >= min);
    if (long.length || longFrames.length) {
      console.log(
        `${query.slice(0, 16)} #${round}: DCL ${r(load.dcl)}, done ${r(done)}; tasks ${long.map(([s, d]) => `${r(d)}@${r(s)}`).join(" ") || "none"}`,
      );
      for (const f of longFrames) {
        const held = long.filter(([s, d]) => s >= f.start - 1 && s + d <= f.start + f.duration + 1);
        console.log(`   ${held.length ? "TASK " : ""}${describe(f)}`);
      }
    }
  }
await browser.close();
await server.close();
if (values.json) writeFileSync(values.json, JSON.stringify(loads));

const longest = (l: Load) => Math.max(0, ...l.tasks.map(([, d]) => d));
const withLong = loads.filter((l) => longest(l) >= min);
const after = loads.filter((l) => l.tasks.some(([s, d]) => d >= min && s >= l.dcl));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  `${loads.length} loads: ${withLong.length} with a task ≥ ${min} ms (${after.length} after DCL), longest ${r(Math.max(0, ...loads.map(longest)))} ms; done median ${r(median(loads.map((l) => l.done)))} ms`,
);
