/**
 * The after-render step that writes the search index (docs/search.md, "Layout") into the
 * staging folder, which replaces the published one as a whole, so no index file from an earlier
 * build survives.
 *
 * Pages get ids newest first and are cut into shards of consecutive ids. Each shard is indexed on
 * its own (gram-shard.mjs, in `workers` worker threads side by side) and writes its own record
 * and text files (doc-store.ts); the grams of all shards are then joined into bucket files
 * (gram-files.ts). A shard's output depends only on its pages and its first id.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { BuildState } from "../eleventy/state.ts";
import type { BuildStep } from "../build/steps.ts";
import { searchPagesOf, type SearchPage } from "./search-pages.ts";
import { DOC_CHUNK, type ColumnsFrom } from "./doc-store.ts";
import { stepColumns, type StepColumns } from "./step-columns.ts";
import { KeptColumns } from "../build/cache/search-columns.ts";
import { FileLog, IndexedShard, wideKeys, writeGramFiles, type JoinShard } from "./gram-files.ts";
import { sessionOf } from "../build/cache/session.ts";
import { SearchShardCache, type KeyParts } from "../build/cache/search-shards.ts";
import { CachedTexts } from "../build/cache/search-texts.ts";
import { writeSearchScripts } from "./search-scripts.ts";
import { StepWorkers } from "./step-workers.ts";
import { lanesFit } from "./join-on-lanes.ts";
import { IndexSpans } from "./index-spans.ts";
import { Writer } from "./join-writer.ts";
import { jobOf, runJobs, shardStarts, type MakeJob, type ShardDone } from "./shard-jobs.ts";
import { writtenFilesOf } from "../build/written-pages.ts";
import { keepIndexed } from "./keep-indexed.ts";
import type { IndexManifest } from "./index-manifest.ts";
import { LONG_BASE } from "../assets/search-long.js";
import { INDEX_FORMAT } from "../assets/search-query.js";

export { SEARCH_SCRIPTS, writeSearchScripts } from "./search-scripts.ts";
export type { IndexManifest } from "./index-manifest.ts";

export const SEARCH_BUNDLE_DIR = "pagefind";
export const INDEX_MANIFEST = "index.json";

export interface SearchIndexSettings {
  /** Most pages a shard (rounded down to a multiple of DOC_CHUNK). Tests lower it. */
  shardPages: number;
  /** Shards indexed at once (worker threads: a core and up to a shard's memory each). */
  workers: number;
}

export const DEFAULT_SEARCH_INDEX: Readonly<SearchIndexSettings> = {
  shardPages: 4096,
  workers: Math.min(2, availableParallelism()),
};

/**
 * Writes the index into `outDir/pagefind/`. The pages' text is read from the pages in `pagesDir`
 * (the build's output; the dev server writes its index elsewhere), rendered anew when missing.
 * `hashes` is given each gzipped file's SHA-256 by its path in `outDir` (the manifest's).
 */
export async function writeSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
  pagesDir = outDir,
  hashes?: Map<string, string>,
): Promise<IndexManifest> {
  const { shardPages, workers } = { ...DEFAULT_SEARCH_INDEX, ...settings };
  const spans = new IndexSpans();
  const dir = path.join(outDir, SEARCH_BUNDLE_DIR);
  for (const sub of ["d", "t"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const session = sessionOf(state);
  // After pages were rendered anew (an edit) a shard is likely indexed again: the workers load their
  // modules while this thread lists and keys the shards, not once a key missed (closed if none did).
  const pool = new StepWorkers(workers, !!session && session.rendered.size > 0);
  let pages: SearchPage[];
  try {
    pages = searchPagesOf(state);
  } catch (err) {
    await pool.close();
    throw err;
  }
  const starts = shardStarts(pages.length, shardPages);
  const grams: JoinShard[] = [];
  const indexed: IndexedShard[] = [];
  const log = new FileLog();
  const sliceOf = (k: number): SearchPage[] => pages.slice(starts[k], starts[k + 1] ?? pages.length);
  // Shards whose pages are as in the build cache come from it (src/build/cache/search-shards.ts).
  const cache = session && new SearchShardCache(session, outDir, dir, pagesDir);
  const texts = session && cache && new CachedTexts(session, () => cache.proofs.fromPagesBuild());
  const joined = cache?.joined();
  /** The cached build's bucket count: a shard indexed again brings its shares of them (shard-jobs.ts). */
  const bucketsBefore = joined?.before()?.buckets;
  const shardKeys: (string | undefined)[] = [];
  /** What the key of a shard indexed again holds of each page (kept with it, search-shards.ts). */
  const shardParts: (KeyParts | undefined)[] = [];
  /** A shard from the cache: its share of the columns (search-columns.ts). */
  const cachedColumns: (ColumnsFrom | undefined)[] = [];
  const types = state.portal.types;
  const shardFiles: string[][] = starts.map(() => []);
  /** A shard's files written here: only these are stored (the others are the cache's blobs already). */
  const shardWritten = starts.map(() => new Set<string>());
  spans.lap("prepare");
  const todo: { k: number; make: MakeJob }[] = [];
  const done = (k: number, reply: ShardDone) => {
    texts?.count(reply.read, reply.patched);
    const made = reply.shares && { buckets: bucketsBefore!, digests: reply.shares };
    grams[k] = indexed[k] = new IndexedShard(reply.grams, shardKeys[k], made, cache && cache.gramsFile);
    for (const [rel, sha256, gz] of reply.files) {
      shardFiles[k].push(rel);
      log.addHash(rel, sha256);
      // Not written by the worker: the previous output's file may be there (src/build/cache/spare.ts).
      if (gz) {
        if (cache?.claim(rel, sha256)) continue;
        writeFileSync(path.join(dir, rel), gz);
        shardWritten[k].add(rel);
      } else cache?.place(rel, sha256);
    }
  };
  // With the cache, the first shard to index again is handed to the workers as soon as its key
  // misses: they index it while this thread keys the other shards (~0.3 s at 50k items).
  let first: Promise<Error | void> | undefined;
  // A run's error is thrown once the other's jobs have ended too.
  const settled = (run: Promise<void>) => run.catch((err: unknown) => err as Error);
  let buckets: number;
  let columnsMade: StepColumns | undefined;
  // Into the build cache while the join's lanes lay out (keep-indexed.ts).
  const keepShards = (buckets: number) =>
    cache &&
    keepIndexed(cache, log, buckets, todo, {
      keys: shardKeys,
      parts: shardParts,
      files: shardFiles,
      written: shardWritten,
      shards: indexed,
      columns: columnsMade?.parts,
    });
  try {
    starts.forEach((start, k) => {
      const place = `${k}@${start}`;
      const slice = sliceOf(k);
      // Proven as the cached build keyed it (search-proof.ts): not keyed again, unless its files are gone.
      const proven = cache?.proofs.provenKey(place, slice);
      let cached = proven === undefined ? undefined : cache?.restore(proven);
      const keyed = cached ? undefined : cache?.key(place, slice);
      const key = (shardKeys[k] = cached ? proven : keyed?.key);
      cached ??= keyed && cache?.restore(keyed.key);
      if (key !== undefined) cache?.proofs.keep(place, key, slice);
      if (cached) {
        grams[k] = cached.shard;
        cachedColumns[k] = cached.columns;
        for (const [rel, sha256] of cached.files) log.addHash(rel, sha256);
        return;
      }
      shardParts[k] = keyed?.parts;
      todo.push({
        k,
        make: (render) =>
          jobOf({ shard: k, first: starts[k], pages: sliceOf(k), pagesDir, types }, render, {
            dir: cache ? undefined : dir,
            // The cached shard's blobs and its pages whose HTML is as then: the worker reads their text.
            before: () => texts?.of(k, sliceOf(k), shardParts[k]),
            buckets: bucketsBefore,
          }),
      });
      if (cache && !first) first = settled(runJobs(todo.slice(), pool.forShard(), spans, done));
    });
    spans.lap("restore");
    // No worker when the cache holds every shard (it places the joined files from this thread; one started
    // early is closed); else every worker, each holding its next message: it goes on while this thread runs
    // the other (beside) steps.
    const ready = pool.forJoin(todo.length, !!cache);
    const rest = settled(runJobs(todo.slice(first ? 1 : 0), ready, spans, done));
    // The columns while the workers index (each has its next shard): not after the join, where
    // this thread's work is the step's last (~0.3 s at 50k items after one edit).
    columnsMade = stepColumns(
      starts.map((_, k) => sliceOf(k)),
      starts,
      types,
      { from: cachedColumns, keys: shardKeys, kept: session && new KeptColumns(session) },
    );
    spans.lap("columns");
    for (const err of await Promise.all([first, rest])) if (err) throw err;
    spans.lap("index");
    // The build cache places unchanged joined files itself (gram-files.ts); else the workers write them.
    ({ buckets } = await writeGramFiles(
      dir,
      grams,
      log,
      joined,
      ready.size ? (files) => ready.write(dir, files) : undefined,
      spans,
      // After a few shards changed, the buckets they touch are laid out on the workers too.
      cache && ready.size && lanesFit(grams, todo.length) ? ready.lanes() : undefined,
      keepShards,
    ));
  } catch (err) {
    await pool.close();
    throw err;
  }
  // Every worker has answered: they end while this thread writes the rest of the index (none writes now).
  const closed = pool.close();
  closed.catch(() => undefined);
  const { keys, values } = columnsMade;
  // Placed from the build cache when made from the same bytes as then (joined), else gzipped here.
  const writer = new Writer(dir, log, joined);
  await columnsMade.write(writer, log, joined);
  await writer.drain();
  spans.lap("write columns");
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    pages: pages.length,
    shards: starts,
    buckets,
    chunk: DOC_CHUNK,
    version: log.version(),
    facets: keys.map((key) => ({ key, values: values[key] })),
    wide: wideKeys(log),
    // Only then does the Worker look for a long phrase's long grams (search-long-plan.js).
    ...(grams.some((s) => (s.lastKey?.() ?? s.grams().keys.at(-1) ?? -1) >= LONG_BASE)
      ? { long: 1 as const }
      : {}),
  };
  writeFileSync(path.join(dir, INDEX_MANIFEST), `${JSON.stringify(manifest)}\n`);
  writeSearchScripts(dir, manifest);
  // With the cache, the manifest finds every index file in the session's `known` (each placed or kept).
  if (hashes && !session)
    for (const [rel, sha256] of log.entries()) hashes.set(`${SEARCH_BUNDLE_DIR}/${rel}`, sha256);
  spans.lap("keep");
  await closed;
  spans.lap("close workers");
  spans.print({ shards: starts.length, indexed: todo.length, workerBusyMs: pool.busyMs() });
  return manifest;
}

/** The search index step's name (the dev server leaves it to its background refresh). */
export const SEARCH_STEP = "search index";

/** The step; tests pass smaller shards. */
export function searchIndexStep(settings: Partial<SearchIndexSettings> = {}): BuildStep {
  return {
    name: SEARCH_STEP,
    // Its shards are indexed on its own workers: media, sitemap.xml … run on this thread meanwhile.
    beside: true,
    outputs: () => [`/${SEARCH_BUNDLE_DIR}/`],
    // The manifest takes the files' SHA-256 from here rather than reading them again.
    run: (state, outDir) =>
      writeSearchIndex(state, outDir, settings, outDir, writtenFilesOf(state)).then(() => undefined),
  };
}
