/**
 * The after-render step that writes the search index into the staging folder, with Pagefind's
 * Node API. The staging folder replaces the published one as a whole, so no index file from an
 * earlier build survives.
 *
 * Pagefind holds every page of an index in memory until it writes, about 0.2 MB per page with our
 * bigram tokens, so the pages (newest first) are split into shards of at most `shardPages`, each a
 * complete Pagefind bundle in `pagefind/<n>/`, written one after the other. The browser searches
 * every shard and, since shard 0 holds the newest pages, concatenating their date-sorted results
 * keeps the whole list in date order. `pagefind/shards.json` lists the shards.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { BuildState } from "../eleventy/state.ts";
import type { ContentRecord } from "../content/types.ts";
import { afterRenderSteps } from "../build/steps.ts";
import { searchRecordOf } from "./records.ts";

export const SEARCH_BUNDLE_DIR = "pagefind";
export const SHARD_MANIFEST = "shards.json";
export const searchIndexSettings = {
  /** Largest shard: bounds the Pagefind process's memory (docs/search.md has the measurements). Tests lower it. */
  shardPages: 4000,
};
/** Records in flight at once: enough to keep the Pagefind binary busy, bounded for memory. */
const BATCH = 256;
/** Pagefind's prebuilt UIs; the portal has its own (src/assets/search.js). */
const UNUSED_FILES = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js"];

export interface ShardManifest {
  /** Bundle folders relative to pagefind/, newest pages first. */
  shards: string[];
  pages: number;
}

export interface WriteOptions {
  /** Called after each shard is written, Pagefind still running (the harness reads its memory). */
  afterShard?: () => void;
}

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`搜索索引生成失败（${what}）：${errors.join("；")}`);
}

/** Splits the records into as few shards as `shardPages` allows, of even sizes. */
export function shardsOf<T>(records: readonly T[], limit = searchIndexSettings.shardPages): T[][] {
  const count = Math.max(1, Math.ceil(records.length / limit));
  const size = Math.ceil(records.length / count);
  return Array.from({ length: count }, (_, k) => records.slice(k * size, (k + 1) * size));
}

async function writeShard(records: readonly ContentRecord[], dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail("创建索引", errors);
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const responses = await Promise.all(batch.map((r) => index.addCustomRecord(searchRecordOf(r))));
    const failed = responses.flatMap((res, i) => res.errors.map((e) => `${batch[i].file}：${e}`));
    if (failed.length) fail("添加页面", failed);
  }
  const written = await index.writeFiles({ outputPath: dir });
  if (written.errors.length) fail("写入文件", written.errors);
  await index.deleteIndex();
  for (const file of UNUSED_FILES) rmSync(path.join(dir, file), { force: true });
}

export async function writeSearchIndex(state: BuildState, outDir: string, options: WriteOptions = {}): Promise<ShardManifest> {
  const bundle = path.join(outDir, SEARCH_BUNDLE_DIR);
  const shards = shardsOf(state.details);
  try {
    for (const [k, records] of shards.entries()) {
      await writeShard(records, path.join(bundle, String(k)));
      options.afterShard?.();
    }
  } finally {
    await pagefind.close();
  }
  const manifest: ShardManifest = { shards: shards.map((_, k) => `${k}/`), pages: state.details.length };
  writeFileSync(path.join(bundle, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  return manifest;
}

afterRenderSteps.push({ name: "search index", run: (state, outDir) => writeSearchIndex(state, outDir).then(() => undefined) });
