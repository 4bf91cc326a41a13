/**
 * The index step's shards on its worker threads (index-worker.mjs): what a worker is given for one
 * shard and what it answers, and the order they run in.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { ShardGrams } from "./gram-files.ts";
import type { CachedShard } from "../build/cache/search-texts.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { outputFileOf } from "../eleventy/virtual-pages.ts";
import { searchRecordOf } from "./records.ts";
import { DOC_CHUNK } from "./doc-pieces.mjs";
import type { SearchPage } from "./search-pages.ts";
import type { IndexWorkers } from "./index-workers.ts";
import type { IndexSpans } from "./index-spans.ts";

/** What index-worker.mjs is given for one shard: each page's HTML file (or HTML) and record. */
export interface ShardJob {
  shard: number;
  first: number;
  /** Where the worker writes the shard's files; unset: it sends them back (the build cache decides). */
  dir?: string;
  /**
   * The build cache's copy of the shard (src/build/cache/search-texts.ts): the worker takes from it
   * the text of the pages marked `cached` (cached-texts.mjs), and patches its grams when few changed.
   */
  cached?: CachedShard;
  /**
   * The cached build's bucket count: the worker makes the shard's shares of the buckets for it
   * (gram-buckets.mjs `bucketDigests`), which the join compares (changed-buckets.ts) and the cache
   * keeps; ~0.2 s of the main thread for a shard at 50k items.
   */
  buckets?: number;
  pages: (({ file: string; cached?: true } | { html: string } | { pieces: string[] }) & {
    title: string;
    /** Without `meta` for a page whose record is the cached shard's (CachedShard's `kept`). */
    record: { url: string; meta?: Record<string, string> };
  })[];
}
interface ShardReply {
  grams?: ShardGrams;
  /** The shard's files: [path in the index, SHA-256 of the gzip bytes, the bytes when not written]. */
  files?: [string, string, Uint8Array?][];
  ms?: number[];
  /** Pages whose text was read from their HTML, not taken from the cache (with `cached`). */
  read?: number;
  patched?: boolean;
  /** The shard's shares of the job's `buckets`. */
  shares?: Uint8Array;
  /** Pages marked `cached` whose text the cache did not hold and whose file is not there: to be rendered. */
  missing?: number[];
  error?: string;
}

/** A shard's reply as runJobs hands it on. */
export type ShardDone = Required<Pick<ShardReply, "grams" | "files" | "read" | "patched">> &
  Pick<ShardReply, "shares">;

/** A shard's job as made; `render`: pages (by place) to be given as their rendered HTML. */
export type MakeJob = (render?: ReadonlySet<number>) => ShardJob;

/**
 * The job of the shard `shard` (its `pages` from id `first`). `render`: pages (by place) given as
 * their HTML rendered here, and every page with its record (the worker asks again so when the
 * cache lacked a page's text or record, `missing`); `before()`: the build cache's copy of the shard.
 */
export function jobOf(
  shard: {
    shard: number;
    first: number;
    pages: readonly SearchPage[];
    pagesDir: string;
    types: readonly AnyTypeSpec[];
  },
  render: ReadonlySet<number> | undefined,
  { dir, before, buckets }: { dir?: string; before: () => CachedShard | undefined; buckets?: number },
): ShardJob {
  const cached = before();
  const recordOf = (page: SearchPage) => {
    const { url, meta } = searchRecordOf(page, shard.types);
    return { url, meta };
  };
  return {
    shard: shard.shard,
    first: shard.first,
    dir,
    cached,
    buckets,
    pages: shard.pages.map((page, i) => {
      const file = path.join(shard.pagesDir, outputFileOf(page.url));
      const rendered = render?.has(i);
      if (cached?.same[i] && !rendered) {
        // As in the cached shard, record and all: the worker takes the record from there.
        const record = cached.kept?.[i] && !render ? { url: page.url } : recordOf(page);
        return { file, cached: true, title: page.title, record };
      }
      // Read by the worker; a page not in pagesDir (the dev server's index) is rendered here.
      const source = !rendered && existsSync(file) ? { file } : { html: page.render() };
      return { ...source, title: page.title, record: recordOf(page) };
    }),
  };
}

/** Cuts `count` ids into runs of at most `limit` (a multiple of DOC_CHUNK): the first id of each. */
export function shardStarts(count: number, limit: number): number[] {
  const size = Math.max(DOC_CHUNK, limit - (limit % DOC_CHUNK));
  const starts: number[] = [];
  for (let at = 0; at < Math.max(count, 1); at += size) starts.push(at);
  return starts;
}

/** Fewest pages of a shard whose reading is split between the workers. */
const SPLIT_PAGES = 32;

/** The pages a worker reads (those whose text the build cache may have, search-texts.ts, are not). */
function unreadOf(job: ShardJob): number[] {
  return job.pages.flatMap((page, i) => ("pieces" in page || "cached" in page ? [] : [i]));
}

/** Whether the job's reading is split between the workers first (readSplit). */
function splits(job: ShardJob, pool: IndexWorkers): boolean {
  return pool.size >= 2 && unreadOf(job).length >= SPLIT_PAGES;
}

/**
 * Reading the pages and taking their text is about a third of a shard's time: with several
 * workers it is split between them (the rest of the shard needs all its pages on one), so a
 * shard indexed alone (one edit) or last (10k pages: three shards on two workers) does not leave
 * a worker idle meanwhile. The output does not depend on who read what.
 */
async function readSplit(job: ShardJob, pool: IndexWorkers, spans: IndexSpans): Promise<ShardJob> {
  const unread = unreadOf(job);
  if (pool.size < 2 || unread.length < SPLIT_PAGES) return job;
  const size = Math.ceil(unread.length / pool.size);
  const parts = Array.from({ length: pool.size }, (_, n) => unread.slice(n * size, (n + 1) * size));
  const texts = await Promise.all(
    parts.map((part) =>
      pool.call<{ pieces: string[][]; ms: number[] }>({
        text: part.map((i) => {
          const page = job.pages[i];
          return "file" in page ? { file: page.file } : { html: (page as { html: string }).html };
        }),
      }),
    ),
  );
  for (const { ms } of texts) spans.add("worker: text", ms[0], ms[0]);
  const pages = [...job.pages];
  texts
    .flatMap((t) => t.pieces)
    .forEach((pieces, n) => {
      const { title, record } = pages[unread[n]];
      pages[unread[n]] = { pieces, title, record };
    });
  return { ...job, pages };
}

/**
 * Runs the jobs on the workers, `pool.size × pool.ahead` at a time; a job is made when a worker
 * has room for it (the page lists of a few shards, not all of them at once).
 */
export async function runJobs(
  jobs: { k: number; make: MakeJob }[],
  pool: IndexWorkers,
  spans: IndexSpans,
  done: (k: number, reply: ShardDone) => void,
): Promise<void> {
  let next = 0;
  const problems: string[] = [];
  const lane = async () => {
    for (let at = next++; at < jobs.length; at = next++) {
      try {
        const job = jobs[at].make();
        // Posted before this function first waits when not split: the worker starts on it while the
        // caller goes on (index-step.ts keys the other shards meanwhile).
        let reply = await pool.call<ShardReply>(splits(job, pool) ? await readSplit(job, pool, spans) : job);
        // Only where pages are not on disk (the dev server's index) and the cache lacked their text.
        if (reply.missing)
          reply = await pool.call<ShardReply>(
            await readSplit(jobs[at].make(new Set(reply.missing)), pool, spans),
          );
        reply.ms?.forEach((ms, n) => spans.add(`worker: ${["text", "grams", "docs"][n]}`, ms, ms));
        const { grams, files, read = 0, patched = false, shares } = reply;
        done(jobs[at].k, { grams: grams!, files: files!, read, patched, shares });
      } catch (err) {
        problems.push(String((err as Error).message ?? err));
      }
    }
  };
  // A lane per message a worker may hold: its next shard is queued while it indexes one.
  await Promise.all(Array.from({ length: pool.size * pool.ahead }, lane));
  if (problems.length) throw new Error(`搜索索引生成失败：${problems.join("；")}`);
}
