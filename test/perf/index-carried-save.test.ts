/**
 * Saving the cache index in proportion to what changed (src/build/cache/index-reads.ts,
 * index-blobs.ts): the lists of reads the previous index had are written as their numbers, its
 * pairs' columns as the bytes read, and only new pairs added; the blobs' column is carried in runs
 * around the rows gone, and the gone rows are named for the sweep. Read back, the index holds
 * exactly the lists and blobs written; once unused pairs are a quarter of the columns, they go.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import { readIndex, writeIndex, type Index } from "../../src/build/cache/index-file.ts";
import { blobRows } from "../../src/build/cache/index-blobs.ts";
import { PageTable } from "../../src/build/cache/page-table.ts";
import type { Dependency } from "../../src/build/cache/trace.ts";

const sha = (c: string) => c.repeat(64);

function index(reads: Dependency[][], blobs: [string, [number, number, number]][]): Index {
  const n = reads.length;
  const files = reads.map((_, i) => `页${i}.html`);
  return {
    format: CACHE_FORMAT,
    fingerprint: "fp",
    pages: new PageTable(
      files,
      files.map((f) => `k ${f}`),
      files.map(() => sha("a")),
      [...Array(n).keys()],
      files.map(() => ""),
    ),
    reads,
    shards: {},
    joined: {},
    notes: {},
    blobs: new Map(blobs),
  };
}

/** Writes `next` after `previous` (read from `dir`), `from` its lists' numbers in the previous one; reads it back. */
function again(dir: string, previous: Index, next: Index, from: number[]): Index {
  const file = path.join(dir, "again.txt");
  const blobs = blobRows(next.blobs, previous);
  writeIndex(file, next, previous.pages, previous, { blobs, readsFrom: Int32Array.from(from) });
  return readIndex(file, "fp").previous!;
}

test("lists of reads are carried as numbers, new pairs added; unused pairs go once they are a quarter", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-carried-"));
  try {
    const pair = (p: string, d: string): Dependency => [`["${p}"]`, d];
    const lists: Dependency[][] = [
      [pair("标题", "d1"), pair("a", "d2")],
      [pair("a", "d2")],
      [pair("b", "d3"), pair("c", "d4"), pair("标题", "d1")],
      [],
      [pair("e", "d5"), pair("f", "d6"), pair("g", "d7"), pair("h", "d8")],
    ];
    const file = path.join(dir, "index.txt");
    writeIndex(file, index(lists, []));
    const previous = readIndex(file, "fp").previous!;
    assert.deepEqual(previous.reads, lists);
    // Lists 2, 0, 3 and 4 as they were (in another order), one new list with a pair of list 0 and a new one.
    const fresh = [pair("标题", "d1"), pair("新", "d9")];
    const nextReads = [previous.reads[2], fresh, previous.reads[0], previous.reads[3], previous.reads[4]];
    const read = again(dir, previous, index(nextReads, []), [2, -1, 0, 3, 4]);
    assert.deepEqual(read.reads, [lists[2], fresh, lists[0], lists[3], lists[4]]);
    // The previous pairs kept their numbers (8 of them), the new ones after them: 10.
    assert.equal(read.readsRows?.pairs, 10);
    // Then only list 1 (one pair of 10 used): every pair numbered afresh.
    const last = again(dir, read, index([read.reads[2].slice(1)], []), [-1]);
    assert.deepEqual(last.reads, [[pair("a", "d2")]]);
    assert.equal(last.readsRows?.pairs, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the blobs' column is carried around the rows gone, which are named; new blobs come from those stored", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-carried-"));
  try {
    const stat = (n: number): [number, number, number] => [n, n + 0.5, n + 1];
    const names = ["a", "b", "c", "d", "e"];
    const file = path.join(dir, "index.txt");
    writeIndex(
      file,
      index(
        [[]],
        names.map((c, i) => [sha(c), stat(i)]),
      ),
    );
    const previous = readIndex(file, "fp").previous!;
    // b and d gone, c with a new stat, f new (stored), e kept.
    const blobs = new Map<string, [number, number, number]>([
      [sha("f"), stat(9)],
      [sha("e"), stat(4)],
      [sha("c"), stat(7)],
      [sha("a"), stat(0)],
    ]);
    const rows = blobRows(blobs, previous, [sha("f"), sha("a")]);
    assert.deepEqual(rows.gone, [sha("b"), sha("d")]);
    assert.deepEqual(rows.sha256s, [sha("a"), sha("c"), sha("e"), sha("f")]);
    assert.equal(rows.parts?.length, 7, "three runs of one row and the new row, with line breaks between");
    const read = again(dir, previous, { ...index([[]], []), blobs }, [0]);
    assert.deepEqual(read.blobRows?.sha256s, rows.sha256s);
    assert.deepEqual(
      [...read.blobs],
      [...rows.sha256s].map((s) => [s, blobs.get(s)]),
    );
    // A new blob not among those stored is still listed.
    assert.deepEqual(blobRows(blobs, previous, []).sha256s, rows.sha256s);
    // The blobs of an index of another fingerprint (no column read): the same rows, not carried.
    const other = blobRows(blobs, { blobs: previous.blobs }, [sha("f")]);
    assert.deepEqual([other.sha256s, other.gone, other.parts], [rows.sha256s, rows.gone, undefined]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
