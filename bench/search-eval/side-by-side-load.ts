/**
 * One measured load of the search page for side-by-side.ts: a fresh page opened at "commit", its
 * results awaited in the page's own script, then the network idle. Each load has a time limit: a page
 * that never reports its results (or a browser call that never returns) is reported with what it
 * was doing, not waited on — session 20's A/A run waited on one page for 10 minutes.
 */
import type { BrowserContext, Page } from "playwright-core";

declare global {
  interface Window {
    __tasks?: [number, number][];
    __finishedAt?: Promise<number>;
    __releasedAt?: number;
  }
}

/** What one load gave, on the page's own clock (ms from navigation start). */
export interface Load {
  /** Results shown (data-state=done). */
  done: number;
  /** The longest Long Tasks API entry, 0 if none. */
  task: number;
  /** Every Long Tasks API entry: [start, duration] (ms from navigation start). */
  tasks: [number, number][];
  /** DOMContentLoaded's end. */
  loaded: number;
  /** First paint (0 if none was reported). */
  painted: number;
  /** When <html> was shown again after a hold (`display: none` removed), 0 if it was not held. */
  released: number;
  /** The Worker's time origin (its start, which Chromium completes on the page's main thread), 0 if none. */
  worker: number;
}

/** A load that did not finish within its limit, or failed: what the page was doing then. */
export interface Stuck {
  url: string;
  reason: string;
  /** The page's own account (readyState, data-state, the hold, the status line), or why there was none. */
  page: string;
  /** Requests sent and neither finished nor failed. */
  pending: string[];
  errors: string[];
}

/** The init script of every page: long tasks, the results' time, the end of a hold. */
export function observe() {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks?.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
  window.__finishedAt = new Promise((resolve, reject) => {
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as HTMLElement;
        if (r.attributeName === "style") {
          if (target === document.documentElement && r.oldValue?.includes("display") && !target.style.display)
            window.__releasedAt = performance.now();
          continue;
        }
        const state = target.dataset.state;
        if (state === "done") resolve(performance.now());
        if (state === "error") reject(new Error("search failed"));
      }
    }).observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ["data-state", "style"],
    });
  });
}

const sleep = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms));

async function measure(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: "commit" });
  const done = await page.evaluate(async () => {
    while (!window.__finishedAt) await new Promise((resolve) => setTimeout(resolve, 5));
    return window.__finishedAt;
  });
  await page.waitForLoadState("networkidle");
  const [worker] = page.workers();
  const workerOrigin = worker ? await worker.evaluate(() => performance.timeOrigin) : 0;
  return page.evaluate(
    ([done, workerOrigin]) => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-paint")[0];
      return {
        done,
        task: Math.max(0, ...(window.__tasks ?? []).map(([, d]) => d)),
        tasks: window.__tasks ?? [],
        loaded: nav.domContentLoadedEventEnd,
        painted: paint?.startTime ?? 0,
        released: window.__releasedAt ?? 0,
        worker: workerOrigin ? workerOrigin - performance.timeOrigin : 0,
      };
    },
    [done, workerOrigin] as const,
  );
}

/** What a stuck page says of itself, if its main thread answers within 2 s. */
async function pageState(page: Page): Promise<string> {
  const state = page
    .evaluate(() => {
      const app = document.getElementById("search-app");
      return JSON.stringify({
        readyState: document.readyState,
        state: app?.dataset.state ?? null,
        held: document.documentElement.style.display === "none",
        observed: Boolean(window.__finishedAt),
        status: document.getElementById("search-status")?.textContent ?? null,
        at: Math.round(performance.now()),
      });
    })
    .catch((e: Error) => `evaluate failed: ${e.message.split("\n")[0]}`);
  const answer = await Promise.race([state, sleep(2000)]);
  return answer === "timeout" ? "no answer in 2 s (main thread busy, or the renderer gone)" : answer;
}

/**
 * One load of `url` in a new page of `context` (made by `newContext` when given: a fresh profile,
 * closed after), within `limitMs` from opening the page to its network idle.
 */
export async function loadOnce(
  url: string,
  limitMs: number,
  context: BrowserContext | (() => Promise<BrowserContext>),
): Promise<Load | Stuck> {
  const pending = new Set<string>();
  const errors: string[] = [];
  let page: Page | undefined;
  let own: BrowserContext | undefined;
  const run = async () => {
    own = typeof context === "function" ? await context() : undefined;
    page = await (own ?? (context as BrowserContext)).newPage();
    page.on("request", (r) => pending.add(r.url()));
    page.on("requestfinished", (r) => pending.delete(r.url()));
    page.on("requestfailed", (r) => {
      pending.delete(r.url());
      errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
    });
    page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
    page.on("crash", () => errors.push("renderer crashed"));
    return measure(page, url);
  };
  let result: Load | Stuck;
  try {
    const outcome = await Promise.race([run(), sleep(limitMs)]);
    result =
      outcome === "timeout"
        ? {
            url,
            reason: `no results within ${limitMs} ms`,
            page: page ? await pageState(page) : "no page yet",
            pending: [...pending],
            errors,
          }
        : outcome;
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0];
    result = { url, reason, page: page ? await pageState(page) : "no page", pending: [...pending], errors };
  }
  // A hung renderer must not hang the harness either.
  await Promise.race([
    (async () => (await page?.close(), await own?.close()))().catch(() => undefined),
    sleep(5000),
  ]);
  return result;
}

export const isStuck = (x: Load | Stuck): x is Stuck => "reason" in x;
