/**
 * A shard indexed again when the build cache lost its text files (shard-splice.mjs gives up):
 * the pages the cache held as they are were sent without their records' metadata (the cached
 * shard's), so the worker asks for the job again with every record, reads the pages' text from
 * their HTML, and the index is the same bytes as a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";

const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40 })] };
const { root, cacheDir, build, edit } = await sampleCopy("shard-splice-recovery", parts);

/** Every file under `dir`. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );

test("a shard whose cached text files are gone is made whole, with every record", async () => {
  const out = path.join(root, "site");
  await build(out, true);
  await build(out, true);
  // The output's text files are hard links to the cache's blobs: those blobs go.
  const index = path.join(out, "pagefind");
  const inodes = new Set(
    outputFiles(index)
      .filter((rel) => rel.startsWith("t/"))
      .map((rel) => statSync(path.join(index, rel)).ino),
  );
  const gone = walk(cacheDir).filter((file) => inodes.has(statSync(file).ino));
  assert.ok(gone.length > 0, "the text files' blobs found");
  for (const file of gone) rmSync(file);

  edit((s) => s.replace("title: 市政府召开全体会议", "title: 市政府召开第一次全体会议"));
  const report = await build(out, true);
  // The edited shard, and those whose text files were gone with it (not placed: indexed again).
  assert.ok(report.cache!.shardsIndexed >= 1);
  assert.ok(report.cache!.searchPagesRead! > 1, "pages whose cached text is gone read from their HTML");

  const clean = path.join(root, "clean");
  await build(clean, false);
  const files = outputFiles(path.join(clean, "pagefind"));
  assert.deepEqual(outputFiles(index), files);
  const differing = files.filter(
    (rel) => !readFileSync(path.join(index, rel)).equals(readFileSync(path.join(clean, "pagefind", rel))),
  );
  assert.deepEqual(differing, []);
  rmSync(root, { recursive: true, force: true });
});
