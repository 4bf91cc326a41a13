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

/** Splits the records into as few shards as `shardPages` allows, of even sizes. */
export function shardsOf<T>(records: readonly T[], limit = DEFAULT_SEARCH_INDEX.shardPages): T[][] {
  const count = Math.max(1, Math.ceil(records.length / limit));
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

/** Pages whose texts share one file of `<shard>/text/`. */
export const TEXT_CHUNK = 50;

/**
 * Takes each record's page text out of its Pagefind metadata into `<shard dir>/text/<n>.json`
 * (arrays of TEXT_CHUNK texts, HTML-escaped like the metadata), leaving `meta.textRef` = "n/i".
 * Pagefind stores and compresses a fragment per page; without the text in it, indexing takes
 * about a quarter less time. The search page fetches a chunk only for results it shows or checks.
 */
function moveTextsOut(records: SearchRecord[], dir: string): void {
  const textDir = path.join(dir, "text");
  mkdirSync(textDir, { recursive: true });
  for (let start = 0, n = 0; start < records.length; start += TEXT_CHUNK, n++) {
    const chunk = records.slice(start, start + TEXT_CHUNK);
    writeFileSync(path.join(textDir, `${n}.json`), JSON.stringify(chunk.map((r) => r.meta.text ?? "")));
    chunk.forEach((r, i) => {
      delete r.meta.text;
      r.meta.textRef = `${n}/${i}`;
    });
  }
}

export async function writeSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
): Promise<ShardManifest> {
  const { shardPages, workers } = { ...DEFAULT_SEARCH_INDEX, ...settings };
  const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
  mkdirSync(bundle, { recursive: true });
  const shards = shardsOf(state.details, shardPages);
  const jobs = shards.map((records, k) => () => {
    const dir = path.join(bundle, String(k));
    const searchRecords = records.map((r) =>
      searchRecordOf(r, state.portal.site.allowHtml, state.portal.types),
    );
    moveTextsOut(searchRecords, dir);
    return { records: searchRecords, labels: records.map((r) => r.file), dir };
  });
  await runJobs(jobs, workers);
  const manifest: ShardManifest = { shards: shards.map((_, k) => `${k}/`), pages: state.details.length };
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

/** The step; tests pass smaller shards. */
export function searchIndexStep(settings: Partial<SearchIndexSettings> = {}): BuildStep {
  return {
    name: "search index",
    outputs: () => [`/${SEARCH_BUNDLE_DIR}/`],
    run: (state, outDir) => writeSearchIndex(state, outDir, settings).then(() => undefined),
  };
}
