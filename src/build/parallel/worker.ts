/**
 * A build worker thread (started by pool.ts through worker-entry.mjs): reads content files, then,
 * given the records, takes its share of the record checks and renders detail pages, taking
 * batches from counters it shares with the main thread. It runs the very functions the
 * single-threaded build runs, on the default content types and page sources; it builds only the
 * portal (no tallies, lists or page enumeration: the main thread's, which renders every other page).
 */
import { statSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { DEFAULT_TYPES } from "../../content-types/index.ts";
import { readListedFiles } from "../../content/loader.ts";
import { publishedRecords } from "../../content/published.ts";
import { stampFrom, stampOf } from "../../content/record-cache.ts";
import { portalOf } from "../../check/validate.ts";
import { indexMedia } from "../../check/media-index.ts";
import { RECORD_CHECKS, runPortableCheck, type CheckInput } from "../../check/portable-checks.ts";
import { computeTallies } from "../../tallies/compute.ts";
import { keptByCheck } from "./check-kept.ts";
import type { BuildOptions } from "../../eleventy/state.ts";
import { renderDetailPage } from "../../pages/detail-pages.ts";
import { layoutContextOf } from "../layout-context.ts";
import { writePage } from "../streamed-pages.ts";
import { Claims } from "./claims.ts";
import { DETAIL_TEMPLATE } from "./worker-details.ts";
import type { PageFacts } from "../written-pages.ts";
import type { ContentRecord } from "../../content/types.ts";
import type { Job, ReadJob, Reply, StateJob } from "./messages.ts";
import { ReadTrace } from "../../portal/read-trace.ts";
import { recordReadsWith } from "../../portal/memo-reads.ts";
import { knowNotableStrings, notableStrings, type FieldString } from "../../check/notable-strings.ts";
import type { VirtualPage } from "../../eleventy/site-outputs.ts";
import type { LayoutContext } from "../../view/context.ts";

const port = parentPort!;
const DEBUG = process.env.GONGKAI_PARALLEL_DEBUG === "1";
const send = (reply: Reply) => port.postMessage(reply);

/**
 * The records this worker read in its last read job, by listing index: the state job that follows
 * names them by that index (messages.ts), instead of the main thread cloning them back.
 */
let ownRecords: (ContentRecord | undefined)[] = [];

function read(job: ReadJob): number {
  const claims = new Claims(job.files.length, job.batch, job.claims);
  ownRecords = new Array<ContentRecord | undefined>(job.files.length);
  let count = 0;
  for (let batch = claims.next(); batch; batch = claims.next()) {
    const [start, end] = batch;
    const files = job.files.slice(start, end);
    // Taken before the files are read: a file changed meanwhile is read again by the loader.
    const stamps = job.stamp ? files.map((f) => stampOf(stampFrom(statSync(f.abs)))) : undefined;
    const results = readListedFiles(job.site, DEFAULT_TYPES, job.contentDir, files);
    const strings: (FieldString[] | null)[] = [];
    for (let k = 0; k < results.length; k++) {
      const record = (ownRecords[start + k] = results[k].record);
      // Walked here, once: the main thread's media references take them with the record.
      strings.push(record ? notableStrings(record) : null);
    }
    send({ kind: "batch", start, count: end - start, results, stamps, strings });
    count += end - start;
  }
  return count;
}

function recordOf(sent: ContentRecord | number): ContentRecord {
  if (typeof sent !== "number") return sent;
  const own = ownRecords[sent];
  if (!own) throw new Error(`build worker: no record of its own at listing index ${sent}`);
  return own;
}

/**
 * A detail page this worker renders. A class, not two closures made per page: under keepNames
 * (the bundle's and tsx's setting) each closure made is named by a defineProperty call.
 */
class DetailPage implements VirtualPage {
  readonly template = DETAIL_TEMPLATE;
  readonly url: string;

  constructor(
    private readonly ctx: LayoutContext,
    readonly item: ContentRecord,
    /** With a build cache to fill: each page's reads go to `reads`, in the order of the pages. */
    private readonly tracer: ReadTrace | undefined,
    private readonly reads: (string | null)[],
  ) {
    this.url = item.url;
  }

  render(): Promise<string> {
    if (!this.tracer) return Promise.resolve(renderDetailPage(this.ctx, this.item));
    const { result, paths } = this.tracer.record(() => renderDetailPage(this.ctx, this.item));
    this.reads.push(paths ? paths.join("\n") : null);
    return Promise.resolve(result);
  }
}

async function checkAndRender(job: StateJob): Promise<number> {
  const started = performance.now();
  const options: BuildOptions = {
    site: job.site,
    contentDir: job.contentDir,
    configPath: job.configPath,
    now: job.now,
    includeDrafts: job.includeDrafts,
  };
  const all = job.all.map(recordOf);
  // The main thread's records come with the strings it found in them: the record checks need them.
  for (let i = 0; i < all.length; i++) {
    const strings = job.strings[i];
    if (strings) knowNotableStrings(all[i], strings);
  }
  ownRecords = [];
  const { portal, details } = portalOf(
    options,
    publishedRecords(all, DEFAULT_TYPES, job.now, job.includeDrafts),
  );
  const mediaIndex = indexMedia(options.contentDir);
  // The record checks read no tallies (those are the figure checks', run on the main thread).
  const input: CheckInput = {
    options,
    all,
    content: {
      portal,
      mediaIndex,
      get tallies() {
        return computeTallies(portal);
      },
    },
  };
  const checks = new Claims(RECORD_CHECKS.length, 1, job.checks);
  for (let claim = checks.next(); claim; claim = checks.next()) {
    const index = RECORD_CHECKS[claim[0]];
    const problems = runPortableCheck(index, input);
    send({ kind: "checked", index, problems, kept: keptByCheck(all) });
  }
  if (DEBUG)
    console.error(
      `parallel worker: checks done ${Math.round(performance.now() - started)} ms after the records came`,
    );
  const ctx = layoutContextOf(options, portal);
  // With a build cache to fill, each page's reads are noted as the main thread's tracer notes them.
  const tracer = job.trace ? new ReadTrace() : undefined;
  const pageCtx = tracer ? tracer.tracedContext(ctx) : ctx;
  recordReadsWith(tracer);
  try {
    const claims = new Claims(details.length, job.batch, job.details);
    let count = 0;
    for (let batch = claims.next(); batch; batch = claims.next()) {
      const facts: PageFacts[] = [];
      const urls: string[] = [];
      const reads: (string | null)[] = [];
      for (let i = batch[0]; i < batch[1]; i++) {
        urls.push(details[i].url);
        // Filling the build cache: with its <main>'s digest, for the search shards' keys.
        facts.push(await writePage(job.outDir, new DetailPage(pageCtx, details[i], tracer, reads), !!tracer));
      }
      send({
        kind: "batch",
        start: batch[0],
        count: batch[1] - batch[0],
        urls,
        facts,
        reads: tracer ? reads : undefined,
      });
      count += batch[1] - batch[0];
    }
    return count;
  } finally {
    recordReadsWith(undefined);
  }
}

port.on("message", (job: Job) => {
  void (async () => {
    try {
      send({ kind: "done", count: job.kind === "read" ? read(job) : await checkAndRender(job) });
    } catch (err) {
      send({ kind: "error", message: (err as Error).message ?? String(err), stack: (err as Error).stack });
    }
  })();
});
