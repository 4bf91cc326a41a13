/**
 * The 留言办理统计 pages with the build cache: a year's page shows reply times computed from every
 * letter of the year (letterTallies, memoized per portal, so a page that takes the memo notes no
 * read of the letters), and the 互动交流 page names the latest year. Found by the randomized
 * harness (seed 101: a letter's 受理日期 moved, the year's average reply time stayed stale).
 */
import { test } from "node:test";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();

test("letter statistics follow the letters with the build cache", async (t) => {
  await f.compare("first build");

  await t.test("a letter's 受理日期 moves: the year's reply times change, its counts do not", async () => {
    f.edit("letters/2026/riverside-fitness-trail.md", (s) =>
      s.replace("received: 2026-05-20", "received: 2026-05-01"),
    );
    await f.compare("received date");
  });

  await t.test("a letter's 答复日期 moves within its month", async () => {
    f.edit("letters/2026/riverside-fitness-trail.md", (s) =>
      s.replace("replied: 2026-06-18", "replied: 2026-06-28"),
    );
    await f.compare("replied date");
  });

  await t.test("the latest year's letters are deleted: the 互动交流 page names the year before", async () => {
    const dir = path.join(f.contentDir, "letters", "2026");
    for (const name of readdirSync(dir)) rmSync(path.join(dir, name));
    // The one letter of 2025 was answered in 2026: answered in 2025 now, so no letter is of 2026.
    f.edit("letters/2025/riverside-lighting.md", (s) =>
      s
        .replace("date: 2026-01-08 16:00", "date: 2025-12-30 16:00")
        .replace("replied: 2026-01-08", "replied: 2025-12-30"),
    );
    await f.compare("no letters of 2026");
  });
});
