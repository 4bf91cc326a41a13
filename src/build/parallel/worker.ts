/**
 * A build worker thread (started by pool.ts through worker-entry.mjs): reads content files and
 * renders streamed pages, taking batches from a counter it shares with the main thread. It runs
 * the very functions the single-threaded build runs, on the default content types and page sources.
 */
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { DEFAULT_TYPES } from "../../content-types/index.ts";
import { readListedFiles } from "../../content/loader.ts";
import { publishedRecords } from "../../content/published.ts";
import { stampOf } from "../../content/record-cache.ts";
import { assembleContent } from "../../check/validate.ts";
import { PORTABLE_CHECKS, runPortableCheck } from "../../check/portable-checks.ts";
import type { BuildOptions, BuildState } from "../../eleventy/state.ts";
import { defaultParts } from "../defaults.ts";
import { stateOf } from "../load-state.ts";
import { streamedPages, writePage } from "../streamed-pages.ts";
import { Claims } from "./claims.ts";
import type { PageFacts } from "../written-pages.ts";
import type { Job, ReadJob, RenderJob, Reply, StateJob } from "./messages.ts";

const port = parentPort!;
const DEBUG = process.env.GONGKAI_PARALLEL_DEBUG === "1";
const send = (reply: Reply) => port.postMessage(reply);

function read(job: ReadJob): number {
  const claims = new Claims(job.files.length, job.batch, job.claims);
  let count = 0;
  for (let batch = claims.next(); batch; batch = claims.next()) {
    const [start, end] = batch;
    const files = job.files.slice(start, end);
    // Taken before the files are read: a file changed meanwhile is read again by the loader.
    const stamps = job.stamp ? files.map((f) => stampOf(statSync(f.abs))) : undefined;
    send({
      kind: "batch",
      start,
      count: end - start,
      results: readListedFiles(job.site, DEFAULT_TYPES, job.contentDir, files),
      stamps,
    });
    count += end - start;
  }
  return count;
}

let state: BuildState | undefined;

function rebuildState(job: StateJob): number {
  const started = performance.now();
  const options: BuildOptions = {
    site: job.site,
    contentDir: job.contentDir,
    now: job.now,
    includeDrafts: job.includeDrafts,
  };
  const all = [...job.all];
  const published = publishedRecords(all, DEFAULT_TYPES, job.now, job.includeDrafts);
  const content = assembleContent(options, { all, published });
  const checks = new Claims(PORTABLE_CHECKS, 1, job.checks);
  let taken = 0;
  for (let check = checks.next(); check; check = checks.next(), taken++)
    send({
      kind: "checked",
      index: check[0],
      problems: runPortableCheck(check[0], { options, all, content }),
    });
  if (DEBUG)
    console.error(
      `parallel worker: ${taken} checks done ${Math.round(performance.now() - started)} ms after the records came`,
    );
  state = stateOf(options, defaultParts, content);
  if (DEBUG) console.error(`parallel worker: state rebuilt in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

async function render(job: RenderJob): Promise<number> {
  if (!state) throw new Error("render worker: no state");
  const claims = new Claims(job.urls.length, job.batch, job.claims);
  const pages = streamedPages(state, defaultParts.pages);
  let count = 0;
  for (let batch = claims.next(); batch; batch = claims.next()) {
    const facts: PageFacts[] = [];
    for (let i = batch[0]; i < batch[1]; i++) {
      const page = pages[i];
      if (page?.url !== job.urls[i])
        throw new Error(`render worker: page ${i} is ${page?.url} here, ${job.urls[i]} in the build`);
      facts.push(await writePage(job.outDir, page));
    }
    send({ kind: "batch", start: batch[0], count: batch[1] - batch[0], facts });
    count += batch[1] - batch[0];
  }
  return count;
}

port.on("message", (job: Job) => {
  void (async () => {
    try {
      send({
        kind: "done",
        count: job.kind === "read" ? read(job) : job.kind === "state" ? rebuildState(job) : await render(job),
      });
    } catch (err) {
      send({ kind: "error", message: (err as Error).message ?? String(err), stack: (err as Error).stack });
    }
  })();
});
