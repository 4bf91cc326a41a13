/**
 * A shard patched after an edit (gram-patch.mjs) when a long-gram window grows on the changed pages or a
 * kept long gram's occurrences there change (long-patch.mjs): a window the shard does not keep is counted
 * on the unchanged pages from the shard's grams before, so the patch declines only when it reaches
 * LONG_PAGES (the shard, indexed whole, then keeps it); a kept one's reach is kept when nothing it depends
 * on changed. Patched, the bytes are those of indexing the shard whole. Before gram44 any such window or
 * change declined the patch (with gram43's long grams, an ordinary title edit made the shard be indexed
 * whole).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { patchShard } from "../../src/search/gram-patch.mjs";
import { LONG_PAGES } from "../../src/search/gram-long.mjs";
import { LONG_BASE, anchorsOf } from "../../src/assets/search-long.js";
import { codePoints } from "../../src/assets/search-stream.js";
import { random } from "../../bench/synthetic.ts";

type Page = { title: string; pieces: string[] };

const PHRASE = "鹭洲湿地栈桥翡翠湾观鸟屿澄江码头琥珀巷梧桐驿枫溪渡口芦苇荡萤火虫谷松涛崖听泉阁";
/**
 * Every bigram of the phrase, each apart from the next by a character that differs from page to page
 * (page `j`): its long grams' bigrams, never lined up, and no window of them on many pages.
 */
const pairs = (j: number) => {
  const cps = codePoints(PHRASE);
  return cps
    .slice(0, -1)
    .map((c, i) => String.fromCodePoint(c, cps[i + 1], 0x4e00 + ((j * 7 + i) % 97)))
    .join("");
};

/** 200 pages: the phrase on the first `count`, its bigrams apart on the last `decoys`. */
function shard(count: number, decoys = 0): Page[] {
  return Array.from({ length: 200 }, (_, j) => ({
    title: `第${j}页`,
    pieces: [
      `前文${j}，${j < count ? PHRASE : "别的内容"}。后文`,
      ...(j >= 200 - decoys ? [`附：${pairs(j)}。`] : []),
    ],
  }));
}

const withPhrase = (page: Page): Page => ({ title: page.title, pieces: [...page.pieces, `又见${PHRASE}。`] });
const withoutPhrase = (page: Page): Page => ({
  title: page.title,
  pieces: page.pieces.map((p) => p.replace(PHRASE, "别的内容")),
});
const hasLong = (g: ReturnType<typeof indexShard>) => g.keys.at(-1)! >= LONG_BASE;

/** The shard patched after `edits` (page → its new text): undefined when declined, else its bytes checked. */
function patched(pages: Page[], edits: Map<number, Page>) {
  const changed = [...edits.keys()].sort((a, b) => a - b);
  const after = pages.map((page, j) => edits.get(j) ?? page);
  const got = patchShard(
    indexShard(pages),
    pages.length,
    changed,
    changed.map((j) => pages[j]),
    changed.map((j) => after[j]),
  );
  const want = indexShard(after);
  if (got) {
    assert.deepEqual([...got.keys], [...want.keys], "keys");
    assert.deepEqual([...got.posEnd], [...want.posEnd], "positions");
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(want.bytes), "bytes");
  }
  return { got, want };
}

test("a window not kept that grows on the changed pages: patched below LONG_PAGES, declined at it", () => {
  assert.ok(anchorsOf(codePoints(PHRASE)).length >= 2, "the phrase has long grams");
  // Up to LONG_PAGES − 1 pages, one and then two at a time: patched, the bytes of indexing it whole.
  const few = shard(LONG_PAGES - 10, 30);
  assert.ok(patched(few, new Map([[150, withPhrase(few[150])]])).got, "one page more: patched");
  assert.ok(
    patched(
      few,
      new Map([
        [120, withPhrase(few[120])],
        [199, withPhrase(few[199])],
      ]),
    ).got,
    "two pages more: patched",
  );
  const edge = shard(LONG_PAGES - 2);
  assert.ok(patched(edge, new Map([[150, withPhrase(edge[150])]])).got, "to LONG_PAGES − 1: patched");
  // One page gains it as another loses it: as many pages as before, patched.
  assert.ok(
    patched(
      edge,
      new Map([
        [3, withoutPhrase(edge[3])],
        [150, withPhrase(edge[150])],
      ]),
    ).got,
    "one in, one out: patched",
  );
  // To LONG_PAGES, by one page or by two: the shard keeps the window now; the patch declines.
  const up = patched(
    edge,
    new Map([
      [150, withPhrase(edge[150])],
      [151, withPhrase(edge[151])],
    ]),
  );
  assert.ok(hasLong(up.want) && !up.got, "two pages to LONG_PAGES: declined");
  const one = shard(LONG_PAGES - 1);
  const reached = patched(one, new Map([[150, withPhrase(one[150])]]));
  assert.ok(hasLong(reached.want) && !reached.got, "one page to LONG_PAGES: declined");
  // From LONG_PAGES to one fewer: never other bytes than indexing it whole (gram-patch.mjs declines a
  // kept long gram whose entry changed).
  const kept = shard(LONG_PAGES);
  const down = patched(kept, new Map([[5, withoutPhrase(kept[5])]]));
  assert.ok(!hasLong(down.want), "no long gram after");
  // A bigram of the edited page reaching LONG_PAGES pages while no window over it does: patched.
  const common = shard(20).map((page, j) =>
    j < LONG_PAGES - 1 ? { ...page, title: `${page.title}甲乙` } : page,
  );
  assert.ok(
    patched(common, new Map([[150, { title: `${common[150].title}甲乙`, pieces: [`甲乙${PHRASE}`] }]])).got,
    "a bigram to LONG_PAGES: patched",
  );
});

test("a window's bigrams on the unchanged pages count only where they line up", () => {
  // The phrase on 60 pages; its every bigram on 120 more, apart: each covering bigram is on 180 pages,
  // the window on 60, and 61 after the edit.
  const pages = shard(60, 120);
  assert.ok(!hasLong(indexShard(pages)), "no long gram");
  assert.ok(patched(pages, new Map([[100, withPhrase(pages[100])]])).got, "patched");
  // A sentence of the phrase's bigrams appended to a page (the phrase turned about), and a title edited.
  const turned = `${PHRASE.slice(12)}${PHRASE.slice(0, 12)}`;
  assert.ok(
    patched(pages, new Map([[7, { title: pages[7].title, pieces: [...pages[7].pieces, turned] }]])).got,
    "a sentence of common bigrams appended: patched",
  );
  assert.ok(
    patched(pages, new Map([[7, { title: `${pages[7].title}（修订）`, pieces: pages[7].pieces }]])).got,
    "a title edited: patched",
  );
});

test("a kept long gram's reach after random edits around it: patched with the same bytes, or declined", () => {
  const rand = random(11);
  const pick = (n: number) =>
    Array.from({ length: n }, () => "甲乙丙丁，。"[Math.floor(rand() * 6)]).join("");
  // The phrase on most of 130 pages between a few code points of a small alphabet: its reach on each
  // side is short, and which pages hold it to that length is left to chance.
  const around = () => ({
    title: `第${Math.floor(rand() * 1e6)}页`,
    pieces: [`${pick(rand() * 4)}${PHRASE}${pick(rand() * 4)}`],
  });
  let patchedRounds = 0;
  for (let round = 0; round < 40; round++) {
    const pages = Array.from({ length: 130 }, (_, j) =>
      j < 110 ? around() : { title: `第${j}页`, pieces: ["别的"] },
    );
    const j = Math.floor(rand() * 130);
    const roll = rand();
    const page =
      roll < 0.3
        ? around()
        : roll < 0.5
          ? { title: `${pages[j].title}（修订）`, pieces: pages[j].pieces }
          : roll < 0.7
            ? { title: pages[j].title, pieces: [...pages[j].pieces, pick(3)] }
            : roll < 0.85
              ? { title: pages[j].title, pieces: [`${pick(2)}${pages[j].pieces[0]}`] }
              : withoutPhrase(pages[j]);
    assert.ok(hasLong(indexShard(pages)), `round ${round}: long grams`);
    if (patched(pages, new Map([[j, page]])).got) patchedRounds++;
  }
  assert.ok(patchedRounds >= 20, `${patchedRounds} of 40 rounds patched`);
});
