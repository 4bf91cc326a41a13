/**
 * The statistics' audit lists are joined from the record runs' lists (src/tallies/audit.ts
 * `joinRuns`) by walking each run's lists beside the keys: the same lists, in the same order and
 * as new arrays, as looking every key up in every run, also for a run whose keys come in another
 * order, lack one or have one more.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ContentRecord } from "../../src/content/types.ts";
import { joinRuns, type AuditLists } from "../../src/tallies/audit.ts";

/** The plain join: every key looked up in every run. */
const lookedUp = (runs: readonly AuditLists[], keys: readonly string[]): AuditLists =>
  new Map(keys.map((key) => [key, runs.flatMap((run) => run.get(key) ?? [])]));

const record = (n: number) => ({ url: `/r/${n}/` }) as unknown as ContentRecord;

/** Keys as a decoded run has them: strings of their own, equal to the others'. */
const own = (key: string): string => JSON.parse(JSON.stringify(key)) as string;

test("joined runs: the lists of a lookup of every key in every run", () => {
  const keys = ["2023/all", "2023/news", "2024/all", "2024/news"];
  let n = 0;
  const run = (order: readonly string[], sizes: readonly number[]): AuditLists =>
    new Map(order.map((key, i) => [own(key), Array.from({ length: sizes[i] }, () => record(n++))]));
  const runs = [
    run(keys, [2, 1, 0, 3]),
    run(keys, [0, 0, 0, 0]),
    run([keys[1], keys[0], keys[2], keys[3]], [1, 2, 1, 1]),
    run(keys.slice(0, 3), [1, 1, 1]),
    run([...keys, "2025/all"], [1, 0, 2, 1, 4]),
    run(keys, [3, 0, 1, 0]),
  ];
  const joined = joinRuns(runs, keys);
  assert.deepEqual([...joined.keys()], keys);
  const plain = lookedUp(runs, keys);
  for (const key of keys) {
    assert.deepEqual(joined.get(key), plain.get(key), key);
    for (const one of runs) assert.notEqual(joined.get(key), one.get(key), `${key}: a new array`);
  }
  assert.deepEqual(joinRuns([], keys), lookedUp([], keys));
});
