/**
 * A save that lands after the call reading it began is handed to the next call even when the file
 * watcher reports nothing more (chokidar re-watches a file replaced by `git checkout` only after
 * its first event, and under load the final write can fall before that).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { watchTree } from "../../src/dev/watch.ts";

test("a file written again while its change is being handled is handed to the next call", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-watch-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "a.md");
  writeFileSync(file, "");
  const reads: string[] = [];
  let resolveSecond: () => void = () => {};
  const second = new Promise<void>((resolve) => (resolveSecond = resolve));
  // The watcher itself never starts, so only the report below and the recheck can call back.
  const watcher = watchTree(
    dir,
    (paths) => {
      assert.deepEqual([...paths], ["a.md"]);
      reads.push(readFileSync(file, "utf8"));
      // The rest of the save lands after the read, unseen by any watcher.
      if (reads.length === 1) writeFileSync(file, "检出第1次");
      else resolveSecond();
      return Promise.resolve();
    },
    { startAfter: new Promise(() => {}) },
  );
  t.after(() => watcher.close());
  watcher.notify(["a.md"]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), 3000)));
  const outcome = await Promise.race([second, timeout]);
  clearTimeout(timer);
  assert.notEqual(outcome, "timeout", "the second write was never handed on");
  assert.deepEqual(reads, ["", "检出第1次"]);
});
