/**
 * The time line of one search from a fresh page, on the page's own clock (ms from navigation start):
 * the HTML, DOMContentLoaded, first paint, every request (page's and Worker's) from sent to
 * done, main-thread tasks over 50 ms, the results shown. With `--trace`, a Chrome trace of each
 * page is written beside (trace-N.json) with the main thread's layouts and the renderer's
 * synchronous font-fallback lookups counted.
 *
 *   npx tsx bench/search-eval/timeline.ts SITE QUERY [--runs N] [--trace DIR]
 *
 * SITE built with pathPrefix /portal/ (as for `npm run search:eval -- --site`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { longTasksOf, searchDoneAt, watchedContext } from "./watched-context.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "1" }, trace: { type: "string" } },
});
const [site, query] = positionals;
if (!site || !query) throw new Error("用法：timeline.ts 站点 查询 [--runs N] [--trace 目录]");
const server = await serveStatic(path.resolve(site), { prefix: "/portal/", headers: SECURITY_HEADERS });
const browser = await launchBrowser();
const context = await watchedContext(browser, server.url);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/** Layouts on the page's main thread and font-fallback lookups, from a trace. */
function traceSummary(file: string): string {
  const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  const layouts = traceEvents.filter((e) => e.name === "Layout" && e.ph === "X");
  const fallbacks = traceEvents.filter((e) => /FallbackFontForCharacter|FontFallback/.test(e.name));
  const total = (es: TraceEvent[]) => Math.round(es.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000);
  return `layouts ${layouts.length} (${total(layouts)} ms), font fallback events ${fallbacks.length} (${total(fallbacks)} ms)`;
}

for (let run = 0; run < Number(values.runs); run++) {
  const page = await context.newPage();
  const requests: { url: string; start: number; end: number; from: string }[] = [];
  const traceFile = values.trace ? path.join(values.trace, `trace-${run}.json`) : undefined;
  if (traceFile)
    await browser.startTracing(page, {
      path: traceFile,
      categories: ["devtools.timeline", "blink", "toplevel", "loading", "fonts", "mojom"],
    });
  await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
  const done = await searchDoneAt(page);
  await page.waitForLoadState("networkidle");
  if (traceFile) await browser.stopTracing();
  const timeline = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      origin: performance.timeOrigin,
      html: nav.responseEnd,
      interactive: nav.domInteractive,
      dcl: nav.domContentLoadedEventEnd,
      paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0,
    };
  });
  // The page's requests and the Worker's, each from its own performance timeline.
  const own = () =>
    performance.getEntriesByType("resource").map((e) => ({
      url: e.name,
      start: performance.timeOrigin + e.startTime,
      end: performance.timeOrigin + (e as PerformanceResourceTiming).responseEnd,
    }));
  const timelines = [{ from: "page", entries: await page.evaluate(own) }];
  for (const worker of page.workers())
    timelines.push({ from: "worker", entries: await worker.evaluate(own) });
  for (const { from, entries } of timelines)
    for (const r of entries)
      requests.push({ ...r, from, url: r.url.replace(server.url, "").replace(/\?v=[0-9a-f]+/, "") });
  // The Worker's time origin and its marks (search-worker.js), on the page's clock.
  const workerMarks: [number, string][] = [];
  for (const worker of page.workers())
    for (const [t, name] of await worker.evaluate(() => [
      [performance.timeOrigin, "Worker's time origin"] as [number, string],
      ...performance
        .getEntriesByType("mark")
        .map((m): [number, string] => [performance.timeOrigin + m.startTime, `Worker: ${m.name}`]),
    ]))
      workerMarks.push([t - timeline.origin, name]);
  const events: [number, string][] = [
    ...workerMarks,
    [timeline.html, "HTML in"],
    [timeline.interactive, "body parsed"],
    [timeline.dcl, "DOMContentLoaded"],
    [timeline.paint, "first contentful paint"],
    [done, "results shown (data-state=done)"],
    ...(await longTasksOf(page)).map(([s, d]): [number, string] => [s, `long task ${Math.round(d)} ms`]),
    ...requests.map((r): [number, string] => [
      r.start - timeline.origin,
      `${r.from} ${r.url} → ${Math.round(r.end - timeline.origin)}`,
    ]),
  ];
  console.log(`\n# ${query} — run ${run + 1}: results at ${Math.round(done)} ms`);
  for (const [t, what] of events.sort((a, b) => a[0] - b[0]))
    console.log(`${String(Math.round(t)).padStart(6)}  ${what}`);
  if (traceFile) console.log(traceSummary(traceFile));
  await page.close();
}
await browser.close();
await server.close();
