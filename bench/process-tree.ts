/**
 * Runs a command and samples the resident memory of its whole process tree (the Node process,
 * its worker threads and the Pagefind processes it starts), every 100 ms from /proc: the peak of
 * the sum is the memory a CI runner must have for the job.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const task of tasks) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (text) found.push(...text.split(/\s+/).map(Number));
    } catch {
      // the thread ended meanwhile
    }
  }
  return found;
}

function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  let sum = 0;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    sum += rssOf(pid);
    queue.push(...childrenOf(pid));
  }
  return sum;
}

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  /** Largest sum of the tree's resident sets at one sample, bytes. */
  peakTreeRss: number;
  stdout: string;
  stderr: string;
}

export function runMeasured(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: Math.round(performance.now() - started), peakTreeRss: peak, stdout, stderr });
    });
  });
}

/** Sum of the RSS of `pid` and its descendants, in KB. */
export function treeRssKb(pid: number): number {
  return Math.round(treeRss(pid) / 1024);
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
