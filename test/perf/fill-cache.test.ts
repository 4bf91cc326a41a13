/**
 * A build that fills an empty build cache has the render workers write the detail pages, each
 * sent back with what it read (src/build/cache/streamed.ts, src/build/parallel/). The cache it
 * leaves must be the one a single-threaded fill leaves (same keys, bytes and reads per page), so
 * the next build reuses every page, and its output must be the clean build's, byte for byte.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildSiteOptions } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import type { ParallelSettings } from "../../src/build/parallel/settings.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { INDEX_FILE, indexOf } from "../../src/build/cache/index-file.ts";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";

const SINGLE: Partial<ParallelSettings> = { threads: 1 };
/** The main thread takes no detail page: every one is a worker's. */
const WORKERS: Partial<ParallelSettings> = { threads: 2, minFiles: 1, minPages: 1, workersOnly: true };

const treeOf = (outDir: string) =>
  new Map(outputFiles(outDir).map((rel) => [rel, readFileSync(path.join(outDir, rel))]));

interface CachedPage {
  key: string;
  sha256: string;
  reads: [string, string][];
}

/** Each page of the cache's index with its key, SHA-256 and reads. */
function pagesOf(cacheDir: string): Map<string, CachedPage> {
  const index = indexOf(readFileSync(path.join(cacheDir, INDEX_FILE)), CACHE_FORMAT)!;
  const { files, keys, sha256s, reads } = index.pages;
  return new Map(
    files.map((file, row) => [
      file,
      { key: keys[row], sha256: sha256s[row], reads: index.reads[reads[row]] },
    ]),
  );
}

test("a fill by the render workers leaves the single-threaded fill's cache, and the next build reuses every page", async () => {
  const { site, contentDir, now } = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-fill-"));
  try {
    const build = (name: string, parallel: Partial<ParallelSettings>, cache?: string) =>
      buildSite({
        site,
        contentDir,
        outDir: path.join(root, name),
        now,
        parallel,
        cacheDir: cache && path.join(root, cache),
      } satisfies BuildSiteOptions);
    const clean = await build("clean", SINGLE);
    const single = await build("single", SINGLE, "single-cache");
    const workers = await build("workers", WORKERS, "workers-cache");
    const details = clean.state.details.length;
    assert.ok(details > 100, "the sample portal has detail pages");
    assert.equal(single.cache?.renderedByWorkers, undefined);
    assert.equal(workers.cache?.renderedByWorkers, details, "every detail page was a worker's");
    assert.equal(workers.cache?.rendered, single.cache?.rendered);
    assert.equal(workers.cache?.uncomparable, single.cache?.uncomparable);

    const cleanTree = treeOf(path.join(root, "clean"));
    for (const name of ["single", "workers"]) {
      const tree = treeOf(path.join(root, name));
      assert.deepEqual([...tree.keys()], [...cleanTree.keys()], `${name}: same files`);
      for (const [rel, bytes] of cleanTree) assert.ok(bytes.equals(tree.get(rel)!), `${name}: ${rel}`);
    }

    // The workers noted what each page read as the main thread's tracer does: the same index,
    // but for what a value memoized per portal the old way read (organsOf: docs/build-cache.md,
    // "Not done yet"), which only the first page to compute it notes, and a worker has its own
    // portal: its first organ page notes the organs and records as well (and is rendered again
    // after the next edit, when the main thread traces it without them).
    const singlePages = pagesOf(path.join(root, "single-cache"));
    const workerPages = pagesOf(path.join(root, "workers-cache"));
    assert.deepEqual([...workerPages.keys()].sort(), [...singlePages.keys()].sort());
    const wider: string[] = [];
    for (const [file, ours] of singlePages) {
      const theirs = workerPages.get(file)!;
      assert.equal(theirs.key, ours.key, file);
      assert.equal(theirs.sha256, ours.sha256, file);
      if (JSON.stringify(theirs.reads) === JSON.stringify(ours.reads)) continue;
      const read = new Map(theirs.reads);
      for (const [p, digest] of ours.reads) assert.equal(read.get(p), digest, `${file}: ${p}`);
      wider.push(file);
    }
    assert.ok(wider.length <= 1, `pages whose reads differ: ${wider.join(" ")}`);

    // The next build with the workers' cache renders nothing and gives the same bytes.
    const again = await build("workers", WORKERS, "workers-cache");
    assert.equal(again.cache?.rendered, 0);
    assert.equal(again.cache?.reused, workers.cache?.rendered);
    assert.equal(again.cache?.renderedByWorkers, undefined, "a cached build decides page by page here");
    const againTree = treeOf(path.join(root, "workers"));
    assert.deepEqual([...againTree.keys()], [...cleanTree.keys()]);
    for (const [rel, bytes] of cleanTree) assert.ok(bytes.equals(againTree.get(rel)!), `again: ${rel}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
