/**
 * What one traced load of the search page cost, beyond its main thread's tasks one by one: the main
 * thread's CPU in all, its frames (tasks that painted), and the CPU of the threads a frame or the
 * search also keeps busy — the renderer's raster and compositor threads and the search Worker, the GPU
 * process's compositor, the browser's main thread. On a two-core machine these run beside the page's
 * main thread and take the cores its tasks wait for (docs/search.md, task44).
 */
import type { MainThreadTask, TraceEvent } from "../../test/helpers/main-thread-tasks.ts";

export interface LoadWork {
  /** The page's main thread: CPU of all its tasks (ms), and its frames. */
  mainCpu: number;
  frames: number;
  /** The largest task by CPU and by wall (ms). */
  largestCpu: number;
  largestWall: number;
  /** CPU (ms) of the other threads, by name. */
  threads: Record<string, number>;
}

/** The other threads counted, by process and thread name as the trace names them. */
const OTHERS: [string, RegExp, RegExp][] = [
  ["raster", /^Renderer$/, /^ThreadPoolForegroundWorker/],
  ["compositor", /^Renderer$/, /^Compositor$/],
  ["worker", /^Renderer$/, /^DedicatedWorker thread$/],
  ["viz", /^GPU Process$/, /^VizCompositorThread$/],
  ["browser", /^Browser$/, /^CrBrowserMain$/],
];
const TASK = /^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/;

export function loadWork(events: readonly TraceEvent[], tasks: readonly MainThreadTask[]): LoadWork {
  const ms = (us: number) => us / 1000;
  // The renderer of the search page (the one that parsed it): its other threads, not another tab's.
  const page = events.find(
    (e) => e.name === "ParseHTML" && /\/search\//.test(e.args?.beginData?.url ?? ""),
  )?.pid;
  const processName = new Map<number, string>();
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === "M" && e.name === "process_name") processName.set(e.pid, e.args?.name ?? "");
    else if (e.ph === "M" && e.name === "thread_name")
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const threads: Record<string, number> = Object.fromEntries(OTHERS.map(([k]) => [k, 0]));
  // A task run inside another (a nested run loop) counts once, as the outer.
  const endOf = new Map<string, number>();
  for (const e of [...events].filter((e) => e.ph === "X" && TASK.test(e.name)).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (endOf.get(key) ?? -Infinity)) continue;
    endOf.set(key, e.ts + (e.dur ?? 0));
    const proc = processName.get(e.pid) ?? "";
    if (proc === "Renderer" && e.pid !== page) continue;
    const other = OTHERS.find(([, p, t]) => p.test(proc) && t.test(threadName.get(key) ?? ""));
    if (other) threads[other[0]] += ms(e.tdur ?? 0);
  }
  return {
    mainCpu: ms(tasks.reduce((s, t) => s + t.cpu, 0)),
    frames: tasks.filter((t) => t.inner.some((e) => e.name === "Paint")).length,
    largestCpu: ms(Math.max(0, ...tasks.map((t) => t.cpu))),
    largestWall: ms(Math.max(0, ...tasks.map((t) => t.wall))),
    threads,
  };
}
