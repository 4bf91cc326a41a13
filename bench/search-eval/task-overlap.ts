/**
 * What else ran while the search page's long main-thread tasks waited, from Chrome traces
 * (`long-task-traces.ts --trace DIR` writes them): for every page task of at least --min ms of wall,
 * the CPU that each other thread of the trace (the page's Worker, the renderer's compositor, the
 * browser's and GPU's threads) spent in top-level tasks overlapping it. A task whose wall is far
 * above its CPU waited for a core; this shows whose work held the cores meanwhile.
 *
 *   npx tsx bench/search-eval/task-overlap.ts TRACE.json… [--min MS]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mainThreadTasks, type TraceEvent } from "../../test/helpers/main-thread-tasks.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: "string", default: "40" } },
});
const min = Number(values.min) * 1000;
const ms = (us: number) => (us / 1000).toFixed(1);
const TASK = /^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/;

for (const file of positionals) {
  const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of traceEvents) {
    if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args?.name ?? "?");
    if (e.ph === "M" && e.name === "process_name") procs.set(e.pid, e.args?.name ?? "?");
  }
  const tasks = mainThreadTasks(traceEvents, /\/search\//, { harness: true });
  if (!tasks.length) continue;
  const origin = Math.min(...traceEvents.filter((e) => e.ph === "X" && TASK.test(e.name)).map((e) => e.ts));
  const main = traceEvents.find(
    (e) => e.name === "ParseHTML" && /\/search\//.test(e.args?.beginData?.url ?? ""),
  );
  const firstOwn = traceEvents
    .filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === "X" && TASK.test(e.name))
    .reduce((m, e) => Math.min(m, e.ts), Infinity);
  const others = traceEvents.filter(
    (e) =>
      e.ph === "X" &&
      TASK.test(e.name) &&
      e.dur !== undefined &&
      !(e.pid === main?.pid && e.tid === main?.tid),
  );
  for (const t of tasks) {
    if (t.wall < min) continue;
    const start = firstOwn + t.at;
    const end = start + t.wall;
    const byThread = new Map<string, number>();
    for (const e of others) {
      const s = Math.max(start, e.ts);
      const f = Math.min(end, e.ts + (e.dur ?? 0));
      if (f <= s) continue;
      const share = (e.tdur ?? 0) * ((f - s) / Math.max(1, e.dur ?? 1));
      const key = `${procs.get(e.pid) ?? e.pid}/${names.get(`${e.pid}:${e.tid}`) ?? e.tid}${e.pid === main?.pid ? "*" : ""}`;
      byThread.set(key, (byThread.get(key) ?? 0) + share);
    }
    const top = [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(
      `${path.basename(file)} at ${ms(start - origin)}: wall ${ms(t.wall)} CPU ${ms(t.cpu)}${t.harness ? " HARNESS" : ""}; others: ${top.map(([k, v]) => `${k} ${ms(v)}`).join(", ")}`,
    );
  }
}
