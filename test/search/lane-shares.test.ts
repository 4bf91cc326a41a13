/**
 * The buckets an edit touched are dealt to the join's lanes by weight (src/search/lane-shares.ts):
 * the step waits for the slower lane, and a common gram's bucket weighs megabytes where most weigh
 * kilobytes. Dealt every other bucket, the lanes got 738 and 515 samples of work in a 50k profile.
 * And the splice's patch reads the cached grams as views of the blob's bytes (gram-blob.mjs
 * `viewGrams`): the same grams as the copies `parseGrams` makes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { bucketWeight, laneShares } from "../../src/search/lane-shares.ts";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { parseGrams, serializeGrams, viewGrams } from "../../src/search/gram-blob.mjs";

test("heavy buckets go to different lanes, and the lanes' weights end close", () => {
  // Every other bucket would give lane 0 buckets 1 and 3 (both heavy): 2,000 against 4.
  const weights = new Map([
    [1, 1000],
    [2, 1],
    [3, 1000],
    [4, 1],
    [5, 1],
    [6, 1],
  ]);
  const parts = laneShares([...weights.keys()], 2, (b) => weights.get(b)!);
  assert.deepEqual(parts.flat().sort(), [1, 2, 3, 4, 5, 6]);
  const load = parts.map((part) => part.reduce((n, b) => n + weights.get(b)!, 0));
  assert.equal(Math.abs(load[0] - load[1]), 0);
  for (const part of parts)
    assert.deepEqual(
      part,
      [...part].sort((x, y) => x - y),
    );
  assert.ok(parts.every((part) => part.includes(1) !== part.includes(3)));
});

test("the same buckets and weights deal the same shares; every bucket once", () => {
  const relay = Array.from({ length: 287 }, (_, i) => i * 7);
  const weight = (b: number) => (b * 2654435761) % 100_000;
  const a = laneShares(relay, 2, weight);
  assert.deepEqual(a, laneShares(relay, 2, weight));
  assert.deepEqual(
    a.flat().sort((x, y) => x - y),
    relay,
  );
  assert.deepEqual(laneShares([], 2, weight), [[], []]);
});

test("a bucket weighs its cached files' gzip bytes, a file without chunks a small fixed weight", () => {
  const chunks: [string, number][] = [
    ["a", 3000],
    ["b", 5000],
  ];
  const heavy = bucketWeight([["x/1-0.gz", "raw", { file: "/blob", chunks }]]);
  const light = bucketWeight([
    ["g/1.gz", "raw"],
    ["x/2.gz", "raw"],
  ]);
  assert.equal(heavy, 8000);
  assert.ok(light > 0 && light < heavy);
});

test("viewGrams gives the grams parseGrams copies, at any offset of the bytes", () => {
  const grams = indexShard(
    Array.from({ length: 40 }, (_, i) => ({ title: `第${i}号`, pieces: [`关于第${i}批政务公开工作的通知`] })),
  );
  const blob = serializeGrams(grams);
  for (const pad of [0, 1, 2, 4, 8]) {
    const bytes = new Uint8Array(blob.length + pad);
    bytes.set(blob, pad);
    const view = viewGrams(bytes.subarray(pad));
    const copy = parseGrams(bytes.subarray(pad));
    for (const name of ["keys", "df", "listEnd", "posEnd", "bytes"] as const)
      assert.deepEqual(Array.from(view[name]), Array.from(copy[name]), `${name} at offset ${pad}`);
  }
});
