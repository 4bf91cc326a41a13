/**
 * The index step's workers under one owner (src/search/step-workers.ts): started early after an
 * edit, made at the first use otherwise, an early start no shard needed closed at once; and the
 * one-shot SHA-256 its threads hash with (src/search/sha256.mjs) gives what a Hash object gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { StepWorkers } from "../../src/search/step-workers.ts";
import { sha256 } from "../../src/search/sha256.mjs";

test("an early start is the workers of the first shard and of the join", async () => {
  const pool = new StepWorkers(2, true);
  const first = pool.forShard();
  assert.equal(first.size, 2);
  assert.equal(pool.forShard(), first, "one pool, not a second");
  assert.equal(pool.forJoin(1, true), first);
  assert.deepEqual(pool.busyMs(), [0, 0]);
  await pool.close();
});

test("an early start no shard needed is closed; the join gets no worker with the cache", async () => {
  const pool = new StepWorkers(2, true);
  const join = pool.forJoin(0, true);
  assert.equal(join.size, 0);
  assert.deepEqual(pool.busyMs(), []);
  await pool.close();
});

test("without an early start the workers are made at their first use, one for a join without the cache", async () => {
  const none = new StepWorkers(2, false);
  assert.equal(none.busyMs(), undefined, "no worker made before it is asked for");
  assert.equal(none.forJoin(0, false).size, 1);
  await none.close();
  const late = new StepWorkers(2, false);
  assert.equal(late.forShard().size, 2);
  await late.close();
});

test("sha256 is a Hash object's digest, in every encoding the index uses", () => {
  for (const data of [Buffer.alloc(0), Buffer.from("搜索索引"), Buffer.alloc(20_000, 7)]) {
    const digest = createHash("sha256").update(data).digest();
    assert.equal(sha256(data, "hex"), digest.toString("hex"));
    assert.equal(sha256(data, "base64url"), digest.toString("base64url"));
    assert.deepEqual(sha256(data, "buffer"), digest);
  }
});
