/**
 * The record store's bodies (src/build/cache/record-bodies.ts) are read when a record's body is
 * asked for, not when the store opens: each comes back as it was written (one-byte, wide, astral,
 * lone surrogates, empty), from the file as it was when the store opened, and a build after one
 * edit decodes no unchanged record's body.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { encodeBodies, StoredBodies } from "../../src/build/cache/record-bodies.ts";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

const BODIES = [
  "plain ASCII\nand a second line",
  undefined,
  "正文，有“引号”。",
  "",
  "Latin-1: café ÿ",
  "astral 𠀀 and a lone \ud800 surrogate",
];

test("bodies come back as they were written, read one by one or whole", () => {
  const { bytes, ends, wide } = encodeBodies(BODIES);
  assert.deepEqual([...wide], [0, 0, 1, 0, 0, 1]);
  const file = path.join(createFixture().root, "bodies");
  // Many rows: past the single reads, the rest come from the region read whole.
  const rows = Array.from({ length: 40 }, () => BODIES).flat();
  const many = encodeBodies(rows);
  writeFileSync(file, Buffer.concat([Buffer.from("head"), many.bytes]));
  const fromFile = new StoredBodies(openSync(file, "r"), 4, many.ends, many.wide);
  rows.forEach((body, i) => assert.equal(fromFile.body(i), body ?? "", `row ${i}`));
  const fromBytes = new StoredBodies(bytes, 0, ends, wide);
  BODIES.forEach((body, i) => assert.equal(fromBytes.body(i), body ?? ""));
});

test("a record from the store reads its body from the file it was opened from", async () => {
  const body = "第一段。\n\n第二段，有“引号”。";
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00").replace("正文。", body),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
  });
  const { cacheDir, sameProblems } = cachedBuilds(fixture, "2026-06-30 12:00");
  await sameProblems("first build");
  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const a = store.entry(path.join(fixture.contentDir, "news/2026/a.md"))!.result.record!;
  assert.equal(typeof Object.getOwnPropertyDescriptor(a, "body")?.get, "function", "not read on opening");
  // The store's file replaced (a later build saved it): the record still reads the bytes it was opened with.
  const file = path.join(cacheDir, "records.v8");
  const before = readFileSync(file);
  writeFileSync(`${file}.other`, "another store");
  renameSync(`${file}.other`, file);
  assert.equal(a.body.trim(), body);
  writeFileSync(file, before);
  // Copies and serializations carry the body as a plain value, keys in the order of a record read from its file.
  const copy = { ...a };
  assert.equal(Object.getOwnPropertyDescriptor(copy, "body")?.value, a.body);
  assert.deepEqual(Object.keys(v8.deserialize(v8.serialize(a)) as object), Object.keys(a));
  assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(copy)));
  // A body given to the record replaces the stored one.
  a.body = "新正文";
  assert.equal(a.body, "新正文");
  assert.equal(Object.getOwnPropertyDescriptor(a, "body")?.value, "新正文");
});

test("a build after one edit decodes no unchanged record's body", async () => {
  // Enough files that one edit goes to the store's delta (a whole save writes every body again).
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++)
    files[`news/2026/n${i}.md`] = news(`第${i}条新闻`, `2026-03-${String(i).padStart(2, "0")} 09:00`).replace(
      "正文。",
      `第${i}条新闻的正文。`,
    );
  // An unchanged body's accessibility warning comes from the store too (src/check/body-a11y.ts).
  files["news/2026/n1.md"] = files["news/2026/n1.md"].replace("正文。", "正文，[点击这里](/news/2026/n3/)。");
  const fixture = createFixture(files);
  const { edit, sameProblems, sameAsClean, build } = cachedBuilds(fixture, "2026-06-30 12:00");
  await sameProblems("first build");
  await sameProblems("from the store");
  edit("news/2026/n2.md", "第2条新闻", "第二条新闻");
  const decoded = StoredBodies.decoded;
  const problems = await sameProblems("one file read, the rest from the store");
  assert.ok(
    problems.some((p) => p.file.endsWith("n1.md") && p.message.includes("点击这里")),
    "the kept body's warning is still given",
  );
  await build(fixture.outDir);
  assert.equal(StoredBodies.decoded, decoded, "no stored body decoded");
  await sameAsClean();
});
