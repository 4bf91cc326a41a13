/**
 * The record store's records as a tape (src/build/cache/record-tape.ts): each distinct string is
 * kept once, and the records come back as v8 gives them, a record holding more than plain data
 * (a Date, a Map, an object reached twice) kept whole.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { fromTape, toTape } from "../../src/build/cache/record-tape.ts";
import { stringsOf, textsOf } from "../../src/build/cache/record-texts.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

/** Occurrences of `text` in `bytes`, as v8 writes a string with characters past Latin-1 (UTF-16). */
function occurrences(bytes: Buffer, text: string): number {
  const needle = Buffer.from(text, "utf16le");
  let count = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) count++;
  return count;
}

test("the record store keeps a string the records repeat once", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
    "news/2026/c.md": news("秋季工作安排", "2026-05-02 09:00"),
  });
  const { build, sameAsClean } = cachedBuilds(fixture, "2026-06-30 12:00");
  await build(fixture.outDir);
  // Each item's source and department: six times in the records, once in the store.
  const store = readFileSync(path.join(fixture.root, ".gongkai-cache", "records.v8"));
  assert.equal(occurrences(store, "市政府办公室"), 1);
  // Built again from the store, as a build without it.
  await build(fixture.outDir);
  await sameAsClean();
});

test("records come back from the tape as v8 gives them back", () => {
  const shared = { name: "共用" };
  const date = new Date(Date.UTC(2026, 0, 1));
  const holey = [1, , 3]; // eslint-disable-line no-sparse-arrays
  class Item {
    name = "实例";
  }
  const records: unknown[] = [
    {
      type: "news",
      fields: { title: "标题", n: -0, nan: NaN, big: 2 ** 40, empty: [], nested: [{ a: [true, false] }] },
      gone: undefined,
      year: null,
      body: "",
    },
    null,
    { type: "news", fields: { title: "标题", when: date } },
    { type: "news", fields: { one: shared, two: shared } },
    { type: "news", fields: { holey } },
    { type: "news", fields: { item: new Item() } },
    { 2: "二", 1: "一", title: "标题" },
    JSON.parse('{"type":"news","fields":{"__proto__":{"polluted":true}}}'),
  ];
  const tape = toTape(records);
  // The strings once; the records that hold more than plain data kept whole.
  assert.equal(stringsOf(tape.strings)!.filter((s) => s === "标题").length, 1);
  assert.equal(tape.whole.length, 5);
  const back = fromTape(v8.deserialize(v8.serialize(tape)) as object, records.length)!;
  assert.deepEqual(back, v8.deserialize(v8.serialize(records)));
  assert.ok(Object.is((back[0] as { fields: { n: number } }).fields.n, -0));
  assert.deepEqual(Object.keys(back[0] as object), ["type", "fields", "gone", "year", "body"]);
  const twice = (back[3] as { fields: { one: object; two: object } }).fields;
  assert.equal(twice.one, twice.two);
  assert.ok((back[2] as { fields: { when: unknown } }).fields.when instanceof Date);
  assert.ok(Object.hasOwn((back[7] as { fields: object }).fields, "__proto__"));
  // A tape of other records, or cut short, is not used.
  assert.equal(fromTape(tape, records.length - 1), undefined);
  assert.equal(fromTape({ ...tape, codes: tape.codes.subarray(1) }, records.length), undefined);
  assert.equal(fromTape({ ...tape, strings: textsOf([]) }, records.length), undefined);
  // Texts whose ends do not name their characters are not used either.
  const { narrow, wide, ends, inWide } = tape.strings;
  assert.equal(
    fromTape({ ...tape, strings: { narrow: narrow + "x", wide, ends, inWide } }, records.length),
    undefined,
  );
});

test("the tape's strings come back from their texts as they were", () => {
  const strings = [
    "",
    "a",
    "短",
    "一个比十三个字符更长的中文字符串，来自文本的切片",
    "café au lait, long enough",
    "x".repeat(40),
    "\u0100",
  ];
  const back = stringsOf(v8.deserialize(v8.serialize(textsOf(strings))) as object);
  assert.deepEqual(back, strings);
  assert.equal(stringsOf({ ...textsOf(strings), ends: new Uint32Array([1, 0, 2, 3, 4, 5, 6]) }), undefined);
  assert.equal(stringsOf(undefined), undefined);
});

test("records made with a body accessor and hidden slots are plain records", () => {
  const records: unknown[] = [
    {
      type: "news",
      id: "a",
      body: "",
      bodyLine: 5,
      publishedAt: 1767225600000.5,
      year: -0,
      fields: { n: 7 },
    },
    null,
    { type: "news", id: "b", body: "", bodyLine: 2 ** 40, publishedAt: 0, year: 2026, fields: { n: -1 } },
  ];
  const row = Symbol("row");
  const reserved = Symbol("reserved");
  const body: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: { [row]: number }) {
      return `body of ${this[row]}`;
    },
  };
  const back = fromTape(v8.deserialize(v8.serialize(toTape(records))) as object, records.length, body, {
    row,
    reserved,
  })!;
  const [a, none, b] = back as (Record<string | symbol, unknown> | null)[];
  assert.equal(none, null);
  for (const [i, record] of [a!, b!].entries()) {
    // Of Object.prototype, keys in their order, the body read through the accessor by its row.
    assert.equal(Object.getPrototypeOf(record), Object.prototype);
    assert.deepEqual(Object.keys(record), [
      "type",
      "id",
      "body",
      "bodyLine",
      "publishedAt",
      "year",
      "fields",
    ]);
    assert.equal(record.body, `body of ${2 * i}`);
    // The slots: not enumerable, so a copy carries neither; the reserved one writable.
    assert.equal(record[row], 2 * i);
    assert.deepEqual(Object.getOwnPropertySymbols({ ...record }), []);
    assert.equal(record[reserved], undefined);
    record[reserved] = "kept";
    assert.equal(record[reserved], "kept");
    assert.equal(Object.getOwnPropertyDescriptor(record, reserved)?.enumerable, false);
  }
  // Numbers as they were: -0, fractions, integers past 32 bits.
  assert.ok(Object.is(a!.year, -0));
  assert.equal(a!.publishedAt, 1767225600000.5);
  assert.equal(b!.bodyLine, 2 ** 40);
  assert.deepEqual({ ...b!, body: "" }, { ...(records[2] as object), body: "" });
});
