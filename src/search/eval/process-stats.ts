/**
 * Peak memory and CPU time of this process's children (the Pagefind binary), read from /proc:
 * VmHWM is the kernel's own peak resident set, utime+stime the CPU actually used, which stays
 * meaningful when other work shares the machine.
 */
import { readFileSync } from "node:fs";

export interface ProcessStats {
  /** Peak resident set size, bytes. */
  peakRss: number;
  /** User + system CPU time, ms. */
  cpuMs: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux.

export function statsOf(pid: number | "self"): ProcessStats | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    return { peakRss: hwm, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined; // exited between listing and reading
  }
}

export function childPids(): number[] {
  try {
    return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Samples the children every `ms` until stopped; returns each child's largest figures: peak memory the largest, CPU time summed. */
export function watchChildren(ms = 50): { stop(): ProcessStats; sample(): void } {
  const last = new Map<number, ProcessStats>();
  const sample = () => {
    for (const pid of childPids()) {
      const s = statsOf(pid);
      // Keep the largest figures: an exited (zombie) child reports no memory at all.
      const seen = last.get(pid);
      if (s) last.set(pid, seen ? { peakRss: Math.max(seen.peakRss, s.peakRss), cpuMs: Math.max(seen.cpuMs, s.cpuMs) } : s);
    }
  };
  const timer = setInterval(sample, ms);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      let peakRss = 0, cpuMs = 0;
      for (const s of last.values()) (peakRss = Math.max(peakRss, s.peakRss)), (cpuMs += s.cpuMs);
      return { peakRss, cpuMs };
    },
  };
}
