/**
 * One whole build: settings → validated records → pages (Eleventy for any page source that is
 * not streamed, then the streamed pages) → after-render steps → swap.
 * Everything is written to a sibling folder first; the published folder is replaced only when
 * every phase succeeded, so a failed build leaves the previous output exactly as it was.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Site } from "../config/schema.ts";
import type { BuildOptions, BuildState, StateRef } from "../eleventy/state.ts";
import { gongkaiPlugin, type EleventyConfigLike } from "../eleventy/plugin.ts";
import { orderSteps, runSteps } from "./steps.ts";
import { writeStreamedPages } from "./streamed-pages.ts";
import { preparePublication } from "./publish.ts";
import { createStateWith } from "./load-state.ts";
import type { SiteParts } from "./outputs.ts";
import { defaultParts } from "./defaults.ts";
import type { RecordCache } from "../content/record-cache.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { openSession } from "./cache/session.ts";
import type { CacheReport } from "./cache/cache-report.ts";
import { SpareScan } from "./cache/spare-scan.ts";
import { writeStreamedPagesCached } from "./cache/streamed.ts";
import { cacheStartsEmpty } from "./cache/fill.ts";
import { copyPassthrough } from "./passthrough.ts";
import { openRecordStore, recordStoreBytes } from "./cache/records.ts";
import { saveAfterPublish } from "./cache/cache-save.ts";
import { scanContent, scanOnWorker } from "./cache/content-scan.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { recordPlugin } from "../eleventy/virtual-pages.ts";
import { BuildWorkers } from "./parallel/pool.ts";
import { phaseTimer } from "./phase-timer.ts";
import { defaultParallelSettings, type ParallelSettings } from "./parallel/settings.ts";

export interface BuildSiteOptions {
  site: Site;
  /** Absolute path of content/. */
  contentDir: string;
  /** The folder to publish into (_site). */
  outDir: string;
  /** site.config.ts, so the output folder can never be one that holds it (src/build/output-guard.ts). */
  configPath?: string;
  /** The build's clock, epoch ms (default: now). */
  now?: number;
  /** Preview: publish drafts and scheduled items, marked as such. */
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
  /** The content types (default: src/content-types/index.ts); tests add their own. */
  types?: readonly AnyTypeSpec[];
  /** Page sources and after-render steps (default: the portal's, src/build/defaults.ts). */
  parts?: SiteParts;
  /** Items other sites of a platform share into this one (src/platform/shares.ts). */
  extraFiles?: BuildOptions["extraFiles"];
  /**
   * The build cache folder (src/build/cache/): unchanged pages and search shards are taken from
   * it. Unset: no cache (every page rendered). Preview builds never use it.
   */
  cacheDir?: string;
  /** Built into a platform's staging: the spare folder comes from the platform's publish (src/platform/build.ts). */
  inPlatform?: boolean;
  /** Threads for reading files and rendering pages (default: every core; src/build/parallel/). */
  parallel?: Partial<ParallelSettings>;
  /**
   * Called once the records are loaded and validated, before anything is rendered: `npm start`
   * renders the pages people ask for from this state while the build goes on (src/dev/).
   */
  onState?: (state: BuildState) => void;
}

export interface BuildResult {
  state: BuildState;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  /** CPU milliseconds per phase, of the whole process (every thread: workers, GC, the index's threads). */
  cpuTimings: Record<string, number>;
  /** What the build cache gave, when one was used. */
  cache?: CacheReport;
}

/**
 * Eleventy's input folder. Every page is a virtual template and this folder holds only TypeScript
 * modules, which are no template format, so Eleventy finds no templates of its own there.
 */
export const EMPTY_INPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "pages");

export async function buildSite(options: BuildSiteOptions): Promise<BuildResult> {
  const { timings, cpuTimings, timed } = phaseTimer();
  // Refuses a folder that is not Gongkai's and repairs what killed builds left, before any work.
  const publication = preparePublication(options.outDir, {
    contentDir: options.contentDir,
    configPath: options.configPath,
  });
  for (const line of publication.repaired) console.error(line);
  const now = options.now ?? Date.now();
  const parts = options.parts ?? defaultParts;
  // Ordered before anything is read: a step naming a missing step fails at once.
  const steps = orderSteps(parts.steps);
  const types = options.types ?? DEFAULT_TYPES;
  const contentDir = path.resolve(options.contentDir);
  const storeDir =
    options.cache || options.cacheDir === undefined || options.includeDrafts
      ? undefined
      : path.resolve(options.cacheDir);
  // The files are listed and stat'ed on another thread while the store opens
  // (src/build/cache/content-scan.ts): started first, as load+validate waits for it. The spare
  // output folder is listed (or made from the published one) on another thread meanwhile
  // (src/build/cache/spare-scan.ts). A small site of a platform, whose spare folder the
  // platform's publish hands over, does both itself: sooner than a worker starts.
  const storeBytes = storeDir === undefined ? undefined : recordStoreBytes(storeDir);
  const minFiles = options.parallel?.minFiles ?? defaultParallelSettings().minFiles;
  const small =
    options.inPlatform === true && storeBytes !== undefined && !scanOnWorker(storeBytes, minFiles);
  const scanned = storeBytes !== undefined && !small ? scanContent(contentDir) : undefined;
  const scan =
    options.cacheDir === undefined || options.includeDrafts || small
      ? undefined
      : SpareScan.start(path.resolve(options.cacheDir), publication.target);
  // With a build cache, unchanged files keep the records the last build validated (records.ts).
  const records =
    options.cache ??
    (storeDir === undefined
      ? undefined
      : await timed("records open", () =>
          openRecordStore(storeDir, options.site, types, (options.extraFiles?.length ?? 0) > 0),
        ));
  // Worker threads for the files and the pages, started when there are enough of them.
  const workers = new BuildWorkers(options.parallel);
  // Without a build cache session, or with an empty cache to fill (cache/fill.ts), the staging
  // folder starts empty, so it is made now: render workers write detail pages into it while this
  // thread still checks (src/build/parallel/), noting what each read when there is a cache to fill.
  const filling =
    options.cacheDir !== undefined &&
    !options.includeDrafts &&
    cacheStartsEmpty(path.resolve(options.cacheDir));
  const early =
    options.cacheDir === undefined || options.includeDrafts || filling ? publication.begin() : undefined;
  // A build that stops before it opens the cache lets go of the lock the scan took.
  const abandoning = <T>(work: Promise<T>): Promise<T> =>
    work.catch(async (err: unknown) => {
      await scan?.abandon();
      if (early) publication.abort();
      throw err;
    });
  const state = await timed("load+validate", () =>
    abandoning(
      workers.guard(async () => {
        const loadOptions: BuildOptions = {
          site: options.site,
          contentDir,
          now,
          includeDrafts: options.includeDrafts,
          cache: records,
          types,
          extraFiles: options.extraFiles,
          prepared: (await workers.readContent(options.site, types, contentDir, records)) ?? (await scanned),
        };
        // Render workers write the detail pages while the checks run; with a build cache only when
        // it is empty (a cached build reuses most pages: it decides page by page here).
        if (early)
          loadOptions.onLoaded = (loaded) => {
            if (!loaded.problems.some((p) => p.severity === "error"))
              workers.shareRecords(loadOptions, loaded.all, parts.pages, early, filling);
          };
        // The checks that need no pages are shared with a worker given the records, if there is one.
        return createStateWith(loadOptions, parts, (runHere) => workers.sharedChecks(runHere));
      }),
    ),
  );
  // Read once: the state need not keep every file's result.
  delete state.options.prepared;
  delete state.options.onLoaded;
  options.onState?.(state);
  const session =
    options.cacheDir === undefined
      ? undefined
      : await timed("cache open", () =>
          abandoning(
            Promise.resolve().then(() => openSession(state, parts, options.cacheDir!, options.configPath)),
          ),
        );
  if (!session) await scan?.abandon();
  // Listed before it is renamed (a small site loads sooner than the scan reads it): otherwise the
  // scan fails and the folder is listed again on this thread, and the manifest reads every folder.
  const listing = session && scan && (await timed("spare wait", () => scan.listing));
  // With the cache, the staging folder starts as the output before last (src/build/cache/spare.ts).
  const staging = early ?? publication.begin(session?.spare, options.inPlatform);
  const ref: StateRef = { current: state };
  try {
    if (session && publication.reused) await timed("staging reuse", () => session.adopt(staging, listing));
    else void scan?.dispose();
    await timed("render", async () => {
      // Nothing left for Eleventy but the asset copy: do that alone (src/build/passthrough.ts).
      if (parts.pages.every((source) => source.streamed))
        return copyPassthrough(recordPlugin(ref, parts.pages).passthrough, staging);
      // Imported only here: the default page sources are all streamed, and loading Eleventy's 160 ES
      // modules cost every `npm start` and `npm run build` ~0.5–1 s of CPU before the first file was read.
      const { default: Eleventy } = await import("@11ty/eleventy");
      const eleventy = new Eleventy(EMPTY_INPUT, staging, {
        quietMode: true,
        configPath: false,
        pathPrefix: options.site.pathPrefix,
        config: (config: EleventyConfigLike) => gongkaiPlugin(config, ref, parts.pages),
      });
      // Eleventy would print its own English errors with stacks; the CLI reports them in Chinese.
      eleventy.disableLogger();
      await eleventy.write();
    });
    await timed("render streamed", async () =>
      session
        ? writeStreamedPagesCached(session, parts.pages, staging, workers.sharedDetails(parts.pages))
        : ((await workers.render(state, parts.pages, staging)) ??
          writeStreamedPages(state, parts.pages, staging)),
    );
    // The steps need no render worker (the search index starts its own): their memory goes now.
    await workers.close();
    await runSteps(
      steps,
      (step) => timed(step.name, () => step.run(state, staging)),
      (step, running) => timed(`${step.name}, early`, () => step.early?.(state, staging, running)),
    );
    session?.sweep();
    await timed("publish", () => publication.commit(session?.spare));
  } catch (err) {
    // No worker may write into the staging folder once it is removed.
    await workers.close();
    publication.abort();
    session?.release();
    throw err;
  }
  // The site is published: the cache's save cannot fail it (cache/cache-save.ts).
  if (session) {
    await timed("cache save", () =>
      saveAfterPublish(session, {
        cacheDir: path.resolve(options.cacheDir!),
        target: publication.target,
        inPlatform: options.inPlatform,
        records: records === options.cache ? undefined : records,
        types,
      }),
    );
  }
  return { state, timings, cpuTimings, cache: session?.report };
}
