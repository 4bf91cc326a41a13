/**
 * The new index's numbers of its lists of reads (src/build/cache/reads-ids.ts): a list is one
 * number whether it is met again by its identity or as another array of the same pairs, also
 * where many lists end in the same path (then told apart by their text); lists that differ in
 * one pair, or in their length, are two.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ReadsIds } from "../../src/build/cache/reads-ids.ts";
import type { Dependency } from "../../src/build/cache/trace.ts";

const list = (...pairs: [string, string][]): Dependency[] => pairs.map(([p, d]) => [p, d]);

test("lists of reads are numbered once each, by their pairs", () => {
  const lists: Dependency[][] = [];
  const ids = new ReadsIds(lists);
  const a = list(["p1", "d1"], ["own-a", "x"]);
  assert.equal(ids.idOf(a), 0);
  assert.equal(ids.idOf(a), 0, "the same array");
  assert.equal(ids.idOf(list(["p1", "d1"], ["own-a", "x"])), 0, "the same pairs");
  assert.equal(ids.idOf(list(["p1", "d2"], ["own-a", "x"])), 1, "another digest");
  assert.equal(ids.idOf(list(["own-a", "x"])), 2, "shorter");
  assert.equal(ids.idOf([]), 3);
  assert.equal(ids.idOf([]), 3);
  // Twenty lists ending in one path: past the crowded mark they are found by their text.
  const shared = (i: number) => list([`p${i}`, "d"], ["tallies", "t"]);
  const first = Array.from({ length: 20 }, (_, i) => ids.idOf(shared(i)));
  assert.deepEqual(
    first,
    Array.from({ length: 20 }, (_, i) => 4 + i),
  );
  assert.deepEqual(
    Array.from({ length: 20 }, (_, i) => ids.idOf(shared(i))),
    first,
    "met again as other arrays",
  );
  assert.equal(lists.length, 24);
  assert.deepEqual(lists[1], [
    ["p1", "d2"],
    ["own-a", "x"],
  ]);
});
