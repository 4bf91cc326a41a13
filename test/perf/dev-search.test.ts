/**
 * The dev server's search index follows edits once they pause (src/dev/search-refresh.ts).
 * The quiet time is driven with node:test's mock timers: with real ones, a rebuild slower than
 * the delay (a busy machine) let the first refresh start early and the test failed at random.
 */
import { mock, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createFixture, news } from "../helpers/fixture.ts";
import { DevSite } from "../../src/dev/dev-site.ts";
import { SearchRefresher } from "../../src/dev/search-refresh.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { indexedUrls as readIndexedUrls } from "../../bench/search-eval/fragments.ts";

const indexedUrls = (outDir: string) => new Set(readIndexedUrls(path.join(outDir, "pagefind"), "/").values());

test("after edits pause, the search index is rebuilt once with the newest records and swapped in", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛部署", "2026-06-01 09:00"),
  });
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const { site: dev } = await DevSite.start({
    site: fixture.site,
    contentDir: fixture.contentDir,
    outDir: fixture.outDir,
    now,
  });
  // The first build leaves the index to the background refresh (the session schedules it), so pages
  // come first; only the search page's scripts are written with them (the page's two also under
  // their versioned names in v/, which the page links).
  assert.deepEqual(readdirSync(path.join(fixture.outDir, "pagefind")).sort(), [
    "search-head.js",
    "search-page.js",
    "v",
    "worker.js",
  ]);

  fixture.write("news/2026/c.md", news("秋季招聘会", "2026-06-20 09:00"));
  assert.ok((await dev.rebuild()).ok);
  const afterFirstEdit = dev.state;
  rmSync(path.join(fixture.contentDir, "news/2026/b.md"));
  assert.ok((await dev.rebuild()).ok);

  const outcomes: unknown[] = [];
  mock.timers.enable({ apis: ["setTimeout"] });
  const search = new SearchRefresher({
    outDir: fixture.outDir,
    delayMs: 50,
    onDone: (outcome) => outcomes.push(outcome),
  });
  try {
    search.schedule(afterFirstEdit);
    mock.timers.tick(49);
    search.schedule(dev.state); // the second edit, 49 ms later: the quiet time starts again
    mock.timers.tick(49);
    assert.equal(outcomes.length, 0, "no refresh while edits keep coming");
    mock.timers.tick(1); // 50 ms after the second edit
  } finally {
    mock.timers.reset(); // the refresh itself runs on real timers
  }
  await search.idle();

  assert.equal(outcomes.length, 1, "two edits in quick succession, one refresh");
  // Two items, the site's topic pages, the year's 政府网站工作年度报表, 联系我们 and 互动交流 (searchable too).
  const pages = 2 + fixture.site.topics.length + 3;
  assert.deepEqual(outcomes[0], { ok: true, pages, ms: (outcomes[0] as { ms: number }).ms });
  const urls = indexedUrls(fixture.outDir);
  assert.ok(urls.has("/news/2026/c/"), "the new item is searchable");
  assert.ok(!urls.has("/news/2026/b/"), "the deleted item is not");
  assert.ok(urls.has("/news/2026/a/"));
  assert.ok(urls.has("/website-report/2026/"));
  assert.ok(urls.has("/contact/"));
  assert.ok(urls.has("/interaction/"));
  const siblings = readdirSync(path.dirname(fixture.outDir)).filter((name) =>
    name.startsWith(`${path.basename(fixture.outDir)}.`),
  );
  assert.deepEqual(siblings, [], "no staging folder left beside the output");
  assert.ok(!existsSync(path.join(fixture.outDir, "pagefind.old")));
});

test("an edit made during a refresh is indexed by the refresh that follows", async () => {
  const fixture = createFixture({ "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00") });
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const { site: dev } = await DevSite.start({
    site: fixture.site,
    contentDir: fixture.contentDir,
    outDir: fixture.outDir,
    now,
  });
  const initial = dev.state;
  fixture.write("news/2026/d.md", news("冬季供暖保障", "2026-06-25 09:00"));
  assert.ok((await dev.rebuild()).ok);

  const pages: number[] = [];
  mock.timers.enable({ apis: ["setTimeout"] });
  const search = new SearchRefresher({
    outDir: fixture.outDir,
    delayMs: 0,
    onDone: (outcome) => outcome.ok && pages.push(outcome.pages),
  });
  try {
    search.schedule(initial);
    mock.timers.tick(0); // the first refresh starts, and is now writing its index
    search.schedule(dev.state); // the edit arrives during it
    mock.timers.tick(0);
  } finally {
    mock.timers.reset();
  }
  await search.idle();
  // Topic pages, the year's 政府网站工作年度报表, 联系我们 and 互动交流 are indexed too.
  const others = fixture.site.topics.length + 3;
  assert.deepEqual(pages, [1 + others, 2 + others]);
  assert.ok(indexedUrls(fixture.outDir).has("/news/2026/d/"));
});
