/**
 * A browser profile whose pages record their main-thread tasks over 50 ms (Long Tasks API) and when
 * their search is done (data-state=done), on the page's own clock; the site's home page is opened once
 * first, unmeasured (a fresh Chromium's first navigation starts the browser itself). The set-up that
 * timeline.ts and long-task-traces.ts share.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";

declare global {
  interface Window {
    __watchedTasks?: [number, number][];
    __watchedDone?: Promise<number>;
  }
}

export async function watchedContext(browser: Browser, homeUrl: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__watchedTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__watchedTasks?.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
    window.__watchedDone = new Promise((resolve) => {
      new MutationObserver((records) => {
        for (const r of records)
          if ((r.target as HTMLElement).dataset.state === "done") resolve(performance.now());
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
    });
  });
  const warm = await context.newPage();
  await warm.goto(homeUrl);
  await warm.close();
  return context;
}

/** When the page showed its results (ms from its navigation start), awaited in the page's own script:
 * Playwright's selector engine would inject a script, a long task of the harness counted as the page's. */
export const searchDoneAt = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    while (!window.__watchedDone) await new Promise((resolve) => setTimeout(resolve, 5));
    return window.__watchedDone;
  });

/** [start, duration] of the page's long tasks so far. */
export const longTasksOf = (page: Page): Promise<[number, number][]> =>
  page.evaluate(() => window.__watchedTasks ?? []);

/** The page's CPU slowed `rate` times (CDP `Emulation.setCPUThrottlingRate`; 1: as it is): the tasks with
 * the most CPU stand out, whatever the machine's load. Before the page's navigation. */
export async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  if (rate > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
}
