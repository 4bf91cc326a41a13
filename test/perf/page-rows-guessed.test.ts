/**
 * The cached page table's row of a page, tried first where guessed (src/build/cache/page-table.ts
 * `rowNear`, used by the render for each page): the row the map gives, whatever the guess; and an
 * index listing a file twice is not used (a guess would find the first row, the map the last).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { PageTable } from "../../src/build/cache/page-table.ts";
import { indexOf, writeIndex, type Index } from "../../src/build/cache/index-file.ts";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

test("a row found where guessed is the row of its file; elsewhere the map's", () => {
  const table = new PageTable(
    ["a.html", "b/index.html", "c.html"],
    ["k", "k", "k"],
    ["s", "s", "s"],
    [0, 0, 0],
    ["", "", ""],
  );
  assert.equal(table.rowNear("b/index.html", 1), 1);
  assert.equal(table.rowNear("b/index.html", 0), 1);
  assert.equal(table.rowNear("c.html", 3), 2);
  assert.equal(table.rowNear("c.html", 99), 2);
  assert.equal(table.rowNear("d.html", 2), undefined);
  assert.equal(table.rowNear("d.html", 3), undefined);
  assert.ok(table.distinct);
});

test("an index whose pages list a file twice is not used", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-rows-"));
  try {
    const sha = (c: string) => c.repeat(64);
    const index = (files: string[]): Index => ({
      format: CACHE_FORMAT,
      fingerprint: "fp",
      pages: new PageTable(files, ["k1", "k2"], [sha("a"), sha("b")], [0, 0], ["", ""]),
      reads: [[]],
      shards: {},
      joined: {},
      notes: {},
      blobs: new Map(),
    });
    const file = path.join(dir, "index.txt");
    writeIndex(file, index(["a.html", "b.html"]));
    assert.ok(indexOf(readFileSync(file), CACHE_FORMAT));
    writeIndex(file, index(["a.html", "a.html"]));
    assert.equal(indexOf(readFileSync(file), CACHE_FORMAT), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
