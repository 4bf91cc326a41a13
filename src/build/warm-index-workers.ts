/**
 * The search index's worker threads started before the render when one edit is built: loading
 * their modules took each ~0.2-0.5 s of CPU at the index step's start, when its workers, the
 * manifest's listing and this thread all want the two cores, while the second core idles through
 * the render streamed (over38.perf.md; started before the staging reuse, they slowed it by ~80 ms
 * at 50k in idle pairs). The step takes them as it takes the
 * workers a platform keeps between its sites (src/search/kept-index-workers.ts); a worker answers
 * each message from that message alone, so a warm worker indexes as a fresh one does.
 */
import { Worker } from "node:worker_threads";
import { keepIndexWorkers, warmKeptWorkers } from "../search/kept-index-workers.ts";
import { DEFAULT_SEARCH_INDEX, SEARCH_STEP } from "../search/index-step.ts";
import type { BuildStep } from "./steps.ts";

const WORKER = new URL("../search/index-worker.mjs", import.meta.url);

/**
 * Runs `work` (the render and the steps) with `DEFAULT_SEARCH_INDEX.workers` index workers
 * started first when `steps` hold the search index: the build passes its steps when it reuses the
 * cached output and a content file changed (a shard is then likely indexed again), else none.
 * Those the index step did not take end with `work`.
 */
export function withWarmIndexWorkers<T>(steps: readonly BuildStep[], work: () => Promise<T>): Promise<T> {
  if (!steps.some((step) => step.name === SEARCH_STEP)) return work();
  return keepIndexWorkers(() => {
    // Plain JavaScript, without tsx's loader, as the step starts them (index-workers.ts).
    warmKeptWorkers(DEFAULT_SEARCH_INDEX.workers, () => new Worker(WORKER, { execArgv: [] }));
    return work();
  });
}
