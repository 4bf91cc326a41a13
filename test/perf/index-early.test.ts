/**
 * The build cache's index read before the cache opens (src/build/cache/index-early.ts): cache open
 * takes that read once, and only while the file still has the stat it was read under; otherwise,
 * and for a file that cannot be parsed, it reads what a read at that moment gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CACHE_FORMAT } from "../../src/build/cache/fingerprint.ts";
import { readIndex, writeIndex, type Index } from "../../src/build/cache/index-file.ts";
import { readIndexEarly, takeEarlyIndex } from "../../src/build/cache/index-early.ts";
import { PageTable } from "../../src/build/cache/page-table.ts";

const sha = (i: number) => i.toString(16).padStart(64, "0");

/** An index of `rows` pages, each named with `tag`. */
function index(rows: number, tag: string): Index {
  const files: string[] = [];
  const keys: string[] = [];
  const sha256s: string[] = [];
  const hints: string[] = [];
  for (let i = 0; i < rows; i++) {
    files.push(`news/${i}/index.html`);
    keys.push(`news #${tag}${i} /news/${i}/`);
    sha256s.push(sha(i));
    hints.push("");
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

const keysOf = (read: ReturnType<typeof readIndex>) => read.previous?.pages.keys;

function inFolder(run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-index-early-"));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the index read early is what cache open reads, taken once", () =>
  inFolder((dir) => {
    const file = path.join(dir, "index.txt");
    writeIndex(file, index(50, "a"));
    readIndexEarly(file);
    const early = takeEarlyIndex(file);
    assert.ok(early, "the file is unchanged: its early read is taken");
    assert.deepEqual(keysOf(readIndex(file, "fp", early)), keysOf(readIndex(file, "fp")));
    assert.equal(keysOf(readIndex(file, "fp", early))?.[3], "news #a3 /news/3/");
    assert.equal(takeEarlyIndex(file), undefined, "given once");
    // Of another fingerprint: ignored, its blobs kept, as a read then gives.
    readIndexEarly(file);
    assert.deepEqual(readIndex(file, "other", takeEarlyIndex(file)), readIndex(file, "other"));
  }));

test("an index replaced or rewritten after the early read is read again", () =>
  inFolder((dir) => {
    const file = path.join(dir, "index.txt");
    writeIndex(file, index(50, "a"));
    readIndexEarly(file);
    // A save writes a new file and renames it into place.
    writeIndex(`${file}.tmp`, index(50, "b"));
    renameSync(`${file}.tmp`, file);
    assert.equal(takeEarlyIndex(file), undefined, "another file now");
    assert.equal(keysOf(readIndex(file, "fp"))?.[3], "news #b3 /news/3/");
    // Written in place (another size): not the bytes read early either.
    readIndexEarly(file);
    writeIndex(file, index(60, "c"));
    assert.equal(takeEarlyIndex(file), undefined, "rewritten");
    // Removed.
    readIndexEarly(file);
    rmSync(file);
    assert.equal(takeEarlyIndex(file), undefined, "removed");
    assert.deepEqual(readIndex(file, "fp"), {});
  }));

test("an early read is only of its own file, and a file it cannot parse is reported as when read then", () =>
  inFolder((dir) => {
    const file = path.join(dir, "index.txt");
    const other = path.join(dir, "other.txt");
    writeIndex(file, index(10, "a"));
    writeIndex(other, index(10, "o"));
    readIndexEarly(other);
    assert.equal(takeEarlyIndex(file), undefined, "read early: another file");
    readIndexEarly(path.join(dir, "missing.txt"));
    assert.equal(takeEarlyIndex(path.join(dir, "missing.txt")), undefined, "no file, nothing read");
    const broken = path.join(dir, "broken.txt");
    for (const bytes of ["not an index\n", '{"format":"gongkai-build-cache/0","sections":[]}\n', ""]) {
      writeFileSync(broken, bytes);
      readIndexEarly(broken);
      const early = takeEarlyIndex(broken);
      assert.ok(early, JSON.stringify(bytes));
      assert.deepEqual(readIndex(broken, "fp", early), readIndex(broken, "fp"), JSON.stringify(bytes));
    }
  }));
