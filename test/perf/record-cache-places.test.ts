/**
 * The record cache opened from the store looks a file up by its place in the listing
 * (src/content/record-cache.ts): a build that lists content/ as the store was written makes no
 * Map of every path, with a file deleted or edited, or a file added the build before (the delta
 * holds it); only a file new since the store was written is looked up through one. What it gives
 * is what a cache by path gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RecordCache, type RecordCacheEntry } from "../../src/content/record-cache.ts";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { saveRecordStore } from "../../src/build/cache/record-store-save.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { loadContent } from "../../src/content/loader.ts";
import { listContentFiles } from "../../src/content/walk.ts";
import type { FileResult } from "../../src/content/read-file.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { FIXTURE_SITE, createFixture, news } from "../helpers/fixture.ts";
import { validateSite } from "../../src/config/load.ts";

const site = validateSite(FIXTURE_SITE);
const stamp = { mtimeMs: 1000, size: 1, ino: 1 };
const entryOf = (_abs: string): RecordCacheEntry => ({ ...stamp, result: { problems: [] } });
const stored = (paths: string[]) => ({ paths: [...paths], entries: paths.map(entryOf) });

/** A pass over `listing` as the loader makes it: the paths read again, in order. */
function pass(cache: RecordCache, listing: string[], stale: string[] = []): string[] {
  const read: string[] = [];
  for (const abs of listing)
    cache.get(
      abs,
      (): FileResult => (read.push(abs), { problems: [] }),
      stale.includes(abs) ? { ...stamp, size: 2 } : stamp,
    );
  cache.prune();
  return read;
}

test("by place: deleted, edited and re-added files without a Map of the paths", () => {
  const cache = new RecordCache(site, stored(["a", "b", "c", "d", "e", "f"]));
  assert.deepEqual(pass(cache, ["a", "b", "d", "f"], ["d"]), ["d"]);
  assert.equal(cache.madeIndex, false, "deleted files skipped at their place");
  assert.deepEqual([...cache.touched].sort(), ["c", "d", "e"]);
  assert.equal(cache.size, 4);
  assert.equal(cache.entry("c"), undefined);
  assert.equal(cache.entry("d")!.size, 2);
  // A deleted file back again: at its old place, read.
  assert.deepEqual(pass(cache, ["a", "b", "c", "d", "f"], ["d"]), ["c"]);
  assert.equal(cache.madeIndex, false);
  assert.deepEqual(
    cache.snapshot().map(([abs]) => abs),
    ["a", "b", "c", "d", "f"],
  );
});

test("a file new since the store was written: found through a Map, and kept at its place", () => {
  const cache = new RecordCache(site, stored(["a", "b", "c"]));
  assert.deepEqual(pass(cache, ["a", "ab", "b", "c", "d"]), ["ab", "d"]);
  assert.equal(cache.madeIndex, true);
  assert.deepEqual(
    cache.snapshot().map(([abs]) => abs),
    ["a", "ab", "b", "c", "d"],
  );
  // Out of order: still each path's own entry.
  assert.deepEqual(pass(cache, ["c", "b", "ab", "a", "d"]), []);
  assert.equal(cache.size, 5);
});

test("the store's delta applied by place; entries as a cache by path has them", () => {
  const cache = new RecordCache(site, stored(["a", "b", "c"]));
  const changed = { ...entryOf("b"), size: 9 };
  cache.applyStored(
    [
      ["b", changed],
      ["x", entryOf("x")],
    ],
    ["c", "gone"],
  );
  assert.equal(cache.size, 3);
  assert.equal(cache.entry("b"), changed);
  assert.equal(cache.entry("c"), undefined);
  assert.equal(cache.entry("gone"), undefined);
  assert.ok(cache.entry("x"));
  assert.equal(cache.madeIndex, false);
  assert.equal(cache.changed, false);
});

test("a build after an edit and after an added file makes no Map of the stored paths", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++)
    files[`news/2026/n${String(i).padStart(2, "0")}.md`] = news(
      `第${i}期简报`,
      `2026-03-${String(i + 1).padStart(2, "0")} 09:00`,
    );
  const fixture = createFixture(files);
  const { cacheDir, build, edit } = cachedBuilds(fixture, "2026-12-30 12:00");
  await build(fixture.outDir);
  const now = Date.parse("2026-12-30T04:00:00Z");
  const load = () => {
    const cache = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
    loadContent({ site: fixture.site, contentDir: fixture.contentDir, now, cache });
    saveRecordStore(cacheDir, cache, DEFAULT_TYPES);
    return cache;
  };
  const listed = () => listContentFiles(fixture.contentDir).files.map((f) => f.abs);

  edit("news/2026/n03.md", "第3期简报", "第3期快报");
  const edited = load();
  assert.deepEqual([...edited.touched], [], "saved");
  assert.equal(edited.madeIndex, false, "one edit: every file found at its place");
  assert.equal(edited.size, 12);

  writeFileSync(path.join(fixture.contentDir, "news/2026/n05a.md"), news("新增简报", "2026-04-01 09:00"));
  assert.equal(load().madeIndex, true, "a new file is looked for among every stored path");
  rmSync(path.join(fixture.contentDir, "news/2026/n08.md"));
  const after = load();
  assert.equal(after.madeIndex, false, "the added file from the delta, the rest at their place");
  assert.deepEqual(
    after.snapshot().map(([abs]) => abs),
    listed(),
  );
  assert.match(
    (
      after.entry(path.join(fixture.contentDir, "news/2026/n03.md"))!.result.record!.fields as {
        title: string;
      }
    ).title,
    /第3期快报/,
  );
});
