/**
 * Folders are walked without following links (src/content/tree-entries.mjs). Node 20's recursive
 * readdir never descended into a link to a folder; Node 22 and 24's does, so on them a linked
 * folder under content/ had its files listed as content (test/safety/media.test.ts failed on
 * both). This check fails on Node 22 and 24 with the recursive readdir.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { treeEntries } from "../../src/content/tree-entries.mjs";

function tree() {
  const root = mkdtempSync(path.join(os.tmpdir(), "gongkai-links-"));
  const outside = path.join(root, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "keep.pdf"), "%PDF-1.4\n");
  return { root, outside, done: () => rmSync(root, { recursive: true, force: true }) };
}

test("the walk lists a link to a folder as a link and never what it points at", (t) => {
  const { root, outside, done } = tree();
  t.after(done);
  const walked = path.join(root, "walked");
  mkdirSync(path.join(walked, "a/b"), { recursive: true });
  writeFileSync(path.join(walked, "a/b/c.md"), "x");
  symlinkSync(outside, path.join(walked, "a/out"));
  symlinkSync("..", path.join(walked, "a/b/up"));
  const listed = treeEntries(walked).map((e) => {
    const rel = path.relative(walked, path.join(e.parentPath, e.name));
    return `${rel}${e.isSymbolicLink() ? "@" : e.isDirectory() ? "/" : ""}`;
  });
  // Level by level, as Node 20's recursive readdir ordered them.
  assert.deepEqual([...listed].sort(), ["a/", "a/b/", "a/b/c.md", "a/b/up@", "a/out@"]);
  assert.deepEqual(listed.slice(0, 1), ["a/"]);
});
