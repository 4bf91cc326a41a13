/**
 * Runs queries in the real search page (headless Chromium) and collects, per query, the URLs it
 * returned and the bytes it fetched. The page announces each finished search with a
 * `search-results` event carrying the ids of its results, in order. Long tasks on the page's main
 * thread (over 50 ms, the Long Tasks API) are noted too: searching must never block the page.
 */
import type { Browser, Page } from "playwright-core";

/** Far above any query's time to results (the bar: 1.5 s for the slowest kind). */
const QUERY_LIMIT_MS = 60_000;

export interface QueryOutcome {
  query: string;
  /** Result count the page showed. */
  shown: number;
  urls: string[];
  /** Bytes fetched while this query ran: everything, and the part from the search index (pagefind/). */
  bytes: number;
  indexBytes: number;
  /** Requests the page made for this query, and how many failed. */
  requests: number;
  failed: number;
  /** The same seen from outside: from asking Playwright to open the page to it reporting the results (adds its round trips). */
  ms: number;
  /** The longest task that blocked the page's main thread (Long Tasks API: tasks over 50 ms), 0 if none. */
  longestTask: number;
  /** …of those that started once the page had loaded (DOMContentLoaded): the search's own. */
  longestSearchTask: number;
  /**
   * The largest blocking duration of a long animation frame (the time past 50 ms of its long tasks,
   * rendering included), 0 if none, and of those that started after DOMContentLoaded. The Long Tasks
   * API leaves out a frame that runs no script (style, layout and paint alone: task48.search.md).
   */
  frameBlocking: number;
  frameBlockingAfter: number;
  /**
   * In the page's timeline (from navigation start, the page's own clock): DOMContentLoaded, and the
   * results shown (data-state=done) — time to first results from opening the page.
   */
  loadedMs: number;
  doneMs: number;
}

declare global {
  interface Window {
    __searchResults?: { query: string; ids: Int32Array };
    __longTasks?: [number, number][];
    __doneAt?: number;
    __finished?: Promise<string>;
  }
}

/** The results' page ids; `urlOf` turns them into URLs without loading thousands of records in the page. */
async function idsOf(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window.__searchResults?.ids ?? [])]);
}

/** Opens a fresh page per query (no HTTP caching by the test server: every page loads everything). */
export async function runQueries(
  browser: Browser,
  searchUrl: string,
  queries: readonly string[],
  urlOf: ReadonlyMap<number, string>,
): Promise<QueryOutcome[]> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
    window.__finished = new Promise((resolve) => {
      new MutationObserver((records) => {
        for (const r of records) {
          const state = (r.target as HTMLElement).dataset.state;
          if (state === "done") window.__doneAt ??= performance.now();
          if (state === "done" || state === "error") resolve(state);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    });
    document.addEventListener("search-results", (e) => {
      window.__searchResults = (e as CustomEvent<Window["__searchResults"]>).detail;
    });
  });
  // A freshly started Chromium spends its first navigation starting itself (processes, fonts):
  // the site's home page is opened once first, unmeasured (the server sends no caching headers,
  // so nothing the search page needs comes from a cache).
  const warm = await context.newPage();
  await warm.goto(new URL("../", searchUrl).href);
  await warm.close();
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const page = await context.newPage();
    let bytes = 0;
    let indexBytes = 0;
    let requests = 0;
    let failed = 0;
    page.on("request", () => requests++);
    page.on("requestfailed", () => failed++);
    page.on("requestfinished", (req) => {
      void req.sizes().then(
        (s) => {
          const size = s.responseBodySize + s.responseHeadersSize;
          bytes += size;
          if (req.url().includes("/pagefind/")) indexBytes += size;
        },
        () => undefined,
      );
    });
    const start = performance.now();
    // Not waiting for the load event: results may come before it (the search starts from <head>).
    await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`, { waitUntil: "commit" });
    // Waited for in the page's own script context: Playwright's selector engine would inject its
    // script into the page, a long task of the harness counted as the page's.
    // Within a limit: a page that never finishes (a site removed while served, a script stuck)
    // ends the run with its query named instead of holding it for ever.
    const state = await Promise.race([
      page.evaluate(async () => {
        while (!window.__finished) await new Promise((resolve) => setTimeout(resolve, 5));
        return window.__finished;
      }),
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), QUERY_LIMIT_MS).unref()),
    ]);
    const ms = performance.now() - start;
    if (state === "timeout") throw new Error(`「${query}」的搜索 ${QUERY_LIMIT_MS / 1000} s 内未出结果`);
    if (state === "error") throw new Error(`search failed for ${query}`);
    const shown = Number(
      await page.evaluate(() => document.getElementById("search-app")?.dataset.resultCount ?? "0"),
    );
    await page.waitForLoadState("networkidle");
    const timeline = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return {
        loadedMs: nav?.domContentLoadedEventEnd ?? 0,
        doneMs: window.__doneAt ?? 0,
        tasks: window.__longTasks ?? [],
        // Read from the browser's buffer once the load is over, not observed while it runs (an observer's
        // callbacks would be tasks of the page's main thread): `takeRecords` returns the buffered entries.
        frames: (() => {
          const observer = new PerformanceObserver(() => undefined);
          observer.observe({ type: "long-animation-frame", buffered: true });
          const entries = observer.takeRecords() as (PerformanceEntry & { blockingDuration: number })[];
          observer.disconnect();
          return entries.map((e): [number, number] => [e.startTime, e.blockingDuration]);
        })(),
      };
    });
    const longest = (tasks: [number, number][]) => Math.max(0, ...tasks.map(([, d]) => d));
    const measured = {
      bytes,
      indexBytes,
      requests,
      failed,
      longestTask: longest(timeline.tasks),
      longestSearchTask: longest(timeline.tasks.filter(([start]) => start >= timeline.loadedMs)),
      frameBlocking: longest(timeline.frames),
      frameBlockingAfter: longest(timeline.frames.filter(([start]) => start >= timeline.loadedMs)),
      loadedMs: timeline.loadedMs,
      doneMs: timeline.doneMs,
    };
    outcomes.push({
      query,
      shown,
      urls: (await idsOf(page)).map((id) => urlOf.get(id) ?? `?${id}`),
      ...measured,
      ms,
    });
    await page.close();
  }
  await context.close();
  return outcomes;
}
