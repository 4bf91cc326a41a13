/**
 * A main-thread task's events by the CPU they took themselves (trace-tasks.ts, long-task-traces.ts),
 * (test/helpers/main-thread-tasks.ts reads the tasks from a trace).
 */
import type { TraceEvent } from "../../test/helpers/main-thread-tasks.ts";

const ms = (us: number) => (us / 1000).toFixed(1);

/** The `top` event names inside a task by self CPU (thread time minus the events directly inside). */
export function breakdown(inner: readonly TraceEvent[], top = 6): string {
  const self = new Map<TraceEvent, number>();
  const stack: TraceEvent[] = [];
  for (const e of inner) {
    while (stack.length && e.ts >= stack.at(-1)!.ts + (stack.at(-1)!.dur ?? 0)) stack.pop();
    self.set(e, e.tdur ?? 0);
    const parent = stack.at(-1);
    if (parent) self.set(parent, (self.get(parent) ?? 0) - (e.tdur ?? 0));
    stack.push(e);
  }
  const byName = new Map<string, { cpu: number; n: number }>();
  for (const e of inner) {
    const s = byName.get(e.name) ?? { cpu: 0, n: 0 };
    s.cpu += self.get(e) ?? 0;
    s.n++;
    byName.set(e.name, s);
  }
  return [...byName.entries()]
    .sort((a, b) => b[1].cpu - a[1].cpu)
    .slice(0, top)
    .map(([name, s]) => `${name}×${s.n} ${ms(s.cpu)}`)
    .join(", ");
}
