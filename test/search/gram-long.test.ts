/**
 * Long grams (gram-long.mjs, docs/search.md "Seventeenth round"): a shard keeps the anchored windows of
 * a phrase repeated on LONG_PAGES of its pages or more, each with every page and position that holds
 * it; not those of a phrase on fewer pages; and a shard whose long grams may change is not patched
 * (gram-patch.mjs) but indexed whole, so a cached build keeps the bytes of a clean one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { patchShard } from "../../src/search/gram-patch.mjs";
import { LONG_PAGES } from "../../src/search/gram-long.mjs";
import { LONG, LONG_BASE, anchorsOf, provedBy, reachOf } from "../../src/assets/search-long.js";
import { codePoints, pageStream } from "../../src/assets/search-stream.js";
import { eachListed, PositionTable } from "../../src/assets/search-index.js";

const PHRASE = "鹭洲湿地栈桥翡翠湾观鸟屿澄江码头琥珀巷梧桐驿枫溪渡口芦苇荡萤火虫谷松涛崖听泉阁";
const RARE = "青瓦白墙小桥流水人家炊烟袅袅稻田金黄蛙声一片星河璀璨夜色温柔晚风习习";

function pagesWith(count: number) {
  return Array.from({ length: 160 }, (_, j) => ({
    title: `第${j}页`,
    pieces: [j < count ? `前文${j}，${PHRASE}。${j % 40 === 0 ? RARE : ""}后文` : `别的内容${j}`],
  }));
}

/** Long gram i's pages and positions, from the shard's bytes. */
function entryOf(g: ReturnType<typeof indexShard>, i: number, pages: number) {
  const from = i === 0 ? 0 : g.posEnd[i - 1];
  const ids: number[] = [];
  eachListed(g.bytes.subarray(from, g.listEnd[i]), 0, pages, (id: number) => ids.push(id));
  const bytes = g.bytes.subarray(g.listEnd[i], g.posEnd[i]);
  const table = new PositionTable(pages).add(bytes.subarray(reachOf(bytes).at), ids, () => true);
  return ids.map((id) => [id, ...Array.from(table.data.subarray(table.at[id], table.at[id] + table.n[id]))]);
}

test("a phrase on enough pages: its anchored long grams, every page and position; a rarer one: none", () => {
  const pages = pagesWith(120);
  const g = indexShard(pages);
  const longs = [...g.keys.keys()].filter((i) => g.keys[i] >= LONG_BASE);
  const anchors = anchorsOf(codePoints(PHRASE));
  assert.ok(anchors.length >= 2, `${anchors.length} anchors`);
  assert.equal(longs.length, anchors.length, "one long gram per anchor of the phrase, none of the rare text");
  for (const i of longs) {
    const u = anchors.find((a) => a.key === g.keys[i]);
    assert.ok(u, "a long gram of the phrase");
    const text = String.fromCodePoint(...codePoints(PHRASE).slice(u.offset, u.offset + LONG));
    const want: number[][] = [];
    pages.forEach((page, j) => {
      const s = pageStream(page.title, page.pieces).stream;
      const at: number[] = [];
      for (let p = 0; p + LONG <= s.length; p++)
        if (String.fromCodePoint(...s.slice(p, p + LONG)) === text) at.push(p);
      if (at.length) want.push([j, ...at]);
    });
    assert.deepEqual(entryOf(g, i, pages.length), want);
  }
  assert.equal(
    indexShard(pagesWith(LONG_PAGES - 1)).keys.at(-1)! < LONG_BASE,
    true,
    "fewer pages: no long gram",
  );
});

test("a long gram keeps what every occurrence of it has around it: the phrase, proved by any one of them", () => {
  const pages = pagesWith(120);
  const g = indexShard(pages);
  const cps = codePoints(PHRASE);
  const s = pageStream(pages[1].title, pages[1].pieces).stream;
  const at = s.findIndex((_, p) => cps.every((c, k) => s[p + k] === c));
  for (const u of anchorsOf(cps)) {
    const i = [...g.keys].indexOf(u.key);
    const reach = reachOf(g.bytes.subarray(g.listEnd[i], g.posEnd[i]));
    // Before: the phrase's start and the "，" every page has before it (then each page's own number).
    assert.deepEqual(reach.before, [...cps.slice(0, u.offset)].reverse().concat(s[at - 1]));
    // After: the phrase's end and its "。" (then 后文 on most pages, other text on some).
    assert.deepEqual(reach.after, [...cps.slice(u.offset + LONG), s[at + cps.length]]);
    assert.deepEqual(
      provedBy(cps, u.offset, reach),
      [0, cps.length],
      "one long gram proves the whole phrase",
    );
  }
});

test("a shard with long grams patched: the bytes of indexing it whole; one a long gram may come in: declined", () => {
  const same = (pages: ReturnType<typeof pagesWith>, j: number, page: (typeof pages)[number]) => {
    const after = [...pages];
    after[j] = page;
    const got = patchShard(indexShard(pages), pages.length, [j], [pages[j]], [page]);
    assert.ok(got, "patched");
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(indexShard(after).bytes));
    assert.deepEqual([...got.keys], [...indexShard(after).keys]);
  };
  // Its long grams kept: a page's title edited, its text as it was (the phrase's occurrences, and what
  // they have around them, unchanged).
  const kept = pagesWith(120);
  same(kept, 3, { title: "新", pieces: kept[3].pieces });
  // The phrase moves on a page, or a page loses it: what its long grams' occurrences have around them
  // is the whole shard's to say (long-reach.mjs), so the shard is indexed whole.
  for (const page of [
    { title: "新", pieces: [`改了${PHRASE}（修订）`] },
    { title: "新", pieces: ["没有了"] },
  ])
    assert.equal(patchShard(indexShard(kept), kept.length, [3], [kept[3]], [page]), undefined);
  // Without long grams before, but a changed page could make one: 95 pages, the 96th added.
  const edge = pagesWith(LONG_PAGES - 1);
  const grown = [...edge];
  grown[LONG_PAGES - 1] = { title: edge[LONG_PAGES - 1].title, pieces: [PHRASE] };
  assert.ok(indexShard(grown).keys.at(-1)! >= LONG_BASE, "the edit makes long grams");
  assert.equal(
    patchShard(
      indexShard(edge),
      edge.length,
      [LONG_PAGES - 1],
      [edge[LONG_PAGES - 1]],
      [grown[LONG_PAGES - 1]],
    ),
    undefined,
  );
  // A page of other text in a shard without long grams: patched, the same bytes.
  const plain = pagesWith(10);
  const edited = [...plain];
  edited[100] = { title: "新标题", pieces: ["新的正文"] };
  const got = patchShard(indexShard(plain), plain.length, [100], [plain[100]], [edited[100]]);
  assert.ok(got);
  assert.deepEqual(Buffer.from(got.bytes), Buffer.from(indexShard(edited).bytes));
});
