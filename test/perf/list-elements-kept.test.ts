/**
 * A list's elements, as its hint writes them (src/build/cache/digest.ts `elements`): a record the
 * store gave back stands in by the digest the store kept, read from the record itself, so the
 * whole-list pass (~600k elements at 50k items) asks the set of records nothing for it. Every
 * other element is written as before, one line each.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Digests } from "../../src/build/cache/digest.ts";
import { keepWith } from "../../src/content/kept.ts";

const kept = (digest: string) => ({ digest, clean: null, strings: undefined, links: undefined });

/** The records' set, counting what it is asked. */
function countingSet(members: object[]): { set: ReadonlySet<object>; asked: () => number } {
  const set = new Set(members);
  let asked = 0;
  const has = (value: object) => {
    asked++;
    return set.has(value);
  };
  return { set: Object.assign(Object.create(set) as Set<object>, { has }), asked: () => asked };
}

test("a stored record is written by its kept digest without a lookup in the records", () => {
  const stored = Array.from({ length: 50 }, (_, i) => ({ title: `第${i}条`, url: `/news/${i}/` }));
  stored.forEach((r, i) => keepWith(r, kept(`d${i}`)));
  const { set, asked } = countingSet(stored);
  const digests = new Digests(set);
  assert.equal(digests.elements(stored), stored.map((_, i) => `d${i}\n`).join(""));
  assert.equal(asked(), 0, "no record with a kept digest is looked up");
});

test("other elements are written one line each, as before", () => {
  const read = { title: "新读的", url: "/news/new/" };
  const copy = { title: "副本" };
  const stored = { title: "存的", url: "/news/old/" };
  keepWith(stored, kept("kept-digest"));
  // A record whose kept digest is null (the store had none) is digested here.
  const noDigest = { title: "无摘要" };
  keepWith(noDigest, kept(null as unknown as string));
  const { set, asked } = countingSet([read, stored, noDigest]);
  const digests = new Digests(set);
  const text = digests.elements([stored, read, copy, "文字", 3, null, undefined, [1, "a"], noDigest]);
  assert.equal(
    text,
    [
      "kept-digest",
      digests.record(read),
      '~{"title":"副本",}',
      '~"文字"',
      "~3",
      "~n",
      "~u",
      '~[1,"a"]',
      digests.record(noDigest),
    ]
      .map((line) => `${line}\n`)
      .join(""),
  );
  // The objects without a kept digest (read, copy, the array, noDigest), then copy and the array
  // once more as their text is written: the stored record is never asked for.
  assert.equal(asked(), 6);
  assert.equal(digests.elements([]), "");
});
