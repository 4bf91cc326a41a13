/**
 * Index workers kept from one site's index step to the next while a platform builds its sites one
 * after another in one process (src/platform/build.ts). A fresh worker costs each site its module
 * load and a cold start of the indexing code: ~0.5 s of CPU of a 300-page site's ~0.75 s index
 * step, about half of such a site's whole build (plat37.perf.md). A worker answers each message
 * from that message alone (join-lanes.mjs clears what it laid out at each join), so a kept worker
 * indexes as a fresh one does. Outside `keepIndexWorkers` nothing is kept: a site build, the dev
 * server's rebuilds and the tests end their workers at each step's end, as before.
 */
import type { Worker } from "node:worker_threads";

/** Idle workers while keeping is on; undefined: off. */
let idle: Worker[] | undefined;

/** An idle kept worker, if keeping is on and one is left. */
export const takeKeptWorker = (): Worker | undefined => idle?.pop();

/**
 * Keeps the step's workers for the next step, when keeping is on; false: the caller ends them.
 * Only workers that answered everything they were asked and never failed may be kept.
 */
export function keepWorkers(workers: readonly Worker[]): boolean {
  if (!idle) return false;
  for (const worker of workers) {
    // The listeners were the finished step's (its answers and errors).
    worker.removeAllListeners("message");
    worker.removeAllListeners("error");
    idle.push(worker);
  }
  return true;
}

/** Runs `work` with the index workers kept between its steps; they end when it does, or fails. */
export async function keepIndexWorkers<T>(work: () => Promise<T>): Promise<T> {
  if (idle) return work();
  idle = [];
  try {
    return await work();
  } finally {
    const all = idle;
    idle = undefined;
    await Promise.all(all.map((worker) => worker.terminate()));
  }
}
