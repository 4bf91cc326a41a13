/**
 * bench/search-eval/ready-split.ts: the search page's main-thread tasks until it is ready, each one's
 * CPU by category and its wall split into CPU, the wait on synchronous calls to the browser and the
 * rest (ready-breakdown.ts prints them). A made-up trace of one load: the commit, the head script
 * (its storage read waits 50 ms on the browser), a canvas font step, the first frame, the end of
 * parsing with DOMContentLoaded, and a results frame after it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readySplit } from "../../bench/search-eval/ready-split.ts";
import type { TraceEvent } from "../helpers/main-thread-tasks.ts";

const PID = 1;
const TID = 10;
/** An event of the page's main thread: name, start and wall (µs), thread time (µs), args. */
const ev = (name: string, ts: number, dur: number, tdur = dur, args?: TraceEvent["args"]): TraceEvent => ({
  name,
  ph: "X",
  ts,
  dur,
  tdur,
  pid: PID,
  tid: TID,
  ...(args ? { args } : {}),
});
const PAGE = { beginData: { url: "http://x/portal/search/?q=a" } };
const HEAD = { data: { url: "http://x/portal/pagefind/v/search-head.0123.js" } };

const events: TraceEvent[] = [
  { name: "thread_name", ph: "M", ts: 0, pid: PID, tid: TID, args: { name: "CrRendererMain" } },
  // The commit: 3 ms of CPU in 8 ms of wall.
  ev("ThreadControllerImpl::RunTask", 1000, 8000, 3000),
  ev("DocumentLoader::CommitNavigation", 1100, 7000, 2500),
  // The head script: 4 ms of CPU, 50 ms waiting for the storage's answer.
  ev("ThreadControllerImpl::RunTask", 20_000, 56_000, 4000),
  ev("ParseHTML", 20_100, 55_800, 3900, PAGE),
  ev("EvaluateScript", 20_200, 55_000, 3000, HEAD),
  ev("StorageArea::GetAll", 21_000, 50_100, 100),
  // A canvas font step: 1 ms of CPU, 20 ms waiting on the font call.
  ev("ThreadControllerImpl::RunTask", 80_000, 21_000, 1000),
  ev("MessagePort::Accept", 80_050, 20_900, 950),
  ev("FunctionCall", 80_100, 20_800, 900, HEAD),
  ev("WebSandboxSupportLinux::GetWebFontRenderStyleForStrike", 80_200, 20_200, 200),
  // The first frame: 6 ms of CPU, 60 ms of wall (waiting for a core).
  ev("ThreadControllerImpl::RunTask", 110_000, 60_000, 6000),
  ev("UpdateLayoutTree", 110_100, 10_000, 2000),
  ev("Layout", 120_200, 20_000, 2500),
  ev("Paint", 140_300, 10_000, 1500),
  // The end of parsing: DOMContentLoaded ends at 181 ms from the first task.
  ev("ThreadControllerImpl::RunTask", 175_000, 7000, 5000),
  ev("Document::FinishedParsing", 175_100, 6800, 4800),
  ev("EventDispatch", 180_000, 2000, 1000, { data: { url: "" } }),
  // After the page is ready: the results.
  ev("ThreadControllerImpl::RunTask", 300_000, 9000, 8000),
  ev("Paint", 300_100, 8000, 8000),
];
// DOMContentLoaded's dispatch (the trace names its type in args.data.type).
(events.find((e) => e.name === "EventDispatch")!.args!.data as Record<string, unknown>).type =
  "DOMContentLoaded";

test("the tasks until the page is ready: their kinds, CPU by category and what their wall waited on", () => {
  const { ready, tasks } = readySplit(events);
  assert.equal(ready, 181);
  assert.deepEqual(
    tasks.map((t) => t.kind),
    ["commit", "head script", "message", "frame", "end of parsing"],
  );
  const [commit, head, step, frame, end] = tasks;
  assert.equal(commit.byCategory.commit, 2.5);
  assert.equal(head.wall, 56);
  assert.equal(head.cpu, 4);
  assert.equal(head.storageWait, 50);
  assert.equal(head.fontWait, 0);
  assert.equal(head.byCategory.script, 2.9);
  assert.equal(head.scripts["search-head.0123.js"], 3);
  assert.equal(step.fontWait, 20);
  assert.equal(step.byCategory["font call"], 0.2);
  assert.deepEqual(
    [
      frame.byCategory.style,
      frame.byCategory.layout,
      frame.byCategory.paint,
      frame.fontWait + frame.storageWait,
    ],
    [2, 2.5, 1.5, 0],
  );
  assert.equal(end.at, 174);
});

test("with `all`, the tasks after the page was ready too", () => {
  const { tasks } = readySplit(events, { all: true });
  assert.equal(tasks.length, 6);
  assert.equal(tasks.at(-1)!.kind, "frame");
  assert.equal(tasks.at(-1)!.cpu, 8);
});
