/**
 * A search shard whose pages are as in the cached build is proven so from its records' digests
 * and the page render's placements, without keying it again (src/build/cache/search-proof.ts).
 * A page whose record is unchanged but whose HTML is not (a policy lists its 解读's titles) is
 * rendered anew, so its shard is keyed; and a proof kept by another build than the one the cache's
 * pages are from (a build with the cache that did not index) is not used. Every time the index is
 * the same bytes as a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, contentDir, cacheDir, build, edit, sameIndexAsClean } = await sampleCopy("shard-proof", parts);
const sample = await samplePortal();
/** The policy's 解读: its title is on the policy's page, whose record does not change. */
const INTERPRETATION = "policies/2026/jd-bzg-2026-3.md";

test("unchanged shards proven without keys; a changed page or a stale proof keys them; same bytes", async () => {
  const out = path.join(root, "site");
  const sameAsClean = (what: string) => sameIndexAsClean(out, what);
  const first = await build(out, true);
  const shards = first.cache!.shardsIndexed;
  assert.equal(first.cache!.shardsProven ?? 0, 0, "nothing to prove from on the first build");

  const again = await build(out, true);
  const proven = again.cache!.shardsProven ?? 0;
  assert.equal(again.cache!.shardsReused, shards);
  // Only a shard holding a topic page (its title is its list's, not a record's) is keyed.
  assert.ok(proven >= shards - 2 && proven > 0, `no change: ${proven} of ${shards} proven`);

  edit((s) => s.replace(/^title: .*$/m, "title: 图解：集体土地征收补偿安置标准（修订）"), INTERPRETATION);
  const title = await build(out, true);
  assert.ok(title.cache!.shardsIndexed >= 1, "the changed pages' shards indexed again");
  assert.ok((title.cache!.shardsProven ?? 0) < proven, "those not proven");
  await sameAsClean("a 解读's title");

  // A build with the cache that renders the pages but does not index keeps the cached index's
  // shards and proofs, made before its pages: the build after keys every shard.
  edit((s) => s.replace(/^title: .*$/m, "title: 图解：集体土地征收补偿安置标准"), INTERPRETATION);
  await buildSite({
    site: sample.site,
    contentDir,
    outDir: out,
    now: sample.now,
    parts: { pages: defaultPageSources, steps: [] },
    cacheDir,
  });
  const after = await build(out, true);
  assert.equal(after.cache!.shardsProven ?? 0, 0, "a proof of another build than the pages' is not used");
  assert.ok(after.cache!.shardsIndexed >= 1, "the changed pages' shards indexed again");
  await sameAsClean("after a build that did not index");

  const last = await build(out, true);
  assert.equal(last.cache!.shardsProven, proven, "proven again from the proofs that build kept");
  await sameAsClean("no change");
  rmSync(root, { recursive: true, force: true });
});
