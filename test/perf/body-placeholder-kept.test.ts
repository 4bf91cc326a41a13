/**
 * The line of a placeholder left in a record's body (src/check/body-placeholder.ts) is kept by the
 * record store with the record (src/build/cache/record-facts.ts): a build from the store scans the
 * bodies of the files it read, not every body. What a build reports is what a build without the
 * cache reports, after the placeholder moves, goes and comes back; and a store that lacks the
 * lines (a fill checks on a worker thread, whose facts never reach it) is given them by the next
 * build, which otherwise would leave every later build scanning every body.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { openRecordStore, saveRecordStore } from "../../src/build/cache/records.ts";
import { bodyPlaceholderKnown, forgetPlaceholdersAdded } from "../../src/check/body-placeholder.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { RecordCache, type RecordCacheEntry } from "../../src/content/record-cache.ts";
import { cleanUnder, restoreClean } from "../../src/check/wording/clean-records.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import type { Fixture } from "../helpers/fixture.ts";

/** The line each news file's record holds in a freshly opened store (undefined: none kept). */
function keptLines(fixture: Fixture, cacheDir: string, names: string[]): (number | undefined)[] {
  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  return names.map((name) => {
    const record = store.entry(path.join(fixture.contentDir, "news/2026", name))?.result.record;
    return record && bodyPlaceholderKnown(record);
  });
}

test("a placeholder's line in a body is kept with the record and reported as a clean build reports it", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/d.md": news("秋季工作安排", "2026-05-02 09:00", { draft: true }).replace(
      "正文。",
      "第一段。\n\n第二段【待填写】。",
    ),
  });
  const { cacheDir, edit, sameProblems: same } = cachedBuilds(fixture, "2026-06-30 12:00");
  const first = await same("first build");
  const line = first.find((p) => p.file?.endsWith("d.md") && p.field === "正文")?.line;
  assert.ok(line !== undefined, "the draft's body placeholder is reported");
  await same("second build, from the store");
  assert.deepEqual(keptLines(fixture, cacheDir, ["a.md", "d.md"]), [-1, 2]);

  edit("news/2026/d.md", "第一段。", "第一段。\n\n插入的一段。");
  const moved = await same("placeholder two lines further down");
  assert.equal(moved.find((p) => p.file?.endsWith("d.md") && p.field === "正文")?.line, line + 2);
  edit("news/2026/d.md", "第二段【待填写】", "第二段");
  const gone = await same("placeholder filled in");
  assert.ok(!gone.some((p) => p.field === "正文"));
  assert.deepEqual(keptLines(fixture, cacheDir, ["a.md", "d.md"]), [-1, -1]);
  // In a published item it is an error, which stops the build as a clean build stops.
  edit("news/2026/a.md", "正文。", "正文【待填写】。");
  const stopped = await same("a placeholder in a published item's body");
  assert.ok(stopped.some((p) => p.file?.endsWith("a.md") && p.field === "正文" && p.severity === "error"));
});

test("a store without the lines is given them by the next build", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
  });
  const { cacheDir, sameProblems: same } = cachedBuilds(fixture, "2026-06-30 12:00");
  await same("first build");
  // The store written again from copies of its records that keep their wording marks but not
  // their lines: as a fill leaves it (its record checks ran on a worker thread).
  const kept = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const copies = kept.snapshot().map(([abs, entry]): [string, RecordCacheEntry] => {
    const record = entry.result.record && { ...entry.result.record };
    const mark = entry.result.record && cleanUnder(entry.result.record);
    if (record && mark) restoreClean(record, mark);
    return [abs, { ...entry, result: { ...entry.result, record } }];
  });
  const store = new RecordCache(fixture.site, copies);
  store.changed = true;
  forgetPlaceholdersAdded();
  saveRecordStore(cacheDir, store, DEFAULT_TYPES);
  assert.deepEqual(keptLines(fixture, cacheDir, ["a.md", "b.md"]), [undefined, undefined]);
  await same("a build that reads no file");
  assert.deepEqual(keptLines(fixture, cacheDir, ["a.md", "b.md"]), [-1, -1]);
});
