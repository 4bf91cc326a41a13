/**
 * The shard indexer (gram-shard.mjs, typed arrays and a counting sort, its streams built without
 * pageStream) against a plain one written from the format's description: pageStream's code
 * points, a Map from gram key to its occurrences, the encodings of docs/search.md. Same bytes
 * for random pages over full- and half-width text, white space of every kind, format characters,
 * NUL, lone and paired surrogates, long titles, empty pages, and more distinct characters than
 * the indexer's small keys hold.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { BREAK, SPACE, gramKey, pageStream, tierOfPosition } from "../../src/assets/search-stream.js";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { random } from "../../bench/synthetic.ts";

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** The plain indexer: per gram key, its (page, position) occurrences in order. */
function plainIndex(pages: { title: string; pieces: string[] }[]) {
  const grams = new Map<number, [number, number][]>();
  const add = (key: number, j: number, p: number) => {
    const list = grams.get(key);
    if (list) list.push([j, p]);
    else grams.set(key, [[j, p]]);
  };
  const starts = pages.map((page, j) => {
    const { stream, starts } = pageStream(page.title, page.pieces);
    stream.forEach((cp, p) => {
      if (cp === BREAK) return;
      if (cp !== SPACE) add(gramKey(cp), j, p);
      const next = stream[p + 1];
      if (next !== undefined && next !== BREAK) add(gramKey(cp, next), j, p);
    });
    return starts;
  });
  const keys = [...grams.keys()].sort((a, b) => a - b);
  const bytes: number[] = [];
  const listEnd: number[] = [];
  const posEnd: number[] = [];
  const df: number[] = [];
  for (const key of keys) {
    const occurrences = grams.get(key)!;
    const byPage = new Map<number, number[]>();
    for (const [j, p] of occurrences) byPage.set(j, [...(byPage.get(j) ?? []), p]);
    const docs = [...byPage.keys()];
    const tier = (j: number) => tierOfPosition(byPage.get(j)![0]);
    df.push(docs.length);
    const sparse: number[] = [];
    docs.forEach((j, i) => varint(sparse, (j - (i ? docs[i - 1] : -1) - 1) * 4 + tier(j)));
    // The estimate the format has always used: 1, 2 or 3 bytes a page.
    const estimate = sparse.length;
    const dense = Math.ceil(pages.length / 4);
    if (dense < estimate) {
      varint(bytes, docs.length * 2 + 1);
      const bits = new Array<number>(dense).fill(0);
      for (const j of docs) bits[j >> 2] |= (tier(j) + 1) << ((j & 3) * 2);
      bytes.push(...bits);
    } else {
      varint(bytes, docs.length * 2);
      bytes.push(...sparse);
    }
    listEnd.push(bytes.length);
    if (key >= 0x110000)
      for (const j of docs) {
        const positions = byPage.get(j)!;
        varint(bytes, positions.length);
        positions.forEach((p, i) => varint(bytes, p - (i ? positions[i - 1] : 0)));
      }
    posEnd.push(bytes.length);
  }
  return { keys, df, listEnd, posEnd, bytes, starts };
}

test("indexShard gives the plain indexer's bytes", () => {
  const rand = random(11);
  const alphabet = [
    ..."公务公开政许可，。、〔〕[]（）【】2023２０号aBＡé𠀾〇零○5G５Ｇ ΣΑΣİ",
    " ",
    "\n",
    "\t",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u0000",
    "\ud800",
    "\udc00",
    "e\u0301",
  ];
  const pick = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  for (let round = 0; round < 30; round++) {
    const pages = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => ({
      title: pick(Math.floor(rand() * 90)),
      pieces: Array.from({ length: Math.floor(rand() * 3) }, () => pick(Math.floor(rand() * 400))),
    }));
    const got = indexShard(pages);
    const want = plainIndex(pages);
    assert.deepEqual([...got.keys], want.keys, `round ${round}: keys`);
    assert.deepEqual([...got.df], want.df, `round ${round}: page counts`);
    assert.deepEqual([...got.listEnd], want.listEnd, `round ${round}: lists`);
    assert.deepEqual([...got.posEnd], want.posEnd, `round ${round}: positions`);
    assert.deepEqual([...got.bytes], want.bytes, `round ${round}: bytes`);
    assert.deepEqual(got.starts, want.starts, `round ${round}: piece starts`);
  }
});

test("a shard with more distinct characters than small keys hold, and a page list in both forms", () => {
  // 40,000 distinct code points (CJK and astral) over 300 pages: some grams on most pages (the
  // 2-bit form), most on a few (the sparse form).
  const pages = Array.from({ length: 300 }, (_, j) => {
    let text = "";
    for (let k = 0; k < 140; k++) text += String.fromCodePoint(0x4e00 + ((j * 140 + k) % 20000));
    for (let k = 0; k < 70; k++) text += String.fromCodePoint(0x20000 + ((j * 70 + k) % 20000));
    return { title: `第${j}号 公告`, pieces: [`公开 ${text}`, "公开"] };
  });
  const got = indexShard(pages);
  const want = plainIndex(pages);
  assert.ok(want.keys.filter((k) => k < 0x110000).length > 32_768);
  assert.deepEqual([...got.keys], want.keys);
  assert.deepEqual([...got.bytes], want.bytes);
  assert.deepEqual([...got.posEnd], want.posEnd);
});
