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
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BuildState } from "../eleventy/state.ts";
import type { BuildStep } from "../build/steps.ts";
import { searchFacets, searchRecordOf } from "./records.ts";
import { searchPagesOf, searchTextOf, type SearchPage } from "./search-pages.ts";
import { DOC_CHUNK, dateColumn, facetColumns, piecesOf, shardDocFiles } from "./doc-store.ts";
import { FileLog, gzipIndexFile, writeGramFiles, type ShardGrams } from "./gram-files.ts";
import { sessionOf } from "../build/cache/session.ts";
import { SearchShardCache } from "../build/cache/search-shards.ts";
import { bundleModules } from "./worker-bundle.ts";

export const SEARCH_BUNDLE_DIR = "pagefind";
export const INDEX_MANIFEST = "index.json";
/**
 * The search page's script and its Worker, each in one file (worker-bundle.ts), beside the index
 * they read: each is one request instead of a wave of modules (layouts/search.ts starts the first).
 */
export const SEARCH_SCRIPTS = {
  "search-page.js": new URL("../assets/search.js", import.meta.url),
  "worker.js": new URL("../assets/search-worker.js", import.meta.url),
} as const;
/** Bumped when the files change shape: the Worker refuses an index it cannot read. */
export const INDEX_FORMAT = 1;

export interface SearchIndexSettings {
  /** Most pages a shard (rounded down to a multiple of DOC_CHUNK). Tests lower it. */
  shardPages: number;
  /** Shards indexed at once (each a worker thread: one core, up to a shard's memory). */
  workers: number;
}

export const DEFAULT_SEARCH_INDEX: Readonly<SearchIndexSettings> = {
  shardPages: 4096,
  workers: Math.min(2, availableParallelism()),
};

export interface IndexManifest {
  format: number;
  pages: number;
  /** First id of each shard. */
  shards: number[];
  buckets: number;
  chunk: number;
  /** A hash of every other file of the index: the Worker adds `?v=<version>` to their URLs. */
  version: string;
  facets: { key: string; values: string[] }[];
}

/** Cuts `count` ids into runs of at most `limit` (a multiple of DOC_CHUNK): the first id of each. */
export function shardStarts(count: number, limit = DEFAULT_SEARCH_INDEX.shardPages): number[] {
  const size = Math.max(DOC_CHUNK, limit - (limit % DOC_CHUNK));
  const starts: number[] = [];
  for (let at = 0; at < Math.max(count, 1); at += size) starts.push(at);
  return starts;
}

interface ShardJob {
  pages: { title: string; pieces: string[] }[];
}
interface ShardReply {
  shard?: ShardGrams & { starts: number[][] };
  error?: string;
}

const WORKER = new URL("./gram-shard.mjs", import.meta.url);

/**
 * Runs the jobs on `workers` worker threads, each taking the next job when it is free; jobs are
 * made when taken, so a shard's pages are read while the previous one is indexed.
 */
async function runJobs(
  jobs: { k: number; make: () => ShardJob }[],
  workers: number,
  done: (k: number, job: ShardJob, reply: ShardGrams & { starts: number[][] }) => void,
): Promise<void> {
  let next = 0;
  const problems: string[] = [];
  const lane = async () => {
    const worker = new Worker(WORKER);
    try {
      for (let at = next++; at < jobs.length; at = next++) {
        const job = jobs[at].make();
        const reply = await new Promise<ShardReply>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.postMessage(job);
        });
        worker.removeAllListeners("error");
        if (reply.error) problems.push(reply.error);
        else done(jobs[at].k, job, reply.shard!);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, lane));
  if (problems.length) throw new Error(`搜索索引生成失败：${problems.join("；")}`);
}

/**
 * Writes the index into `outDir/pagefind/`. The pages' text is read from the pages in `pagesDir`
 * (the build's output; the dev server writes its index elsewhere), rendered anew when missing.
 */
export async function writeSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
  pagesDir = outDir,
): Promise<IndexManifest> {
  const { shardPages, workers } = { ...DEFAULT_SEARCH_INDEX, ...settings };
  const dir = path.join(outDir, SEARCH_BUNDLE_DIR);
  for (const sub of ["d", "t"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const pages = searchPagesOf(state);
  const starts = shardStarts(pages.length, shardPages);
  const records = pages.map((page) => searchRecordOf(page, state.portal.types));
  const grams: ShardGrams[] = [];
  const pending: Promise<void>[] = [];
  const log = new FileLog();
  const write = (rel: string, data: Uint8Array) =>
    pending.push(
      gzipIndexFile(data).then((z) => {
        log.add(rel, z);
        // A file of the previous output may be there, a blob's hard link (src/build/cache/spare.ts).
        if (!cache?.claim(rel, log.hashOf(rel)!)) writeFileSync(path.join(dir, rel), z);
      }),
    );
  const sliceOf = (k: number): SearchPage[] => pages.slice(starts[k], starts[k + 1] ?? pages.length);
  // Shards whose pages are as in the build cache come from it (src/build/cache/search-shards.ts).
  const session = sessionOf(state);
  const cache = session && new SearchShardCache(session, outDir, dir);
  const shardKeys = starts.map((first, k) => cache?.key(`${k}@${first}`, sliceOf(k)));
  const shardFiles: string[][] = starts.map(() => []);
  const todo: { k: number; make: () => ShardJob }[] = [];
  starts.forEach((_, k) => {
    const cached = shardKeys[k] === undefined ? undefined : cache?.restore(shardKeys[k]);
    if (cached) {
      grams[k] = cached.grams;
      for (const [rel, sha256] of cached.files) log.addHash(rel, sha256);
    } else
      todo.push({
        k,
        make: () => ({
          pages: sliceOf(k).map((page) => ({
            title: page.title,
            pieces: piecesOf(searchTextOf(page, pagesDir)),
          })),
        }),
      });
  });
  await runJobs(todo, workers, (k, job, reply) => {
    grams[k] = reply;
    const stored = job.pages.map((p, i) => ({
      record: records[starts[k] + i],
      pieces: p.pieces,
      starts: reply.starts[i],
    }));
    for (const [rel, text] of shardDocFiles(k, starts[k], stored)) {
      shardFiles[k].push(rel);
      write(rel, Buffer.from(text));
    }
  });
  const { buckets } = await writeGramFiles(dir, grams, log, cache?.joined());
  const keys = searchFacets(state.portal.types).map((f) => f.key);
  const { values, columns } = facetColumns(
    keys,
    records.map((r) => r.filters),
  );
  write("f.gz", columns);
  write("o.gz", dateColumn(pages.map((page) => page.date)));
  await Promise.all(pending);
  for (const { k } of todo) {
    const key = shardKeys[k];
    if (key)
      cache?.keep(
        key,
        shardFiles[k].map((rel) => [rel, log.hashOf(rel)!]),
        grams[k],
      );
  }
  const manifest: IndexManifest = {
    format: INDEX_FORMAT,
    pages: pages.length,
    shards: starts,
    buckets,
    chunk: DOC_CHUNK,
    version: log.version(),
    facets: keys.map((key) => ({ key, values: values[key] })),
  };
  writeFileSync(path.join(dir, INDEX_MANIFEST), `${JSON.stringify(manifest)}\n`);
  writeSearchScripts(dir);
  return manifest;
}

/**
 * Writes the search page's script and its Worker into `dir` (the index folder). The dev server
 * writes them with its first pages, before its index: the page then says the search is not
 * available yet instead of doing nothing.
 */
export function writeSearchScripts(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of Object.entries(SEARCH_SCRIPTS))
    writeFileSync(path.join(dir, name), bundleModules(fileURLToPath(source)));
}

/** The search index step's name (the dev server leaves it to its background refresh). */
export const SEARCH_STEP = "search index";

/** The step; tests pass smaller shards. */
export function searchIndexStep(settings: Partial<SearchIndexSettings> = {}): BuildStep {
  return {
    name: SEARCH_STEP,
    outputs: () => [`/${SEARCH_BUNDLE_DIR}/`],
    run: (state, outDir) => writeSearchIndex(state, outDir, settings).then(() => undefined),
  };
}
