/**
 * What the search page's main thread does before it is ready, and what made its long tasks long, over
 * the Chrome traces long-task-traces.ts writes (`--trace DIR`: DIR/trace-N.json, one load each):
 *
 * - the main thread's CPU until the end of DOMContentLoaded, per load, by category (HTML and CSS parse,
 *   style, layout, paint, fonts and shaping, script by file, Chromium's commit, synchronous calls);
 * - its tasks by kind (commit, head script, canvas font steps, frame, end of parsing): count, CPU;
 * - every task of at least --min ms of wall (default 50) with its wall split into CPU, the wait on
 *   synchronous calls to the browser (fonts, storage) and the rest (runnable or blocked, not running:
 *   on a busy machine, waiting for a core), and which of the three made it long.
 *
 *   npx tsx bench/search-eval/ready-breakdown.ts DIR [--min MS] [--all]
 *
 * `--all`: every task of the load, not only those before it was ready. Figures in CPU do not move with
 * the machine's load; walls do (docs/search.md, task48).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TraceEvent } from "../../test/helpers/main-thread-tasks.ts";
import { readySplit, type ReadyTask } from "./ready-split.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: "string", default: "50" }, all: { type: "boolean", default: false } },
});
const [dir] = positionals;
if (!dir) throw new Error("用法：ready-breakdown.ts 跟踪目录 [--min 毫秒] [--all]");
const min = Number(values.min);
const files = readdirSync(dir)
  .filter((f) => /^trace-\d+\.json$/.test(f))
  .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));

const f1 = (n: number) => n.toFixed(1);
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)] ?? 0;
const sum = (r: Record<string, number>) => Object.values(r).reduce((s, v) => s + v, 0);
const top = (r: Record<string, number>, n = 6) =>
  Object.entries(r)
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${f1(v)}`)
    .join(", ");

let loads = 0;
const byCategory: Record<string, number> = {};
const scripts: Record<string, number> = {};
const kinds = new Map<string, number[]>();
const largest: ReadyTask[] = [];
const long: { file: string; task: ReadyTask }[] = [];
for (const file of files) {
  const { traceEvents } = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
    traceEvents: TraceEvent[];
  };
  const { tasks } = readySplit(traceEvents, { all: values.all });
  if (!tasks.length) continue;
  loads++;
  for (const t of tasks) {
    for (const [k, v] of Object.entries(t.byCategory)) byCategory[k] = (byCategory[k] ?? 0) + v;
    for (const [k, v] of Object.entries(t.scripts)) scripts[k] = (scripts[k] ?? 0) + v;
    kinds.set(t.kind, [...(kinds.get(t.kind) ?? []), t.cpu]);
    if (t.wall >= min) long.push({ file, task: t });
  }
  largest.push(tasks.reduce((m, t) => (t.cpu > m.cpu ? t : m)));
}
const per = (v: number) => f1(v / loads);
console.log(
  `${loads} loads (${dir}); the main thread ${values.all ? "over the whole load" : "until it was ready"}:`,
);
const perLoad = (r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / loads]));
console.log(`CPU per load ${per(sum(byCategory))} ms: ${top(perLoad(byCategory), 20)}`);
console.log(`…of which scripts (evaluated or called, by file): ${top(perLoad(scripts))}`);
console.log("tasks by kind: per load, CPU median / p90 / max (ms)");
const total = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
for (const [kind, cpus] of [...kinds].sort((a, b) => total(b[1]) - total(a[1])))
  if (kind !== "other" || quantile(cpus, 1) >= 1)
    console.log(
      `  ${kind}: ${per(cpus.length)}, ${f1(quantile(cpus, 0.5))} / ${f1(quantile(cpus, 0.9))} / ${f1(quantile(cpus, 1))}`,
    );
const lc = largest.map((t) => t.cpu);
const largestKinds = largest.reduce<Record<string, number>>(
  (r, t) => ({ ...r, [t.kind]: (r[t.kind] ?? 0) + 1 }),
  {},
);
console.log(
  `a load's largest task by CPU: median ${f1(quantile(lc, 0.5))}, p90 ${f1(quantile(lc, 0.9))}, max ${f1(quantile(lc, 1))} ms; ` +
    Object.entries(largestKinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(", "),
);
const why = { cpu: 0, browser: 0, core: 0 };
console.log(`tasks of ${min} ms of wall or more: ${long.length}`);
for (const { file, task: t } of long) {
  const sync = t.fontWait + t.storageWait;
  const rest = Math.max(0, t.wall - t.cpu - sync);
  const cause = t.cpu >= sync && t.cpu >= rest ? "cpu" : sync >= rest ? "browser" : "core";
  why[cause]++;
  console.log(
    `  ${file} at ${Math.round(t.at)} ms, ${t.kind}: wall ${f1(t.wall)} = CPU ${f1(t.cpu)} + font calls ${f1(t.fontWait)} + storage calls ${f1(t.storageWait)} + not running ${f1(rest)} | ${top(t.byCategory)}`,
  );
}
console.log(
  `…made long mostly by: their own CPU ${why.cpu}, waiting on the browser's answer ${why.browser}, not running (waiting for a core) ${why.core}`,
);
