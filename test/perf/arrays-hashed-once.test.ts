/**
 * An array of records that a list is cut from and that pages also read as a site-wide part
 * (`portal.byType.news`, a column's news: src/build/cache/trace.ts) is written out and hashed
 * once per build, for both (src/build/cache/digest.ts `elementsHash`). Its digest still follows
 * its content: the same records give the same digest in another build, an edited record or
 * another order another one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Digests } from "../../src/build/cache/digest.ts";
import { ListHints } from "../../src/build/cache/list-hints.ts";
import { paginate } from "../../src/pages/paginate.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import { listRecord, listSpec } from "../helpers/list-fixture.ts";

class CountingDigests extends Digests {
  readonly written: (readonly unknown[])[] = [];
  override elements(items: readonly unknown[]): string {
    this.written.push(items);
    return super.elements(items);
  }
}

const records = (titles: string[]) => titles.map((title, i) => listRecord(i, title));

test("a list's array that pages also read is written out once for both", () => {
  const news = records(Array.from({ length: 23 }, (_, i) => `标题${i}`));
  const digests = new CountingDigests(new Set(news));
  const hints = new ListHints(digests);
  // A page reads the whole array (the tracer digests it), the list's pages are cut from it.
  const traced = digests.of(news);
  for (const page of paginate(listSpec("/news/"), news, 5)) hints.of("lists", page);
  assert.equal(digests.of(news), traced, "asked again: the same digest");
  assert.equal(digests.written.filter((items) => items === news).length, 1, "the array written out once");
  assert.equal(digests.arraysHashed, 1);
  assert.equal(hints.listsHashed, 1);
});

test("an array's digest follows its content, not the objects", () => {
  const titles = ["甲", "乙", "丙"];
  const digestOf = (list: AnyRecord[], extra: unknown[] = []) =>
    new Digests(new Set(list)).of([...list, ...extra]);
  const same = digestOf(records(titles));
  assert.equal(digestOf(records(titles)), same, "another build's equal records");
  assert.notEqual(digestOf(records(["甲", "乙（修订）", "丙"])), same, "an edited record");
  assert.notEqual(digestOf(records(["甲", "乙", "丙"]).reverse()), same, "another order");
  assert.notEqual(digestOf(records(titles), ["丁"]), same, "a value added");
  assert.notEqual(digestOf(records(titles.slice(0, 2))), same, "a record fewer");
  // An empty array is not undefined, nor an empty object.
  const empty = new Digests(new Set());
  assert.notEqual(empty.of([]), empty.of(undefined));
  assert.notEqual(empty.of([]), empty.of({}));
  assert.throws(() => empty.of([() => 1]), /cannot compare/);
});
