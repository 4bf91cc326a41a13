/**
 * The record store's delta (src/build/cache/records.ts): a build that read a few files writes
 * only their entries (records.delta.v8) and leaves records.v8 as it was; the delta grows until it
 * holds an eighth of the entries, then the whole store is written again. What the next build takes
 * is the same either way, and so is the output (compared with a build without the cache).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

/** 17 files: one edit and one deletion stay within an eighth, a third change does not. */
const COUNT = 17;
const title = (i: number) => `第${i}期工作简报`;

test("a build that read a few files writes only their records; the store reads back the same", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < COUNT; i++)
    files[`news/2026/n${i}.md`] = news(title(i), `2026-03-${String(i + 1).padStart(2, "0")} 09:00`);
  const fixture = createFixture(files);
  const { cacheDir, build, edit, sameAsClean } = cachedBuilds(fixture, "2026-12-30 12:00");
  const base = path.join(cacheDir, "records.v8");
  const delta = path.join(cacheDir, "records.delta.v8");
  const titles = () =>
    [...openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES).snapshot()]
      .map(([, entry]) => (entry.result.record?.fields as { title?: string } | undefined)?.title)
      .sort();

  await build(fixture.outDir);
  assert.ok(existsSync(base));
  assert.ok(!existsSync(delta));
  const baseBytes = readFileSync(base);

  // One edit: the delta holds it, the base is untouched.
  edit("news/2026/n0.md", title(0), "第0期工作快报");
  await build(fixture.outDir);
  assert.ok(readFileSync(base).equals(baseBytes));
  assert.ok(existsSync(delta));
  assert.ok(titles().includes("第0期工作快报"));
  assert.ok(!titles().includes(title(0)));
  assert.match(fixture.read("/news/2026/n0/"), /第0期工作快报/);
  const firstDelta = readFileSync(delta);

  // A deletion joins the delta (the base still lists the file).
  rmSync(path.join(fixture.contentDir, "news/2026/n8.md"));
  await build(fixture.outDir);
  assert.ok(readFileSync(base).equals(baseBytes));
  assert.equal(titles().length, COUNT - 1);
  assert.ok(!titles().includes(title(8)));
  assert.ok(titles().includes("第0期工作快报"));

  // Past an eighth of the entries: the whole store again, no delta.
  edit("news/2026/n1.md", title(1), "第1期工作快报");
  await build(fixture.outDir);
  assert.ok(!readFileSync(base).equals(baseBytes));
  assert.ok(!existsSync(delta));
  assert.ok(titles().includes("第0期工作快报") && titles().includes("第1期工作快报"));
  assert.equal(titles().length, COUNT - 1);

  // A delta of another base (the first one) is never applied to this one.
  writeFileSync(delta, firstDelta);
  assert.ok(titles().includes("第1期工作快报") && !titles().includes(title(8)));
  assert.equal(titles().length, COUNT - 1);
  // A delta that does not parse: the store is not used (every file is read), the build is right.
  writeFileSync(delta, "not a delta");
  assert.equal(titles().length, 0);
  edit("news/2026/n2.md", title(2), "第2期工作快报");
  await build(fixture.outDir);
  assert.match(fixture.read("/news/2026/n2/"), /第2期工作快报/);

  await sameAsClean();
});
