/**
 * A shard's grams patched after some of its pages changed (gram-patch.mjs, for the build cache)
 * against the shard indexed again from scratch (gram-shard.mjs): the same bytes, for random
 * pages over a small alphabet (most grams on many pages: lists in both forms), changes of one
 * page, of several, to an empty page and from one, with grams that appear and vanish.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { patchShard } from "../../src/search/gram-patch.mjs";
import { random } from "../../bench/synthetic.ts";

test("patchShard gives the bytes of indexing the shard again", () => {
  const rand = random(7);
  const alphabet = [..."公务公开政许可，。〔〕（）2023２号aBé𠀾〇零 ", "\n", "\u3000", "\u0000", "e\u0301"];
  const pick = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  const page = () => ({
    title: pick(Math.floor(rand() * 80)),
    pieces: Array.from({ length: Math.floor(rand() * 3) }, () => pick(Math.floor(rand() * 300))),
  });
  for (let round = 0; round < 40; round++) {
    const before = Array.from({ length: 1 + Math.floor(rand() * 60) }, page);
    const after = [...before];
    const changed = [
      ...new Set(
        Array.from({ length: 1 + Math.floor(rand() * 4) }, () => Math.floor(rand() * before.length)),
      ),
    ].sort((a, b) => a - b);
    for (const j of changed) {
      const roll = rand();
      // A new page, an empty one, or a small edit of the title (the benchmark's edit).
      after[j] =
        roll < 0.4
          ? page()
          : roll < 0.55
            ? { title: "", pieces: [] }
            : { title: `${before[j].title}（修订）`, pieces: before[j].pieces };
    }
    const got = patchShard(
      indexShard(before),
      before.length,
      changed,
      changed.map((j) => before[j]),
      changed.map((j) => after[j]),
    );
    const want = indexShard(after);
    assert.ok(got, `round ${round}: patched`);
    assert.deepEqual([...got.keys], [...want.keys], `round ${round}: keys`);
    assert.deepEqual([...got.df], [...want.df], `round ${round}: page counts`);
    assert.deepEqual([...got.listEnd], [...want.listEnd], `round ${round}: lists`);
    assert.deepEqual([...got.posEnd], [...want.posEnd], `round ${round}: positions`);
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(want.bytes), `round ${round}: bytes`);
    assert.deepEqual(
      got.starts,
      changed.map((j) => want.starts[j]),
      `round ${round}: piece starts`,
    );
  }
});
