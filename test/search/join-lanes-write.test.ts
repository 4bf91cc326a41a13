/**
 * After one edit, a lane of the join (src/search/join-lanes.mjs) writes the files whose bytes
 * changed in the same message in which it lays them out: given the cached build's files of its
 * buckets, it needs no second message through the main thread, which is busy with the steps
 * beside the index meanwhile. The index stays the bytes of a build without the cache, over two
 * edits in a row. Fails without the change (no file is written as it is laid out).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { differingIndexFiles } from "../helpers/index-diff.ts";

const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, build, edit } = await sampleCopy("join-lanes-write", parts);

test("after one edit the lanes write the changed joined files as they lay them out, same bytes", async () => {
  const out = path.join(root, "site");
  const clean = path.join(root, "clean");
  await build(out, true);
  for (const [n, title] of ["区政府召开第一次常务会议", "区政府召开第二次常务会议（扩大）"].entries()) {
    edit((s) => s.replace(/^title: .*$/m, `title: ${title}`));
    const after = await build(out, true);
    assert.ok(after.cache!.bucketsOffThread! > 0, `edit ${n}: buckets laid out on the workers`);
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
