/**
 * A record the store gives back makes its `fields` from the tape when they are first read
 * (src/build/cache/record-tape.ts): opening the store makes none, a record whose fields nobody
 * reads never has them made, and the fields read are the stored ones, to every reader (keys in
 * their order, spread, JSON, v8, structuredClone).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import v8 from "node:v8";
import { fromTape, laterValues, toTape } from "../../src/build/cache/record-tape.ts";
import { readStoreFile } from "../../src/build/cache/record-file.ts";
import { openRecordStore, type Stored } from "../../src/build/cache/records.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

const FILES = ["news/2026/a.md", "news/2026/b.md", "news/2026/c.md"];

test("a stored record's fields are made when first read, and are the stored ones", async () => {
  const fixture = createFixture({
    [FILES[0]]: news("春季植树活动", "2026-03-01 09:00"),
    [FILES[1]]: news("夏季防汛准备", "2026-05-01 09:00"),
    [FILES[2]]: news("秋季工作安排", "2026-05-02 09:00"),
  });
  const { cacheDir, sameProblems, sameAsClean, edit } = cachedBuilds(fixture, "2026-06-30 12:00");
  await sameProblems("first build");
  // The records as the tape holds them, every value made at once (as before fields were made later).
  const read = readStoreFile(path.join(cacheDir, "records.v8"))!;
  const stored = read.value as Stored;
  const eager = fromTape(stored.records, stored.paths.length) as (ContentRecord | null)[];
  const eagerOf = (abs: string) => eager.find((record) => record?.abs === abs)!;

  const made = laterValues.made;
  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const [a, b, c] = FILES.map((rel) => {
    const abs = path.join(fixture.contentDir, rel);
    return { abs, record: store.entry(abs)!.result.record! };
  });
  assert.equal(laterValues.made, made, "opening the store makes no record's fields");
  assert.equal(typeof Object.getOwnPropertyDescriptor(a.record, "fields")?.get, "function");

  // Read once: made once, the same object at every read, equal to the stored fields, keys in order.
  const fields = a.record.fields;
  assert.equal(laterValues.made, made + 1, "only the record read has its fields made");
  assert.equal(a.record.fields, fields);
  assert.equal(laterValues.made, made + 1);
  assert.deepEqual(fields, eagerOf(a.abs).fields);
  assert.deepEqual(Object.keys(fields), Object.keys(eagerOf(a.abs).fields));
  assert.deepEqual(Object.keys(a.record), Object.keys(eagerOf(a.abs)));

  // Copies and serializations read them as a plain value, in the record's order of keys.
  const expected = (abs: string, body: string) => JSON.stringify({ ...eagerOf(abs), body });
  assert.equal(JSON.stringify({ ...b.record }), expected(b.abs, b.record.body));
  assert.equal(Object.getOwnPropertyDescriptor({ ...b.record }, "fields")?.value, b.record.fields);
  assert.equal(JSON.stringify(v8.deserialize(v8.serialize(c.record))), expected(c.abs, c.record.body));
  assert.equal(JSON.stringify(structuredClone(c.record)), expected(c.abs, c.record.body));
  assert.equal(JSON.stringify(a.record), expected(a.abs, a.record.body));
  assert.equal(laterValues.made, made + 3, "each record's fields made once");

  // Fields given to a record replace the stored ones, as a plain property.
  const given = { ...fields, title: "新标题" };
  a.record.fields = given;
  assert.equal(a.record.fields, given);
  assert.equal(Object.getOwnPropertyDescriptor(a.record, "fields")?.value, given);

  // Builds from the store, one edit after another, give a clean build's output.
  await sameProblems("from the store");
  edit(FILES[1], "夏季防汛准备", "夏季防汛工作");
  await sameProblems("one file read, the rest from the store");
  await sameAsClean();
});

test("a tape's records made with their fields later equal those made at once", () => {
  const records: unknown[] = [
    {
      type: "news",
      id: "a",
      body: "",
      fields: { title: "甲", tags: ["一", "二"], n: -0, x: 2 ** 40 },
      day: "d",
    },
    null,
    { type: "news", id: "b", body: "", fields: "not an object", day: "d" },
    { type: "news", id: "c", body: "", fields: { nested: [{ deep: [true, null, undefined] }] }, day: "d" },
    { type: "news", id: "d", body: "", fields: { when: new Date(0) }, day: "d" },
  ];
  const row = Symbol("row");
  const body: PropertyDescriptor = { enumerable: true, configurable: true, get: () => "正文" };
  const tape = v8.deserialize(v8.serialize(toTape(records))) as object;
  const made = laterValues.made;
  const later = fromTape(tape, records.length, body, { row }, "fields") as Record<string, unknown>[];
  const atOnce = fromTape(tape, records.length, body, { row }) as Record<string, unknown>[];
  assert.equal(laterValues.made, made);
  // Read back to front, each equal to its record made at once (and -0 kept).
  for (const i of [4, 3, 2, 0]) {
    assert.deepEqual(Object.keys(later[i]), Object.keys(atOnce[i]));
    assert.deepEqual({ ...later[i] }, { ...atOnce[i] });
  }
  assert.ok(Object.is((later[0].fields as { n: number }).n, -0));
  // Two objects made later: the value that is not an object was read at once; "d" was kept whole.
  assert.equal(laterValues.made, made + 2);
  // A tape whose later value is cut short is refused as the store opens, not when it is read.
  const cut = {
    ...(tape as { codes: Int32Array }),
    codes: (tape as { codes: Int32Array }).codes.subarray(0, 12),
  };
  assert.equal(fromTape(cut, records.length, body, { row }, "fields"), undefined);
});
