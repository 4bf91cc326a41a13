/**
 * The search page's main-thread tasks, read from a Chrome trace (Playwright's `startTracing` with
 * the `toplevel`, `devtools.timeline`, `blink` and `fonts` categories): each task's wall time, its
 * CPU time (the thread's own, `tdur`: on a busy machine a task's wall is mostly waiting for a core),
 * and the synchronous font calls it made to the browser process (a family matched, a fallback font
 * for a character, a size's rendering settings): each one a wait for browser threads, up to 50 ms
 * on a loaded two-core machine for 0.1 ms of work (docs/search.md, "The page's main thread").
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    beginData?: { url?: string };
    data?: { url?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

export interface MainThreadTask {
  /** µs from the first task of the page's main thread. */
  at: number;
  wall: number;
  cpu: number;
  /** The synchronous font calls to the browser made in it. */
  syncCalls: number;
  /** …and the synchronous calls of opening localStorage (its permission, its contents). */
  storageCalls: number;
  /** …and how long they waited beyond their own CPU (µs). */
  syncWait: number;
  /** Every event inside it (for a breakdown). */
  inner: TraceEvent[];
  /** A task of the test harness's DevTools messages (listed only with `{ harness: true }`). */
  harness?: boolean;
}

/** Tasks the scheduler runs: each top-level slice of the main thread is one of them. */
const TASK = /^(ThreadControllerImpl::RunTask|RunTask)$/;
/** The renderer's synchronous font calls to the browser (one event per call that crossed). */
export const SYNC_FONT_CALL = /^(WebSandboxSupportLinux::|FontDataService::MatchFamilyName)/;
/** The renderer's synchronous calls to the browser when a page first touches localStorage. */
export const SYNC_STORAGE_CALL = /^(ContentSettingsManager::AllowStorageAccess|StorageArea::GetAll)$/;

/** The mojo interface of DevTools' messages to the page (the test harness's protocol). */
const DEVTOOLS = "blink.mojom.DevToolsSession";

/** The main thread that parsed a page whose URL matches `page`: its pid and tid, if any. */
function mainThread(events: TraceEvent[], page: RegExp): { pid: number; tid: number } | undefined {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const parse = events.find(
    (e) =>
      e.name === "ParseHTML" && page.test(e.args?.beginData?.url ?? "") && mains.has(`${e.pid}:${e.tid}`),
  );
  return parse ? { pid: parse.pid, tid: parse.tid } : undefined;
}

/** Every top-level task of the main thread of the page at `page` (default: the search page), in order,
 * but those of the test harness's DevTools messages (with `harness`: those too, marked). */
export function mainThreadTasks(
  events: TraceEvent[],
  page = /\/search\//,
  { harness = false } = {},
): MainThreadTask[] {
  const main = mainThread(events, page);
  if (!main) return [];
  const own = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // A task run inside another (a nested run loop) counts once, as the outer.
  const top: TraceEvent[] = [];
  for (const e of own) {
    if (!TASK.test(e.name)) continue;
    const last = top.at(-1);
    if (!last || e.ts >= last.ts + (last.dur ?? 0)) top.push(e);
  }
  const origin = top[0]?.ts ?? 0;
  return top.flatMap((t) => {
    const end = t.ts + (t.dur ?? 0);
    const inner = own.filter(
      (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end && !TASK.test(e.name),
    );
    // The harness's, not the page's: a DevTools message (Playwright injecting its 330 KB script for
    // waitForSelector, its evaluations), 15–50 ms of CPU in one task under load.
    const fromHarness = inner.some((e) => e.args?.chrome_mojo_event_info?.mojo_interface_tag === DEVTOOLS);
    if (fromHarness && !harness) return [];
    const sync = inner.filter((e) => SYNC_FONT_CALL.test(e.name));
    const task: MainThreadTask = {
      at: t.ts - origin,
      wall: t.dur ?? 0,
      cpu: t.tdur ?? 0,
      syncCalls: sync.length,
      storageCalls: inner.filter((e) => SYNC_STORAGE_CALL.test(e.name)).length,
      syncWait: sync.reduce((s, e) => s + (e.dur ?? 0) - (e.tdur ?? 0), 0),
      inner,
      ...(fromHarness ? { harness: true } : {}),
    };
    return [task];
  });
}

/** The trace categories that show these tasks: "mojom" and "fonts" for the synchronous calls' events. */
export const TRACE_CATEGORIES = ["devtools.timeline", "blink", "toplevel", "loading", "fonts", "mojom"];

/**
 * The main-thread tasks of the page at `pageUrl` (default: the search page) while `load` runs on `page`
 * (its navigation and whatever it waits for), from a Chrome trace written to `file`.
 */
export async function tracedTasks(
  browser: Browser,
  page: Page,
  file: string,
  load: () => Promise<unknown>,
  pageUrl?: RegExp,
): Promise<MainThreadTask[]> {
  await browser.startTracing(page, { path: file, categories: TRACE_CATEGORIES });
  try {
    await load();
  } finally {
    await browser.stopTracing();
  }
  const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  return mainThreadTasks(traceEvents, pageUrl);
}

/** A task as a failed assertion names it: when, its CPU and wall time, the synchronous calls it waited on. */
export const describedTask = (t: MainThreadTask): string =>
  `task at ${(t.at / 1000).toFixed(1)} ms: CPU ${(t.cpu / 1000).toFixed(1)} ms, wall ${(t.wall / 1000).toFixed(1)} ms, ${t.syncCalls} sync font calls, ${t.storageCalls} storage calls`;
