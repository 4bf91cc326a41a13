/**
 * The join's buckets laid out again on the index step's worker threads after one edit
 * (src/search/join-on-lanes.ts): the main thread lays none out, and the index is the same bytes
 * as one built without the cache, over several edits in a row (each lane holds the bytes it laid
 * out and writes the files whose bytes changed as it lays them out).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { differingIndexFiles } from "../helpers/index-diff.ts";

// Small shards, two workers: an edit changes one shard of several.
const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, build, edit } = await sampleCopy("join-lanes", parts);

test("after one edit the buckets laid out again are laid out on the workers, same bytes", async () => {
  const out = path.join(root, "site");
  const clean = path.join(root, "clean");
  const first = await build(out, true);
  // Every shard indexed: laid out on the main thread (the workers would each need every shard's grams).
  assert.equal(first.cache!.bucketsOffThread ?? 0, 0);

  for (const [n, title] of ["市政府召开第一次全体会议", "市政府召开第二次全体会议扩大会议"].entries()) {
    edit((s) => s.replace(/^title: .*$/m, `title: ${title}`));
    const after = await build(out, true);
    assert.equal(after.cache!.shardsIndexed, 1, `edit ${n}: one shard indexed again`);
    assert.ok(after.cache!.bucketsJoined! > 0, `edit ${n}: buckets laid out again`);
    assert.equal(after.cache!.bucketsOffThread, after.cache!.bucketsJoined, `edit ${n}: all on the workers`);
    // A lane writes the files whose bytes changed in the message that lays them out (no second
    // message through the main thread, busy with the steps beside the index meanwhile).
    assert.ok(after.cache!.joinedWrittenOnLay! > 0, `edit ${n}: changed files written as laid out`);
    await build(clean, false);
    assert.deepEqual(
      differingIndexFiles(out, clean),
      [],
      `edit ${n}: the index as a build's without the cache`,
    );
    rmSync(clean, { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
});
