/**
 * bench/search-eval/load-work.ts: what a traced load of the search page cost its main thread and the
 * threads beside it (task-cpu.ts prints it). A made-up trace: two renderers (the search page's and
 * another tab's), the GPU process and the browser, a nested task.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadWork } from "../../bench/search-eval/load-work.ts";
import { mainThreadTasks, type TraceEvent } from "../helpers/main-thread-tasks.ts";

const meta = (pid: number, tid: number, name: string, thread: string): TraceEvent[] => [
  { name: "process_name", ph: "M", ts: 0, pid, tid, args: { name } },
  { name: "thread_name", ph: "M", ts: 0, pid, tid, args: { name: thread } },
];
const task = (
  pid: number,
  tid: number,
  ts: number,
  dur: number,
  tdur: number,
  name = "RunTask",
): TraceEvent => ({
  name,
  ph: "X",
  ts,
  dur,
  tdur,
  pid,
  tid,
});

const events: TraceEvent[] = [
  ...meta(1, 10, "Renderer", "CrRendererMain"),
  ...meta(1, 11, "Renderer", "ThreadPoolForegroundWorker"),
  ...meta(1, 12, "Renderer", "DedicatedWorker thread"),
  ...meta(2, 20, "Renderer", "ThreadPoolForegroundWorker"),
  ...meta(3, 30, "GPU Process", "VizCompositorThread"),
  ...meta(4, 40, "Browser", "CrBrowserMain"),
  // The page's main thread: a parse, then a frame that painted (wall 60 ms for 9 ms of CPU).
  task(1, 10, 0, 4000, 3000),
  {
    name: "ParseHTML",
    ph: "X",
    ts: 100,
    dur: 1000,
    tdur: 1000,
    pid: 1,
    tid: 10,
    args: { beginData: { url: "http://x/portal/search/?q=a" } },
  },
  task(1, 10, 10_000, 60_000, 9000),
  { name: "Paint", ph: "X", ts: 11_000, dur: 1000, tdur: 1000, pid: 1, tid: 10 },
  // Raster: a task with one nested inside it (counted once, as the outer).
  task(1, 11, 10_000, 5000, 4000, "ThreadPool_RunTask"),
  task(1, 11, 11_000, 1000, 1000, "ThreadPool_RunTask"),
  task(1, 12, 0, 3000, 2500),
  // Another tab's renderer: not the page's.
  task(2, 20, 0, 9000, 9000, "ThreadPool_RunTask"),
  task(3, 30, 0, 2000, 1500),
  task(4, 40, 0, 7000, 6000),
];

test("a load's work: the page's main thread, its frames and largest task, and the threads beside it", () => {
  const work = loadWork(events, mainThreadTasks(events));
  assert.equal(work.mainCpu, 12);
  assert.equal(work.frames, 1);
  assert.equal(work.largestCpu, 9);
  assert.equal(work.largestWall, 60);
  assert.deepEqual(work.threads, { raster: 4, compositor: 0, worker: 2.5, viz: 1.5, browser: 6 });
});
