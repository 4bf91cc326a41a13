/**
 * The search page's main thread until it is ready (the end of DOMContentLoaded), from one Chrome trace
 * (long-task-traces.ts `--trace`): each task's CPU split by what it did, and its wall split into that
 * CPU, the synchronous calls it waited on the browser for (fonts, storage) and the rest, time the
 * thread was runnable or idle-blocked without running (on a busy machine: waiting for a core). Used by
 * ready-breakdown.ts; a task's wall is what the Long Tasks API counts, its CPU is what the page shapes.
 */
import {
  mainThreadTasks,
  SYNC_FONT_CALL,
  SYNC_STORAGE_CALL,
  type TraceEvent,
} from "../../test/helpers/main-thread-tasks.ts";

/** What an event's own CPU (its thread time minus that of the events inside it) was spent on; the first match wins. */
export const CATEGORIES: [string, RegExp][] = [
  ["font call", SYNC_FONT_CALL],
  ["storage call", SYNC_STORAGE_CALL],
  [
    "commit",
    /CommitNavigation|CreateParserPostCommit|Frame::Detach|Document::shutdown|InitializeWindow|^Document::Document$|StartLoadingResponse|NavigationBodyLoader/,
  ],
  ["CSS parse", /ParseAuthorStyleSheet|CSSParser|ParseStyleSheet|RuleSet/],
  [
    "script",
    /EvaluateScript|^v8\.|^V8\.|FunctionCall|EventDispatch|HandlePostMessage|MessagePort|TimerFire|FireIdleCallback|Microtask|SerializedScriptValue/,
  ],
  ["fonts, shaping", /Font|ShapeText|Shaper/],
  [
    "style",
    /UpdateLayoutTree|recalcStyle|rebuildLayoutTree|updateStyle|Style\.|updateActiveStyle|StyleEngine/,
  ],
  ["layout", /Layout|layout/],
  ["paint", /Paint|Layerize|Compositing|IntersectionObserver|UpdateLifecycle/],
  [
    "HTML parse",
    /ParseHTML|HTMLDocumentParser|Preload|HTMLParser|AppendBytes|FinishedParsing|BodyDataReceived|CommitData|HandleData|requestResource|PendingScript/,
  ],
  ["IPC", /mojo|SimpleWatcher/],
];

export interface ReadyTask {
  /** ms from the main thread's first task. */
  at: number;
  wall: number;
  cpu: number;
  /** commit, head script, message, frame, end of parsing (DOMContentLoaded), parse, other. */
  kind: string;
  /** CPU (ms) by category. */
  byCategory: Record<string, number>;
  /** Scripts evaluated or called in it: ms of CPU by file name. */
  scripts: Record<string, number>;
  /** Wall (ms) spent in synchronous calls to the browser beyond their own CPU. */
  fontWait: number;
  storageWait: number;
}

export interface ReadySplit {
  /** ms from the main thread's first task to the end of DOMContentLoaded (undefined: not in the trace). */
  ready?: number;
  tasks: ReadyTask[];
}

const ms = (us: number) => us / 1000;
const categoryOf = (name: string) => CATEGORIES.find(([, re]) => re.test(name))?.[0] ?? "other";

function kindOf(inner: readonly TraceEvent[]): string {
  const has = (name: string) => inner.some((e) => e.name === name);
  if (has("DocumentLoader::CommitNavigation")) return "commit";
  if (has("Document::FinishedParsing")) return "end of parsing";
  if (has("EvaluateScript")) return "head script";
  if (has("Paint")) return "frame";
  if (has("ParseHTML")) return "parse";
  if (has("HandlePostMessage") || has("MessagePort::Accept")) return "message";
  return "other";
}

/** The page's tasks that started before it was ready (all of them when `all`). */
export function readySplit(events: TraceEvent[], { all = false } = {}): ReadySplit {
  const tasks = mainThreadTasks(events);
  if (!tasks.length) return { tasks: [] };
  const main = tasks.find((t) => t.inner.length)?.inner[0];
  if (!main) return { tasks: [] };
  // mainThreadTasks' origin: the thread's first task.
  const origin = Math.min(
    ...events
      .filter(
        (e) =>
          e.pid === main.pid &&
          e.tid === main.tid &&
          e.ph === "X" &&
          /^(ThreadControllerImpl::RunTask|RunTask)$/.test(e.name),
      )
      .map((e) => e.ts),
  );
  const dcl = events.find(
    (e) =>
      e.pid === main.pid &&
      e.tid === main.tid &&
      e.name === "EventDispatch" &&
      (e.args?.data as Record<string, unknown> | undefined)?.type === "DOMContentLoaded",
  );
  const ready = dcl ? ms(dcl.ts + (dcl.dur ?? 0) - origin) : undefined;
  const out: ReadyTask[] = [];
  for (const t of tasks) {
    const start = ms(t.at);
    if (!all && ready !== undefined && start >= ready) continue;
    // Self CPU: an event's thread time minus that of the events directly inside it.
    const self = new Map<TraceEvent, number>();
    const stack: TraceEvent[] = [];
    let outside = t.cpu;
    for (const e of t.inner) {
      while (stack.length && e.ts >= stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0)) stack.pop();
      self.set(e, e.tdur ?? 0);
      const parent = stack.at(-1);
      if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.tdur ?? 0));
      else outside -= e.tdur ?? 0;
      stack.push(e);
    }
    const byCategory: Record<string, number> = {};
    const add = (k: string, v: number) => (byCategory[k] = (byCategory[k] ?? 0) + v);
    for (const [e, cpu] of self) add(categoryOf(e.name), ms(cpu));
    // The task's own CPU outside any event (the scheduler's): "other".
    add("other", ms(Math.max(0, outside)));
    const scripts: Record<string, number> = {};
    for (const e of t.inner)
      if (/^(EvaluateScript|FunctionCall|v8\.evaluateModule|v8\.compile)$/.test(e.name)) {
        const url = e.args?.data?.url ?? e.args?.beginData?.url ?? "";
        const file = url.replace(/^.*\//, "").replace(/\?.*$/, "") || "(module)";
        scripts[file] = (scripts[file] ?? 0) + ms(e.tdur ?? 0);
      }
    const waitOf = (re: RegExp) =>
      ms(t.inner.filter((e) => re.test(e.name)).reduce((s, e) => s + (e.dur ?? 0) - (e.tdur ?? 0), 0));
    out.push({
      at: start,
      wall: ms(t.wall),
      cpu: ms(t.cpu),
      kind: kindOf(t.inner),
      byCategory,
      scripts,
      fontWait: waitOf(SYNC_FONT_CALL),
      storageWait: waitOf(SYNC_STORAGE_CALL),
    });
  }
  return { ready, tasks: out };
}
