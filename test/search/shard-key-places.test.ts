/**
 * What a build with the cache does per search page and per index file every build: a detail
 * page's part of its shard's key is its record's digest and its `<main>`'s, not its URL, title and
 * date again (search-shards.ts `key`); the index files placed from the cache into the reused
 * staging folder are found by the spare scan's name (index-paths.ts), as pages are. A title edit
 * still indexes its shard again, and the index is the same bytes as a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { SearchShardCache } from "../../src/build/cache/search-shards.ts";
import { StagingClaims } from "../../src/build/cache/staging-claims.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { differingIndexFiles } from "../helpers/index-diff.ts";

const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 40, workers: 2 })] };
const { root, build, edit } = await sampleCopy("shard-key-places", parts);

/** The parts of every shard's key the build made, and the index files it placed ([dest, name]). */
let keyParts: string[] = [];
let placed: [string, string | undefined][] = [];
// Wrapped and called with their object (`apply`/`call`): not unbound.
// eslint-disable-next-line @typescript-eslint/unbound-method
const key = SearchShardCache.prototype.key;
SearchShardCache.prototype.key = function (this: SearchShardCache, ...args: Parameters<typeof key>) {
  const made = key.apply(this, args);
  if (made) keyParts.push(...made.parts.pages);
  return made;
};
// eslint-disable-next-line @typescript-eslint/unbound-method
const place = StagingClaims.prototype.place;
StagingClaims.prototype.place = function (this: StagingClaims, sha256: string, dest: string, rel?: string) {
  if (dest.includes(`${path.sep}pagefind${path.sep}`)) placed.push([dest, rel]);
  return place.call(this, sha256, dest, rel);
};
const reset = () => {
  keyParts = [];
  placed = [];
};

test("detail pages key by their record; index files placed by name; same bytes after a title edit", async () => {
  const out = path.join(root, "site");
  const clean = path.join(root, "clean");
  await build(out, true);
  await build(out, true);
  // The third build's staging folder is the output before last, scanned: files are found by name.
  reset();
  const again = await build(out, true);
  assert.equal(again.cache!.shardsIndexed, 0, "no change: no shard indexed");
  assert.ok(keyParts.length > 40, `every page keyed: ${keyParts.length}`);
  const byRecord = keyParts.filter((part) => part.startsWith("#"));
  const withText = keyParts.filter((part) => /[\u4e00-\u9fff]/.test(part));
  // Only pages no record is the page of write their texts out: topic pages (their title is their
  // list's) and the documents (年度报告, 公开指南, 年度报表, 联系我们, 互动交流).
  const urlOf = (part: string) =>
    part.slice(part.indexOf(":") + 1, part.indexOf(":") + 1 + parseInt(part, 10));
  const NOT_RECORDS =
    /^\/(topics|annual-report|website-report|contact|interaction|open\/[^/]+\/(guide|reports))\//;
  const others = keyParts.filter((part) => !part.startsWith("#")).map(urlOf);
  assert.deepEqual(
    others.filter((url) => !NOT_RECORDS.test(url)),
    [],
    `detail pages by record: ${byRecord.length} of ${keyParts.length}`,
  );
  assert.equal(withText.length, keyParts.length - byRecord.length, "no title in a detail page's part");
  assert.ok(placed.length > 10, `index files placed: ${placed.length}`);
  for (const [dest, name] of placed) {
    assert.ok(name !== undefined, `placed by name: ${dest}`);
    assert.ok(name.startsWith("pagefind/") && dest.endsWith(`${path.sep}${name}`), `${dest} is ${name}`);
  }

  reset();
  edit((s) => s.replace(/^title: .*$/m, "title: 市政府召开第一次全体会议（修订）"));
  const title = await build(out, true);
  assert.equal(title.cache!.shardsIndexed, 1, "the edited item's shard indexed again");
  await build(clean, false);
  assert.deepEqual(differingIndexFiles(out, clean), [], "the index as a build's without the cache");
  rmSync(root, { recursive: true, force: true });
});
