/**
 * Peak memory and CPU time of this process's children (the Pagefind binary), read from /proc:
 * VmHWM is the kernel's own peak resident set, utime+stime the CPU actually used, which stays
 * meaningful when other work shares the machine.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessStats {
  /** Peak resident set size of one process (the largest VmHWM), bytes. */
  peakRss: number;
  /** Largest sum of the children's resident sets at one sample (processes running side by side), bytes. */
  peakTotalRss?: number;
  /** Current resident set size, bytes. */
  rss?: number;
  /** User + system CPU time, ms. */
  cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

export function statsOf(pid: number | "self"): ProcessStats | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
    return {
      peakRss: kb("VmHWM"),
      rss: kb("VmRSS"),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return undefined; // exited between listing and reading
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

/** Children of every thread of this process (a worker thread's Pagefind is the child of that thread). */
export function childPids(): number[] {
  const pids: number[] = [];
  for (const task of readdirSync(`/proc/${process.pid}/task`)) {
    try {
      pids.push(
        ...readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      // the thread ended meanwhile
    }
  }
  return pids;
}

/**
 * Samples, every `ms` until stopped, the children whose command name starts with `name` (the
 * Pagefind binary, not tsx's esbuild): the largest peak memory of one of them, the largest sum
 * of their memory at one moment, and their CPU time summed.
 */
export function watchChildren(name = "pagefind", ms = 50): { stop(): ProcessStats; sample(): void } {
  const last = new Map<number, ProcessStats>();
  let peakTotalRss = 0;
  const sample = () => {
    let total = 0;
    for (const pid of childPids()) {
      if (!commandOf(pid).startsWith(name)) continue;
      const s = statsOf(pid);
      total += s?.rss ?? 0;
      // Keep the largest figures: an exited (zombie) child reports no memory at all.
      const seen = last.get(pid);
      if (s)
        last.set(
          pid,
          seen ? { peakRss: Math.max(seen.peakRss, s.peakRss), cpuMs: Math.max(seen.cpuMs, s.cpuMs) } : s,
        );
    }
    peakTotalRss = Math.max(peakTotalRss, total);
  };
  const timer = setInterval(sample, ms);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      let peakRss = 0,
        cpuMs = 0;
      for (const s of last.values()) {
        peakRss = Math.max(peakRss, s.peakRss);
        cpuMs += s.cpuMs;
      }
      return { peakRss, peakTotalRss, cpuMs };
    },
  };
}
