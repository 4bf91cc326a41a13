/**
 * The buckets of the joined files a build with the cache lays out again are found from the shards
 * whose key changed since the cached build (src/search/changed-buckets.ts): with no change no
 * shard's shares of the buckets are read, after one edit only the changed shard's cached ones;
 * when those are refused by the cache's check every bucket is laid out again. Every time the index
 * is the same bytes as a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";

// Small shards, two workers: an edit changes one shard of several.
const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, cacheDir, build, edit, sameIndexAsClean } = await sampleCopy("changed-buckets", parts);

/** The cache's blobs holding a shard's shares of the buckets: bucket count, total, 32 bytes a bucket. */
function shareBlobs(buckets: number): string[] {
  const blobs = path.join(cacheDir, "blobs");
  return readdirSync(blobs).flatMap((prefix) =>
    readdirSync(path.join(blobs, prefix))
      .map((name) => path.join(blobs, prefix, name))
      .filter((file) => {
        const bytes = readFileSync(file);
        return bytes.length === 12 + buckets * 32 && bytes.readUInt32LE(0) === buckets;
      }),
  );
}

test("only the changed shards' shares are compared; refused shares lay every bucket out; same bytes", async () => {
  const out = path.join(root, "site");
  const sameAsClean = (what: string) => sameIndexAsClean(out, what);
  const first = await build(out, true);
  const buckets = first.cache!.bucketsJoined!;
  assert.ok(buckets >= 16, `every bucket laid out on the first build: ${buckets}`);

  const again = await build(out, true);
  assert.equal(again.cache!.bucketSharesRead ?? 0, 0, "no change: no shard's shares read");
  assert.equal(again.cache!.bucketsReused, buckets, "no change: every bucket placed");
  assert.equal(again.cache!.bucketsJoined ?? 0, 0);

  // The record changes (its shard's key does), the text it shows does not: its shares are as then.
  // A plain page's summary is its Description meta only (a news item's is shown under its title).
  const summary = (text: string) => (s: string) => s.replace(/^summary: .*$/m, `summary: ${text}`);
  const PAGE = "pages/about.md";
  edit(summary("部署重点工作"), PAGE);
  const record = await build(out, true);
  assert.equal(record.cache!.shardsIndexed, 1, "the edited item's shard indexed again");
  assert.equal(record.cache!.bucketSharesRead, 1, "its cached shares read, no other shard's");
  assert.equal(record.cache!.bucketsReused, buckets, "its shares as then: every bucket placed");
  await sameAsClean("record edit");

  edit((s) => s.replace(/^title: .*$/m, "title: 市政府召开第一次全体会议"));
  const title = await build(out, true);
  assert.equal(title.cache!.bucketSharesRead, 1);
  assert.ok(title.cache!.bucketsJoined! > 0, "the buckets its new grams are in laid out again");
  assert.equal(title.cache!.bucketsJoined! + (title.cache!.bucketsReused ?? 0), buckets);
  await sameAsClean("title edit");

  // Every shard's shares altered: the cache's check refuses them (their bytes no longer hash to
  // their names), so the changed shard cannot be compared and every bucket is laid out again.
  const blobs = shareBlobs(buckets);
  assert.ok(blobs.length >= again.cache!.shardsReused, "the shares are blobs of the cache");
  for (const file of blobs) {
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(file, bytes);
  }
  edit(summary("部署年度重点工作"), PAGE);
  const tampered = await build(out, true);
  assert.equal(tampered.cache!.shardsIndexed, 1, "one shard indexed again");
  assert.equal(tampered.cache!.bucketsJoined, buckets, "every bucket laid out again");
  await sameAsClean("refused shares");

  // The build after that compares again, from the shares it kept.
  edit(summary("部署重点工作"), PAGE);
  const after = await build(out, true);
  assert.equal(after.cache!.bucketSharesRead, 1);
  assert.equal(after.cache!.bucketsReused, buckets, "every bucket placed");
  await sameAsClean("the edit after");
  rmSync(root, { recursive: true, force: true });
});
