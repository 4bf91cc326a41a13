/** Saves made while `npm start` starts, before its watcher is ready (src/dev/catch-up.ts). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, news } from "../helpers/fixture.ts";
import { listContentFiles } from "../../src/content/walk.ts";
import { missedChanges } from "../../src/dev/catch-up.ts";

test("files saved, added or deleted after they were read are found; untouched ones are not", () => {
  const fixture = createFixture({
    "news/2026/a.md": news("甲", "2026-03-01 09:00"),
    "news/2026/b.md": news("乙", "2026-03-02 09:00"),
    "news/2026/c.md": news("丙", "2026-03-03 09:00"),
  });
  const { contentDir } = fixture;
  const stamps = new Map(listContentFiles(contentDir).files.map(({ abs }) => [abs, statSync(abs)]));
  assert.deepEqual([...missedChanges(contentDir, stamps, Date.now() + 60_000)], [], "nothing changed");

  writeFileSync(path.join(contentDir, "news/2026/a.md"), news("甲（改）", "2026-03-01 09:00"));
  unlinkSync(path.join(contentDir, "news/2026/b.md"));
  writeFileSync(path.join(contentDir, "news/2026/d.md"), news("丁", "2026-03-04 09:00"));
  mkdirSync(path.join(contentDir, "media/2026"), { recursive: true });
  writeFileSync(path.join(contentDir, "media/2026/new.pdf"), "%PDF-1.4");
  const began = Date.now() - 500;
  assert.deepEqual([...missedChanges(contentDir, stamps, began)].sort(), [
    "media/2026/new.pdf",
    "news/2026/a.md",
    "news/2026/b.md",
    "news/2026/d.md",
  ]);
  // Media older than the start are not reported again.
  assert.deepEqual([...missedChanges(contentDir, stamps, Date.now() + 60_000)].sort(), [
    "news/2026/a.md",
    "news/2026/b.md",
    "news/2026/d.md",
  ]);
});
