/**
 * A tool's temporary file that appears and is renamed over the saved file before the quiet time
 * ends is not a change: `sed -i` writes `sedXXXXXX` next to the file, and under load the watcher
 * can see it before the saved file, so `npm start` once printed 检测到修改：news/2026/sedXlOVxo.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { watchTree } from "../../src/dev/watch.ts";

test("a temporary file renamed over the saved file is not reported, the saved file is", async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-watch-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "a.md"), "title: 原标题\n");
  const seen: string[] = [];
  const watcher = watchTree(
    dir,
    (paths) => {
      seen.push(...paths);
      return Promise.resolve();
    },
    { quietMs: 600 },
  );
  t.after(() => watcher.close());
  await watcher.ready;
  const temp = path.join(dir, "sedAb12Cd");
  writeFileSync(temp, "title: 新标题\n");
  await sleep(200); // long enough for the watcher to see the temporary file appear
  renameSync(temp, path.join(dir, "a.md"));
  for (const deadline = Date.now() + 5000; !seen.includes("a.md") && Date.now() < deadline;) await sleep(20);
  await sleep(300);
  assert.deepEqual(seen, ["a.md"]);
});
