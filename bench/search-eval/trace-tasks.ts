/**
 * What the search page's main-thread tasks are made of, from Chrome traces (`timeline.ts --trace
 * DIR` writes them): every task longer than a threshold, with its wall time, its CPU time (under
 * load the wall is the machine's, the CPU the page's), the synchronous font calls to the browser it
 * waited on, and the events inside it that took the most CPU.
 *
 *   npx tsx bench/search-eval/trace-tasks.ts TRACE.json… [--min MS]
 *
 * `--min`: list tasks at least this long in wall or CPU time (default 16).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { mainThreadTasks, type TraceEvent } from "../../test/helpers/main-thread-tasks.ts";
import { breakdown } from "./trace-breakdown.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: "string", default: "16" } },
});
const min = Number(values.min) * 1000;
const ms = (us: number) => (us / 1000).toFixed(1);

for (const file of positionals) {
  const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  const tasks = mainThreadTasks(traceEvents);
  if (!tasks.length) {
    console.log(`${path.basename(file)}: no search page renderer found`);
    continue;
  }
  const most = (key: "wall" | "cpu" | "syncCalls") => tasks.reduce((m, t) => Math.max(m, t[key]), 0);
  console.log(
    `\n${file}: ${tasks.length} tasks on the page's main thread; longest ${ms(most("wall"))} ms wall, ` +
      `most CPU ${ms(most("cpu"))} ms, ${tasks.filter((t) => t.wall > 50_000).length} over 50 ms; ` +
      `sync font calls ${tasks.reduce((s, t) => s + t.syncCalls, 0)}, most in one task ${most("syncCalls")}`,
  );
  for (const t of tasks) {
    if (t.wall < min && t.cpu < min) continue;
    const parts = breakdown(t.inner);
    console.log(
      `  at ${ms(t.at).padStart(7)} ms: wall ${ms(t.wall).padStart(6)} ms, CPU ${ms(t.cpu).padStart(5)} ms, ` +
        `${t.syncCalls} sync font calls waiting ${ms(t.syncWait)} ms — ${parts}`,
    );
  }
}
