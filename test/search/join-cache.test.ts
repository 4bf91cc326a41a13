/**
 * The search index's joined files with the build cache (docs/build-cache.md): a bucket whose
 * grams no changed shard touched is placed whole from the cache, the others are laid out again,
 * and the index is the same bytes as one built without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";

// Small shards: an edit changes one of several.
const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40 })] };
const { root, build, edit } = await sampleCopy("join-cache", parts);

/** The index folder of a cached build equals a build's without the cache, file for file. */
async function assertSameIndex(cached: string, what: string): Promise<void> {
  const clean = path.join(root, "clean");
  await build(clean, false);
  const files = outputFiles(path.join(clean, "pagefind"));
  assert.deepEqual(outputFiles(path.join(cached, "pagefind")), files, `${what}: same files`);
  const differing = files.filter(
    (rel) =>
      !readFileSync(path.join(cached, "pagefind", rel)).equals(
        readFileSync(path.join(clean, "pagefind", rel)),
      ),
  );
  assert.deepEqual(differing, [], `${what}: same bytes`);
  rmSync(clean, { recursive: true, force: true });
}

/** The files placed when made of the same bytes (g/, x/, f.gz, o.gz) in `out`'s index, by path in it. */
function joinedFiles(out: string): Map<string, Buffer> {
  const dir = path.join(out, "pagefind");
  const files = outputFiles(dir).filter((rel) => /^([gx]\/|[fo]\.gz$)/.test(rel));
  return new Map(files.map((rel) => [rel, readFileSync(path.join(dir, rel))]));
}

test("a build with the cache lays out again only the buckets a changed shard touches", async () => {
  const out = path.join(root, "site");
  const first = await build(out, true);
  const buckets = first.cache!.bucketsJoined!;
  assert.ok(buckets >= 16, `every bucket laid out on the first build: ${buckets}`);
  assert.equal(first.cache!.bucketsReused ?? 0, 0);

  // The page's record changes (its shard is indexed again), the text it shows does not: a plain
  // page's summary is its Description meta only (a news item's is shown under its title).
  edit((s) => s.replace(/^summary: .*$/m, "summary: 部署重点工作"), "pages/about.md");
  const same = await build(out, true);
  assert.equal(same.cache!.shardsIndexed, 1, "the edited item's shard indexed again");
  assert.equal(same.cache!.bucketsReused, buckets, "its grams are as they were: every bucket placed");
  assert.equal(same.cache!.bucketsJoined ?? 0, 0);
  // Its HTML changed (the summary is its description), so its text is read again; no other page's.
  assert.equal(same.cache!.searchPagesRead, 1, "the other pages' text from the cache");
  assert.equal(same.cache!.shardsPatched, 1, "the shard's grams patched");
  await assertSameIndex(out, "record edit");

  // A new word in the title: the buckets of the grams it changes are laid out again, no others.
  const joinedBefore = joinedFiles(out);
  edit((s) => s.replace("title: 市政府召开全体会议", "title: 市政府召开第一次全体会议"));
  const text = await build(out, true);
  assert.equal(text.cache!.shardsIndexed, 1);
  assert.ok(text.cache!.bucketsJoined! > 0, "touched buckets laid out again");
  assert.equal(text.cache!.bucketsJoined! + (text.cache!.bucketsReused ?? 0), buckets);
  assert.equal(text.cache!.searchPagesRead, 1, "the edited page's text read again, no other");
  assert.equal(text.cache!.shardsPatched, 1);
  // In those buckets, a file whose bytes are as before is placed, not gzipped again: a positions
  // file of a gram the edit did not touch holds the changed shard's segment unchanged.
  const joinedAfter = joinedFiles(out);
  const changed = [...joinedAfter].filter(([rel, bytes]) => !joinedBefore.get(rel)?.equals(bytes));
  assert.ok(changed.length > 0);
  assert.equal(joinedAfter.size - text.cache!.joinedReused!, changed.length, "only changed files written");
  await assertSameIndex(out, "title edit");
  rmSync(root, { recursive: true, force: true });
});
