/**
 * Peak memory of a process and all its descendants together (the build, its worker threads and
 * the Pagefind processes it starts), sampled from /proc every 100 ms: `process.resourceUsage()`
 * reports one process only. On systems without /proc the peak stays 0.
 */
import { readdirSync, readFileSync } from "node:fs";

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the fields follow the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while listed.
    }
  }
  return byParent;
}

function rssKb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmRSS:"));
    return Number(line?.replace(/\D+/g, "") ?? 0);
  } catch {
    return 0;
  }
}

/** Sum of the RSS of `pid` and its descendants, in KB. */
export function treeRssKb(pid: number): number {
  const byParent = children();
  let total = 0;
  for (const stack = [pid]; stack.length;) {
    const next = stack.pop()!;
    total += rssKb(next);
    stack.push(...(byParent.get(next) ?? []));
  }
  return total;
}

/** Samples the tree of `pid` until stopped; `stop()` returns the peak in KB. */
export function samplePeak(pid: number, everyMs = 100): () => number {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), everyMs);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
