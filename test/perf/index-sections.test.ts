/**
 * The cache index's file (src/build/cache/index-sections.ts): columns of strings one a line, read
 * back exactly as written, a column holding a line break written as JSON instead, and a file cut
 * short or of another format not used (the build then starts afresh).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import {
  indexOf,
  readIndex,
  writeIndex,
  type Index,
  type NewIndex,
} from "../../src/build/cache/index-file.ts";
import { readSections, type Section } from "../../src/build/cache/index-sections.ts";
import { restOf } from "../../src/build/cache/index-rest.ts";
import { PageTable } from "../../src/build/cache/page-table.ts";

const sha = (c: string) => c.repeat(64);

function sample(keys: string[]): NewIndex {
  return {
    format: CACHE_FORMAT,
    fingerprint: "fp",
    pages: new PageTable(
      ["index.html", "新闻/index.html", "a.html"],
      keys,
      [sha("a"), sha("b"), sha("a")],
      [0, 1, 0],
      ["", "lists l1 x", ""],
    ),
    reads: [
      [['["portal","byType","news"]', "d1"]],
      [['["标题"]', "d2"]],
      [],
      [
        ['["portal","byType","news"]', "d1"],
        ['["portal","byType","news"]', "d0"],
      ],
    ],
    shards: { s0: [["pagefind/a", sha("c")]] },
    joined: { "g/1": [sha("d"), sha("e")], "t/2": [sha("e"), sha("f")] },
    notes: { "sitemap.xml": ["a.html"] },
    blobs: new Map([
      [sha("a"), [10, 1767225600000.5, 42]],
      [sha("b"), [0, 1, 2]],
    ]),
  };
}

function plain(index: Index) {
  const { files, keys, sha256s, reads, hints } = index.pages;
  // blobRows, readsRows: the blobs' column and the lists of reads as read (a written index has none).
  const rest: Partial<Index> = { ...index };
  delete rest.blobRows;
  delete rest.readsRows;
  return { ...rest, pages: { files, keys, sha256s, reads, hints }, blobs: [...index.blobs] };
}

test("the index is read back as written; a column with a line break is kept as JSON", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-index-"));
  try {
    const file = path.join(dir, "index.txt");
    for (const keys of [
      ["k1", "键 2", ""],
      ["k1", "a\nb", "k3"],
    ]) {
      const index = sample(keys);
      writeIndex(file, index);
      const bytes = readFileSync(file);
      assert.deepEqual(plain(indexOf(bytes, CACHE_FORMAT)!), plain(index));
      const kinds = readSections(bytes).sections.map((s) => ("column" in s ? "l" : "json" in s ? "j" : "f"));
      assert.equal(kinds.at(-1), "f", "the blobs' stats as 64-bit numbers");
      assert.equal(kinds[2], keys[1].includes("\n") ? "j" : "l", "the keys' column");
      assert.deepEqual(kinds.slice(0, 2), ["j", "l"]);
      // The lists of reads as a column of paths, one of digests and numbers; the joined files as columns.
      assert.deepEqual(kinds.slice(6, 12), ["l", "l", "f", "l", "l", "l"]);
      assert.equal(readIndex(file, "fp").previous?.pages.row("新闻/index.html"), 1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an index cut short, of another format, or with a malformed SHA-256 is not used", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-index-"));
  try {
    const file = path.join(dir, "index.txt");
    writeIndex(file, sample(["k1", "k2", "k3"]));
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 5));
    assert.deepEqual(readIndex(file, "fp"), { ignored: "缓存索引无法读取" });
    assert.equal(indexOf(whole, "gongkai-build-cache/0"), undefined);
    writeFileSync(file, whole.toString("latin1").replace(sha("b"), `${sha("b").slice(1)}g`), "latin1");
    assert.deepEqual(readIndex(file, "fp"), { ignored: "缓存格式不符" });
    // A stat that is no finite number: the bytes of one of the first blob's numbers made NaN's.
    writeIndex(file, sample(["k1", "k2", "k3"]));
    const nan = readFileSync(file);
    nan.set([0, 0, 0, 0, 0, 0, 0xf8, 0x7f], nan.length - 1 - 6 * 8);
    writeFileSync(file, nan);
    assert.deepEqual(readIndex(file, "fp"), { ignored: "缓存格式不符" });
    writeIndex(file, sample(["k1", "k2", "k3"]));
    assert.equal(readIndex(file, "another").ignored, "代码、配置或版式已改变");
    assert.equal(readIndex(file, "another").blobs?.size, 2, "another fingerprint's blobs are kept");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the blobs' column is written in the previous index's order and carried from its bytes", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-index-"));
  try {
    const file = path.join(dir, "index.txt");
    const first = sample(["k1", "k2", "k3"]);
    first.blobs.set(sha("c"), [3, 4, 5]);
    writeIndex(file, first);
    const previous = readIndex(file, "fp").previous!;
    assert.deepEqual(previous.blobRows?.sha256s, [sha("a"), sha("b"), sha("c")]);
    // This build's blobs in another order, one gone, one new, one with a new stat.
    const next = sample(["k1", "k2", "k3"]);
    next.blobs = new Map([
      [sha("f"), [7, 8, 9]],
      [sha("c"), [3, 4, 6]],
      [sha("a"), [10, 1767225600000.5, 42]],
    ]);
    const again = path.join(dir, "again.txt");
    writeIndex(again, next, previous.pages, previous);
    const read = readIndex(again, "fp").previous!;
    assert.deepEqual(read.blobRows?.sha256s, [sha("a"), sha("c"), sha("f")]);
    assert.deepEqual(
      [...read.blobs],
      [...next.blobs].sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("lists of reads that name no pair, or joined files listed twice, are not used", () => {
  const column = (values: string[]): Section => {
    const text = values.join("\n");
    return { column: values, text, ascii: Buffer.from(text, "latin1") };
  };
  const rest = (lists: number[], rels: string[]) =>
    restOf([
      { json: { shards: {}, notes: {} } },
      column(["p0", "p1"]),
      column(["d0", "d1"]),
      { float64s: Float64Array.from(lists) },
      column(rels),
      column(rels.map(() => sha("a"))),
      column(rels.map(() => sha("b"))),
    ]);
  assert.deepEqual(rest([2, 1, 0, 0], ["g/1"])?.reads, [
    [
      ["p1", "d1"],
      ["p0", "d0"],
    ],
    [],
  ]);
  assert.equal(rest([2, 1, 2], ["g/1"]), undefined, "no pair 2");
  assert.equal(rest([3, 1, 0], ["g/1"]), undefined, "a list cut short");
  assert.equal(rest([1, 0.5], ["g/1"]), undefined);
  assert.equal(rest([1, 0], ["g/1", "g/1"]), undefined, "a joined file twice");
  assert.equal(rest([1, 0], ["__proto__"]), undefined);
});
