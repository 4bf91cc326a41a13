/**
 * The after-render step that writes the search index into the staging folder, with Pagefind's
 * Node API. The staging folder replaces the published one as a whole, so no index file from an
 * earlier build survives.
 *
 * Pagefind holds every page of an index in memory until it writes (about 0.2 MB per page with
 * our character tokens), and indexes on one core. So the pages, newest first, are split into
 * shards of at most `shardPages`, each a complete Pagefind bundle in `pagefind/<n>/`, written by
 * `workers` Pagefind processes side by side (src/search/shard-worker.mjs). The browser searches
 * every shard; since shard 0 holds the newest pages, concatenating their date-sorted results
 * keeps the whole list in date order. `pagefind/shards.json` lists the shards.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BuildState } from "../eleventy/state.ts";
import type { BuildStep } from "../build/steps.ts";
import { searchRecordOf, type SearchRecord } from "./records.ts";
import { searchPagesOf, searchTextOf } from "./search-pages.ts";
import { sessionOf } from "../build/cache/session.ts";
import { SearchShardCache } from "../build/cache/search-shards.ts";

export const SEARCH_BUNDLE_DIR = "pagefind";
export const SHARD_MANIFEST = "shards.json";

export interface SearchIndexSettings {
  /** Largest shard: bounds each Pagefind process's memory (docs/search.md has the measurements). Tests lower it. */
  shardPages: number;
  /** Pagefind processes at once (each one core, each up to a shard's memory). */
  workers: number;
}

export const DEFAULT_SEARCH_INDEX: Readonly<SearchIndexSettings> = {
  shardPages: 2500,
  workers: Math.min(2, availableParallelism()),
};

export interface ShardManifest {
  /** Bundle folders relative to pagefind/, newest pages first. */
  shards: string[];
  pages: number;
}

interface ShardJob {
  records: SearchRecord[];
  /** Source files of the records, for messages. */
  labels: string[];
  dir: string;
}

/**
 * A shard may exceed `shardPages` by this share rather than take a shard of its own: the topic
 * pages (a dozen) would otherwise add a whole shard to a round 10,000 items, and every shard costs
 * the browser its own pagefind.js, WebAssembly and metadata (about 100 KB) on the first query.
 */
export const SHARD_SLACK = 1.02;

/** Splits the records into as few shards as `shardPages` (with SHARD_SLACK) allows, of even sizes. */
export function shardsOf<T>(records: readonly T[], limit = DEFAULT_SEARCH_INDEX.shardPages): T[][] {
  const count = Math.max(1, Math.ceil(records.length / (limit * SHARD_SLACK)));
  const size = Math.ceil(records.length / count);
  return Array.from({ length: count }, (_, k) => records.slice(k * size, (k + 1) * size));
}

const WORKER = new URL("./shard-worker.mjs", import.meta.url);

/**
 * Runs the jobs on `workers` worker threads, each taking the next job when it is free. Jobs are
 * made when taken, so the first Pagefind process starts while later shards are still prepared.
 */
async function runJobs(jobs: (() => ShardJob)[], workers: number): Promise<void> {
  const queue = [...jobs];
  const problems: string[] = [];
  const lane = async () => {
    const worker = new Worker(WORKER);
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const current = next();
        const reply = await new Promise<{ errors: string[] }>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.postMessage(current);
        });
        worker.removeAllListeners("error");
        problems.push(...reply.errors);
      }
    } finally {
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.postMessage("close");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, lane));
  if (problems.length) throw new Error(`搜索索引生成失败：${problems.join("；")}`);
}

/** Most pages whose texts share one file of `<shard>/text/`. */
export const TEXT_CHUNK = 50;
/** A text file takes no more pages once it holds this many characters: long documents get small files. */
export const TEXT_CHUNK_CHARS = 4_000;

/**
 * Takes each record's page text out of its Pagefind metadata into `<shard dir>/text/<n>.json`
 * (arrays of up to TEXT_CHUNK texts, HTML-escaped like the metadata), leaving `meta.textRef` =
 * "n/i". Pagefind stores and compresses a fragment per page; without the text in it, indexing
 * takes about a quarter less time. The search page fetches a file only for results it shows (for
 * the excerpt), so a file stops at TEXT_CHUNK_CHARS: a 30,000-character document does not make
 * each result fetch 49 others.
 */
function moveTextsOut(records: SearchRecord[], dir: string): void {
  const textDir = path.join(dir, "text");
  mkdirSync(textDir, { recursive: true });
  let files = 0;
  let chunk: string[] = [];
  let chars = 0;
  const flush = () => {
    if (chunk.length) writeFileSync(path.join(textDir, `${files++}.json`), JSON.stringify(chunk));
    chunk = [];
    chars = 0;
  };
  for (const r of records) {
    if (chunk.length && (chunk.length >= TEXT_CHUNK || chars + (r.meta.text?.length ?? 0) > TEXT_CHUNK_CHARS))
      flush();
    r.meta.textRef = `${files}/${chunk.length}`;
    chunk.push(r.meta.text ?? "");
    chars += r.meta.text?.length ?? 0;
    delete r.meta.text;
  }
  flush();
}

/**
 * Writes `pagefind/` into `outDir`. The pages' text is read from the pages in `pagesDir` (the
 * build's output; the dev server writes its index elsewhere), rendered anew when missing.
 */
export async function writeSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
  pagesDir = outDir,
): Promise<ShardManifest> {
  const { shardPages, workers } = { ...DEFAULT_SEARCH_INDEX, ...settings };
  const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
  mkdirSync(bundle, { recursive: true });
  const pages = searchPagesOf(state);
  const shards = shardsOf(pages, shardPages);
  // Shards whose pages are as in the build cache are copied from it (src/build/cache/search-shards.ts).
  const session = sessionOf(state);
  const cache = session && new SearchShardCache(session, outDir);
  const keys = shards.map((shard, k) => cache?.key(k, shard));
  const todo = shards
    .map((shard, k) => ({ shard, k, key: keys[k] }))
    .filter(({ k, key }) => !(key && cache?.restore(key, path.join(bundle, String(k)))));
  const jobs = todo.map(({ shard, k }) => () => {
    const dir = path.join(bundle, String(k));
    const searchRecords = shard.map((page) =>
      searchRecordOf(page, searchTextOf(page, pagesDir), state.portal.types),
    );
    moveTextsOut(searchRecords, dir);
    return { records: searchRecords, labels: shard.map((page) => page.record?.file ?? page.url), dir };
  });
  if (jobs.length) await runJobs(jobs, workers);
  for (const { k, key } of todo) if (key) cache?.keep(key, path.join(bundle, String(k)));
  const manifest: ShardManifest = { shards: shards.map((_, k) => `${k}/`), pages: pages.length };
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
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
