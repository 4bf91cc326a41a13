/**
 * What patching a shard after one edit reads (gram-patch.mjs): a changed page near the start of
 * a shard whose bigrams are on every page must not walk the positions of every later page (past
 * the last changed page they are copied as one run). The bytes read of the shard's grams are
 * counted through a Proxy; the result must still be the bytes of indexing the shard again.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { patchShard } from "../../src/search/gram-patch.mjs";

/** The grams with their bytes behind a Proxy that counts reads by index. */
function counted<T extends { bytes: Uint8Array }>(grams: T): { grams: T; reads: () => number } {
  let reads = 0;
  const bytes = new Proxy(grams.bytes, {
    get(target, key) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { grams: { ...grams, bytes }, reads: () => reads };
}

test("a title edit of a shard's first page does not walk the later pages' positions", () => {
  // 90 pages, each its title then the same sentence many times: every bigram on every page, with
  // many positions (fewer than the 96 pages a phrase needs for long grams, whose moved entries a
  // patch declines: the shard would be indexed whole). The edit lengthens the first page's title, in its text too (as a page shows it),
  // so every later position of that page moves and each of its bigrams is patched.
  const sentence = "公开政务信息，依法履行职责。".repeat(12);
  const page = (title: string) => ({ title, pieces: [`${title}${sentence}`] });
  const pages = Array.from({ length: 90 }, (_, i) => page(`第${i}号通知`));
  const changed = [0];
  const after = page(`${pages[0].title}（修订）`);
  const shard = indexShard(pages);
  const { grams, reads } = counted(shard);
  const got = patchShard(grams, pages.length, changed, [pages[0]], [after]);
  const want = indexShard([after, ...pages.slice(1)]);
  assert.ok(got, "patched");
  assert.deepEqual(Buffer.from(got.bytes), Buffer.from(want.bytes), "the bytes of indexing it again");
  assert.deepEqual([...got.posEnd], [...want.posEnd], "positions");
  // Walking every page's positions of each bigram would read most of the shard's bytes.
  assert.ok(
    reads() < shard.bytes.length / 4,
    `read ${reads()} bytes of the shard's ${shard.bytes.length} by index`,
  );
});
