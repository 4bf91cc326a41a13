/**
 * The cache index's numbering of its lists of reads (src/build/cache/reads-numbers.ts), which no
 * longer writes each list out as JSON: two lists get one number exactly when their JSON texts are
 * the same, whether they share arrays or not; and a table's row found where guessed is the row
 * the map gives (page-table.ts `rowNear`), a file listed twice not read as a table.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ReadsNumbers } from "../../src/build/cache/reads-numbers.ts";
import { PageTable } from "../../src/build/cache/page-table.ts";
import { indexOf, writeIndex, type Index } from "../../src/build/cache/index-file.ts";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import type { Dependency } from "../../src/build/cache/trace.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The numbering by JSON text, as store.ts made it before. */
function byText(lists: Dependency[][]): number[] {
  const ids = new Map<string, number>();
  return lists.map((deps) => {
    const text = JSON.stringify(deps);
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = ids.size));
    return id;
  });
}

test("lists of reads get one number exactly when their texts are the same", () => {
  const shared: Dependency = ['["portal","byType","news"]', "d1"];
  const other: Dependency = ['["portal","byType","news"]', "d2"];
  const carried = [shared, other];
  const lists: Dependency[][] = [
    carried,
    carried, // the same array again
    [shared, other], // the same pairs in another array
    [
      ['["portal","byType","news"]', "d1"],
      ['["portal","byType","news"]', "d2"],
    ], // equal copies
    [other, shared], // another order
    [shared], // a prefix
    [],
    [],
    // Texts that run together the same: path "a1" + digest "b" against path "a" + digest "1b".
    [["a1", "b"]],
    [["a", "1b"]],
    [["a", "1b"]],
    [
      ["a1", "b"],
      ["a", "1b"],
    ],
    [
      ["a", "1b"],
      ["a1", "b"],
    ],
    [["a,", "b"]],
    [["a", ",b"]],
    [["", ""]],
    [
      ["", ""],
      ["", ""],
    ],
    [["标题", "d"]],
    [["标题", "d"]],
  ];
  const out: Dependency[][] = [];
  const numbers = new ReadsNumbers(out);
  const got = lists.map((deps) => numbers.of(deps));
  assert.deepEqual(got, byText(lists));
  // Each distinct list written once, in the order first met, as the first such list met.
  assert.equal(out.length, new Set(lists.map((deps) => JSON.stringify(deps))).size);
  got.forEach((id, i) => {
    if (got.indexOf(id) === i) assert.equal(out[id], lists[i]);
  });
});

test("random lists of reads are numbered as by their texts", () => {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const pool: Dependency[] = Array.from({ length: 12 }, (_, i) => [`p${i % 4}`, `d${next(3)}`]);
  const lists: Dependency[][] = [];
  for (let i = 0; i < 400; i++) {
    const length = next(4);
    const deps = Array.from({ length }, (): Dependency => {
      const pair = pool[next(pool.length)];
      // Half the pairs shared (as the previous index's lists share them), half copies.
      return next(2) ? pair : [pair[0], pair[1]];
    });
    lists.push(next(5) === 0 && lists.length ? lists[next(lists.length)] : deps);
  }
  const numbers = new ReadsNumbers([]);
  assert.deepEqual(
    lists.map((deps) => numbers.of(deps)),
    byText(lists),
  );
});

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
