/**
 * Edits a cache that trusts file stats could miss (found by the randomized harness's stat edits,
 * helpers/random-edits/stat-edits.ts): new bytes of the same size whose mtime is put back (an
 * editor or `cp -p`/`touch -r` that keeps times), for a content file and a media file. The stat's
 * ctime moves with any write and cannot be set back, so the caches compare the later of mtime
 * and ctime. And a file the cache read while it was being saved (the racy-git case) is compared
 * by its bytes until a read after it settled. An empty folder made by hand in the published
 * output is gone after the next builds (the spare folder took it along). The data shipped with
 * the code (the national holiday calendar) is in the build fingerprint.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { RecordCache, RECENT_MS, stampFrom } from "../../src/content/record-cache.ts";
import type { FileResult } from "../../src/content/read-file.ts";
import { CODE } from "../../src/build/cache/fingerprint.ts";
import { HOLIDAYS_FILE } from "../../src/calendar/working-days.ts";
import { SIMILAR_FILE } from "../../src/check/wording/similar-shapes.ts";
import { ROOT } from "../helpers/sample-portal.ts";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();

/** A time a minute ago in whole seconds: `utimes` sets it and a stat reads it back exactly. */
const aMinuteAgo = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);

test("an edit that keeps the size and mtime (in place) is built like a clean build", async () => {
  await f.compare("first build");
  const rel = "news/2026/0107-government-plenary-meeting.md";
  const abs = path.join(f.contentDir, rel);
  const then = aMinuteAgo();
  utimesSync(abs, then, then);
  await f.compare("settled");
  const text = readFileSync(abs, "utf8");
  const next = text.replace("市政府召开全体会议", "市政府召开常务会议");
  assert.notEqual(next, text);
  assert.equal(Buffer.byteLength(next), Buffer.byteLength(text));
  writeFileSync(abs, next);
  utimesSync(abs, then, then);
  assert.equal(statSync(abs).mtimeMs, then.getTime());
  const built = await f.compare("same size and mtime");
  assert.ok((built.cache?.rendered ?? 0) > 0, "the edited page is rendered again");
});

test("a media file changed with its size and mtime kept is published anew", async () => {
  const rel = "media/attachments/gzf-sqb-2025.pdf";
  const abs = path.join(f.contentDir, rel);
  const then = aMinuteAgo();
  utimesSync(abs, then, then);
  await f.compare("settled");
  const bytes = readFileSync(abs);
  bytes[bytes.length - 10] ^= 1;
  writeFileSync(abs, bytes);
  utimesSync(abs, then, then);
  await f.compare("media same size and mtime");
  assert.ok(readFileSync(path.join(f.published, rel)).equals(bytes));
});

test("a file read while recent is compared by its bytes until a read after it settled", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-racy-"));
  const abs = path.join(dir, "a.md");
  writeFileSync(abs, "甲");
  const st = stampFrom(statSync(abs));
  const cache = new RecordCache(f.site);
  const read = (text: string) => (): FileResult => ({ problems: [], text }) as unknown as FileResult;
  // Read within the mtime's resolution of the save: the stat is recorded with the bytes' digest.
  const first = cache.get(abs, read("甲"), st);
  cache.prune();
  // Saved again within the same tick: same size, same stamp; read after it settled.
  writeFileSync(abs, "乙");
  const later = Date.now() + RECENT_MS + 1;
  const realNow = Date.now;
  Date.now = () => later;
  try {
    const second = cache.get(abs, read("乙"), st);
    assert.notEqual(second, first, "read again: the bytes differ from those recorded");
    const third = cache.get(abs, read("丙"), st);
    assert.equal(third, second, "settled now: the stat vouches for the bytes");
  } finally {
    Date.now = realNow;
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an empty folder made by hand in the output is gone after the next two builds", async () => {
  mkdirSync(path.join(f.published, "stray-folder", "below"), { recursive: true });
  // The first publishes a new folder; the second takes the old one (with the stray) as its staging.
  await f.compare("after a stray folder");
  await f.compare("again, from the spare folder");
});

test("the holiday calendar and the wording data are in the code fingerprint", () => {
  for (const file of [HOLIDAYS_FILE, path.join(ROOT, SIMILAR_FILE)]) {
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    assert.ok(
      CODE.some((entry) => rel === entry || rel.startsWith(`${entry}/`)),
      `${rel} is digested`,
    );
  }
});
