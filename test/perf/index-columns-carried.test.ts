/**
 * The cache index's string columns carried over from the previous index's text
 * (src/build/cache/column-carry.ts): the text is what joining every row gives, the rows that are
 * as they were are not written out again, and the file is byte for byte the one written without
 * the previous index.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { carriedBytes, carriedLines } from "../../src/build/cache/column-carry.ts";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import { readIndex, writeIndex, type Index } from "../../src/build/cache/index-file.ts";
import { PageTable } from "../../src/build/cache/page-table.ts";

/**
 * For each of `cases`, what `carry` gives holds the rows joined (`joined` reads it, `as` makes
 * the joined text the same kind) and counts as carried every row equal to `previous`'s at its place.
 */
function assertCarries<Carried extends { carried: number }>(
  previous: readonly string[],
  cases: readonly string[][],
  carry: (next: string[]) => Carried | undefined,
  joined: (out: Carried) => string | Buffer,
  as: (text: string) => string | Buffer = (text) => text,
): void {
  for (const next of cases) {
    const out = carry(next);
    assert.ok(out, JSON.stringify(next));
    assert.deepEqual(joined(out), as(next.join("\n")), JSON.stringify(next));
    assert.equal(out.carried, next.filter((row, i) => row === previous[i]).length, JSON.stringify(next));
  }
}

test("a carried column is the rows joined, whatever changed", () => {
  const previous = ["a", "", "键", "cc", "d", "ee"];
  const cases: string[][] = [
    previous.slice(),
    [],
    [""],
    ["x", "", "键", "cc", "d", "ee"],
    ["a", "", "键", "cc", "d", "y"],
    ["a", "zz", "键", "c", "d", "ee"],
    ["a", "", "键"],
    [...previous, "f", "", "g"],
    ["q", "r", "s", "t", "u", "v", "w"],
  ];
  assertCarries(
    previous,
    cases,
    (next) => carriedLines(previous, previous.join("\n"), next),
    (out) => out.text,
  );
  assert.equal(carriedLines(previous, previous.join("\n"), ["a", "b\nc"]), undefined, "a line break");
  assert.equal(carriedLines([], "", ["x", "y\n"]), undefined);
  assert.deepEqual(carriedLines([""], "", [""]), { text: "", carried: 1 });
});

test("carried bytes are the rows joined and encoded, whatever changed", () => {
  const previous = ["a", "", "b/c.html", "cc", "d", "ee"];
  const ascii = Buffer.from(previous.join("\n"));
  const cases: string[][] = [
    previous.slice(),
    [],
    [""],
    ["", ""],
    ["x", "", "b/c.html", "cc", "d", "ee"],
    ["a", "", "b/c.html", "cc", "d", "y"],
    ["a", "新闻", "b/c.html", "c", "d", "ee"],
    ["a", "", "b/c.html"],
    [...previous, "f", "", "键"],
    ["q", "r", "s", "t", "u", "v", "w"],
    ["a", "", "", "", "d", ""],
  ];
  assertCarries(
    previous,
    cases,
    (next) => carriedBytes(previous, ascii, next),
    (out) => Buffer.concat(out.parts),
    (text) => Buffer.from(text),
  );
  assert.equal(carriedBytes(previous, ascii, ["a", "b\nc"]), undefined, "a line break");
  assert.equal(carriedBytes([], Buffer.alloc(0), ["x", "y\n"]), undefined);
});

const sha = (i: number) => i.toString(16).padStart(64, "0");

function index(rows: number, change: (i: number) => boolean, folder = "新闻"): Index {
  const files: string[] = [];
  const keys: string[] = [];
  const sha256s: string[] = [];
  const hints: string[] = [];
  for (let i = 0; i < rows; i++) {
    const changed = change(i);
    files.push(`${folder}/${i}/index.html`);
    keys.push(`news #k${i}${changed ? "x" : ""} /${folder}/${i}/`);
    sha256s.push(sha(changed ? i + rows : i));
    hints.push(i % 3 ? "" : `list l${i} ${changed ? "H2" : "H1"} P${i}`);
  }
  return {
    format: CACHE_FORMAT,
    fingerprint: "fp",
    pages: new PageTable(files, keys, sha256s, new Array<number>(rows).fill(0), hints),
    reads: [[['["portal","byType","news"]', "d1"]]],
    shards: {},
    joined: {},
    notes: {},
    blobs: new Map([[sha(1), [1, 2, 3]]]),
  };
}

for (const folder of ["新闻", "news"])
  test(`the index written with the previous one carries its unchanged rows, byte for byte the same file (${folder})`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gongkai-carry-"));
    try {
      const first = path.join(dir, "first.txt");
      assert.equal(
        writeIndex(
          first,
          index(1000, () => false, folder),
        ),
        undefined,
        "no previous index: nothing carried",
      );
      const previous = readIndex(first, "fp").previous!;
      assert.ok(previous.pages.texts?.keys, "the columns' texts are kept when read");
      // The columns of ASCII rows are carried as bytes; the others as text.
      assert.equal(previous.pages.ascii?.files !== undefined, folder === "news");
      assert.ok(previous.pages.ascii?.sha256s, "a column of SHA-256s is ASCII");
      const renamed = index(1000, (i) => i === 7, folder);
      renamed.pages.files[8] = "新闻/8/index.html";
      renamed.pages.hints[9] = "列表 l9";
      for (const [label, next] of [
        ["no change", index(1000, () => false, folder)],
        ["one row", index(1000, (i) => i === 500, folder)],
        ["a run", index(1000, (i) => i >= 100 && i < 130, folder)],
        ["rows added", index(1010, (i) => i === 3, folder)],
        ["rows removed", index(990, (i) => i === 989, folder)],
        ["rows not ASCII", renamed],
      ] as const) {
        const fresh = path.join(dir, "fresh.txt");
        const carried = path.join(dir, "carried.txt");
        writeIndex(fresh, next);
        const rows = writeIndex(carried, next, previous.pages);
        assert.deepEqual(readFileSync(carried), readFileSync(fresh), label);
        // Every row equal to the previous column's at the same place, and only those.
        let same = 0;
        for (const name of ["files", "keys", "sha256s", "hints"] as const)
          same += next.pages[name].filter((row, i) => row === previous.pages[name][i]).length;
        assert.equal(rows, same, label);
        assert.ok(same > 3500, label);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
