/**
 * Both cores for a clean build: the content files are read and validated, and the streamed pages
 * rendered, by the main thread and `threads - 1` worker threads (worker.ts) together, each taking
 * the next batch from a shared counter (claims.ts). The results are the single-threaded build's:
 * files are read by the same function and put back in listing order, the checks that span files
 * run once (the link and URL checks and those of the figures on the main thread, the others on
 * whichever thread takes them: shared-checks.ts), and a worker renders detail pages from a portal
 * built from the records by the same function, while the main thread renders every other page
 * (worker-details.ts; no check runs twice). Only the default content types and page sources
 * are run on workers (a worker cannot be handed functions); anything else stays on one thread.
 */
import { statSync } from "node:fs";
import type { Site } from "../../config/schema.ts";
import { DEFAULT_TYPES } from "../../content-types/index.ts";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import { displayPathOf, type PreparedFiles } from "../../content/loader.ts";
import { readContentFile, type FileResult } from "../../content/read-file.ts";
import { stampFrom, stampOf, type RecordCache } from "../../content/record-cache.ts";
import type { ContentRecord } from "../../content/types.ts";
import { listContentFiles } from "../../content/walk.ts";
import type { PageSource } from "../../eleventy/page-source.ts";
import type { BuildOptions, BuildState } from "../../eleventy/state.ts";
import { defaultParts } from "../defaults.ts";
import { eventLoopTurns, streamedPages, writePage } from "../streamed-pages.ts";
import { Claims } from "./claims.ts";
import { writtenPagesOf } from "../written-pages.ts";
import { outputFileOf, type VirtualPage } from "../../eleventy/site-outputs.ts";
import { Progress } from "./progress.ts";
import type { PortableProblems } from "../../check/portable-checks.ts";
import type { Problem } from "../../problems/problems.ts";
import { SharedChecks } from "./shared-checks.ts";
import { takeKept } from "./check-kept.ts";
import { knowNotableStrings, notableStrings, notableStringsKnown } from "../../check/notable-strings.ts";
import { DETAIL_TEMPLATE, WorkerDetails, type SharedDetails } from "./worker-details.ts";
import { workerBundle } from "./worker-bundle.ts";
import { WorkerThreads } from "./worker-threads.ts";

/** GONGKAI_PARALLEL_DEBUG=1 prints how the work was shared. */
const DEBUG = process.env.GONGKAI_PARALLEL_DEBUG === "1";
const READ_BATCH = 64;
const RENDER_BATCH = 32;

export class BuildWorkers extends WorkerThreads {
  /** The detail pages the workers render, once they were sent the records (`shareRecords`). */
  private details?: WorkerDetails;
  /** The checks shared with the workers given the records (`shareRecords`). */
  private checks?: SharedChecks;
  /**
   * With one worker: the listing index of each record it read (`readContent`), which it keeps, so
   * `shareRecords` sends it that index instead of a clone of the record (at 100k items half the
   * records, ~80 MB serialized on the main thread and read again on the worker).
   */
  private readByWorker?: Map<ContentRecord, number>;

  /**
   * Lists content/ and reads every file, on every thread when there are enough of them. Undefined
   * when the loader should do it alone: other content types, or a record cache that holds records
   * (then only changed files are read). With a cache, the thread that reads a file takes its stat
   * just before, and a result is used only if the file has the same stat when the cache looks at it
   * (the main thread stats the files it reads and, in the cache, every file once: it used to stat
   * every file three times, ~0.7 s of CPU before `npm start`'s first page at 50k items).
   */
  async readContent(
    site: Site,
    types: readonly AnyTypeSpec[],
    contentDir: string,
    cache?: RecordCache,
  ): Promise<PreparedFiles | undefined> {
    this.readByWorker = undefined;
    if (this.settings.threads < 2 || types !== DEFAULT_TYPES || (cache && cache.size > 0)) return undefined;
    const listing = listContentFiles(contentDir);
    const { files } = listing;
    if (files.length < this.settings.minFiles) return undefined;
    // Made (once per change of the build's code) before the workers start, not to start them through tsx.
    if (!this.started) this.bundle = await workerBundle();
    const stamps = cache ? new Array<string>(files.length) : undefined;
    const results: FileResult[] = new Array<FileResult>(files.length);
    const claims = new Claims(files.length, READ_BATCH);
    const progress = new Progress(files.length);
    const byWorker = (this.readByWorker =
      this.settings.threads === 2 ? new Map<ContentRecord, number>() : undefined);
    void this.dispatch(
      { kind: "read", site, contentDir, files, claims: claims.buffer, batch: READ_BATCH, stamp: !!cache },
      ({ start, results: read = [], stamps: stamped = [], strings = [] }) => {
        read.forEach((result, k) => {
          results[start + k] = result;
          const found = strings[k];
          if (result.record && found) knowNotableStrings(result.record, found);
        });
        if (byWorker) read.forEach((result, k) => result.record && byWorker.set(result.record, start + k));
        if (stamps) stamped.forEach((stamp, k) => (stamps[start + k] = stamp));
        progress.add(read.length, true);
      },
      progress.fail,
    );
    const display = displayPathOf(contentDir);
    for (let batch = this.mainClaims(claims); batch; batch = claims.next()) {
      for (let i = batch[0]; i < batch[1]; i++) {
        if (stamps) stamps[i] = stampOf(stampFrom(statSync(files[i].abs)));
        const result = (results[i] = readContentFile(
          site,
          types,
          files[i].abs,
          files[i].rel,
          display(files[i].abs),
        ));
        // Walked once, here: a render worker takes them with the record (`shareRecords`).
        if (result.record) notableStrings(result.record);
      }
      progress.add(batch[1] - batch[0]);
    }
    await progress.finished;
    if (DEBUG) console.error(`parallel: ${files.length} files, ${progress.byWorkers} read by workers`);
    return {
      listing,
      result: (i, stamp) => (stamps && stamps[i] !== stamp ? undefined : results[i]),
    };
  }

  /**
   * Gives the workers the records as soon as they are read (before the checks): they build the
   * portal, take their share of the record checks (`sharedChecks`) and render detail pages into
   * `outDir` while the main thread enumerates the pages and checks. Only when the pages will be
   * rendered here: default page sources and types, enough records, and a staging folder that starts
   * empty (no build cache, or one to fill: then `trace`, and each page's reads come back with it).
   */
  shareRecords(
    options: BuildOptions,
    all: readonly ContentRecord[],
    sources: readonly PageSource[],
    outDir: string,
    trace = false,
  ): void {
    if (
      this.settings.threads < 2 ||
      sources !== defaultParts.pages ||
      (options.types ?? DEFAULT_TYPES) !== DEFAULT_TYPES ||
      all.length < this.settings.minPages / 2
    )
      return;
    const { site, contentDir, configPath, now, includeDrafts = false } = options;
    // A record the worker read goes back as its index; any other (read here, read again since, a
    // platform's shared copy) as itself.
    const byWorker = this.readByWorker;
    this.readByWorker = undefined;
    const checks = (this.checks = new SharedChecks());
    const details = (this.details = new WorkerDetails());
    void this.dispatch(
      {
        kind: "state",
        site,
        contentDir,
        configPath,
        now,
        includeDrafts,
        all: byWorker ? all.map((record) => byWorker.get(record) ?? record) : all,
        strings: all.map((record) => (byWorker?.has(record) ? null : (notableStringsKnown(record) ?? null))),
        checks: checks.claims.buffer,
        outDir,
        details: details.claims,
        batch: RENDER_BATCH,
        trace,
      },
      (reply) => details.arrived(reply),
      (err) => {
        checks.fail();
        details.fail(err);
      },
      (index, problems, kept) => {
        if (kept) takeKept(all, kept);
        checks.arrived(index, problems);
      },
    ).then(() => details.finish());
  }

  /**
   * The problems of the checks that need no pages, shared with the workers given the records
   * (`shareRecords`): `runHere` runs those this thread takes. Undefined without such workers
   * (the caller runs them all).
   */
  async sharedChecks(runHere: (index: number) => Problem[]): Promise<PortableProblems | undefined> {
    const checks = this.checks;
    if (!checks) return undefined;
    const problems = await checks.run(runHere, this.settings.workersOnly);
    if (DEBUG) console.error(`parallel: waited ${Math.round(checks.waited)} ms for the workers' checks`);
    return problems;
  }

  /**
   * Renders the streamed pages into `outDir`, the folder given to `shareRecords`: the detail
   * pages on every thread, the others here; undefined (nothing written) when the records were not
   * shared (the build renders the pages itself).
   */
  async render(
    state: BuildState,
    sources: readonly PageSource[],
    outDir: string,
  ): Promise<number | undefined> {
    const details = this.details;
    if (!details || sources !== defaultParts.pages) return undefined;
    const pages = streamedPages(state, sources);
    const isDetail = (page: VirtualPage) => page.template === DETAIL_TEMPLATE;
    const detailPages = pages.filter(isDetail);
    const written = writtenPagesOf(state);
    const turn = eventLoopTurns();
    const renderHere = async (page: VirtualPage) => {
      await turn();
      written.set(outputFileOf(page.url), await writePage(outDir, page));
    };
    for (const page of pages) if (!isDetail(page)) await renderHere(page);
    const claims = new Claims(detailPages.length, RENDER_BATCH, details.claims);
    let here = 0;
    for (let batch = this.mainClaims(claims); batch; batch = claims.next()) {
      for (let i = batch[0]; i < batch[1]; i++) await renderHere(detailPages[i]);
      here += batch[1] - batch[0];
    }
    const byWorkers = await details.collect(detailPages, (i, facts) =>
      written.set(outputFileOf(detailPages[i].url), facts),
    );
    if (here + byWorkers !== detailPages.length)
      throw new Error(`render workers: ${here} + ${byWorkers} of ${detailPages.length} detail pages written`);
    if (DEBUG) console.error(`parallel: ${pages.length} pages, ${byWorkers} rendered by workers`);
    return pages.length;
  }

  /**
   * The detail pages the workers render (`shareRecords`), for the build cache's render of the
   * streamed pages (src/build/cache/streamed.ts); undefined when the records were not shared.
   */
  sharedDetails(sources: readonly PageSource[]): SharedDetails | undefined {
    const details = this.details;
    if (!details || sources !== defaultParts.pages) return undefined;
    const mainClaims = (claims: Claims) => this.mainClaims(claims);
    return {
      template: DETAIL_TEMPLATE,
      *batches(count) {
        const claims = new Claims(count, RENDER_BATCH, details.claims);
        for (let batch = mainClaims(claims); batch; batch = claims.next()) yield batch;
      },
      collect: (pages, each) => details.collect(pages, each),
      drain: (pages, each) => details.drain(pages, each),
    };
  }

  protected override forget(): void {
    this.readByWorker = undefined;
    this.details = undefined;
    this.checks = undefined;
  }
}
