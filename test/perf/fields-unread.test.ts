/**
 * The readers every build runs over every record take what the record store kept beside an
 * unchanged record instead of its `fields` (src/build/cache/record-facts.ts): whether it is a
 * draft (src/content/published.ts, the checks' severity) and its review day
 * (src/check/review-by.ts); and a kept search shard proves a detail page without its title
 * (src/build/cache/search-proof.ts). So a later build can make a record's `fields` only when
 * something reads them. The answers are the same as from the fields.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { openRecordStore } from "../../src/build/cache/records.ts";
import { factsOf, keptValues } from "../../src/build/cache/record-facts.ts";
import { ownPage } from "../../src/build/cache/search-proof.ts";
import { publishedRecords } from "../../src/content/published.ts";
import { recordChecks, severityFor } from "../../src/check/record-checks.ts";
import { reviewDates } from "../../src/check/review-by.ts";
import type { Site } from "../../src/config/schema.ts";
import { keepWith } from "../../src/content/kept.ts";
import { hasCover, isHeadline } from "../../src/content/kept-flags.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import { indexMedia } from "../../src/check/media-index.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

/** Counts reads of each record's `fields` from now on. */
function countFields(records: readonly ContentRecord[]): Map<string, number> {
  const reads = new Map<string, number>();
  for (const record of records) {
    const fields = record.fields;
    Object.defineProperty(record, "fields", {
      configurable: true,
      enumerable: true,
      get() {
        reads.set(record.file, (reads.get(record.file) ?? 0) + 1);
        return fields;
      },
    });
  }
  return reads;
}

test("the draft flag and review day of an unchanged record are kept beside it: its fields stay unread", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
    "news/2026/d.md": news("秋季工作安排", "2026-05-02 09:00", { draft: true }),
    "news/2026/e.md": news("冬季供暖通知", "2026-05-03 09:00", { draft: true }).replace(
      "正文。",
      "【待填写】",
    ),
  });
  const at = "2026-06-30 12:00";
  const { cacheDir, sameProblems } = cachedBuilds(fixture, at);
  await sameProblems("first build");
  await sameProblems("second build, from the store");
  const now = parseLocalDate(at, fixture.site.timeZone)!.toMillis();

  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const records: ContentRecord[] = [];
  store.each((_abs, entry) => void (entry.result.record && records.push(entry.result.record)));
  assert.equal(records.length, 4);
  const expected = {
    published: publishedRecords(records, DEFAULT_TYPES, now, false)
      .map((r) => r.file)
      .sort(),
    severities: records.map((r) => [r.file, r.fields.draft ? "warning" : "error"]).sort(),
  };
  const reads = countFields(records);

  const published = publishedRecords(records, DEFAULT_TYPES, now, false);
  assert.deepEqual(published.map((r) => r.file).sort(), expected.published);
  assert.deepEqual(expected.published, ["content/news/2026/a.md", "content/news/2026/b.md"]);
  assert.deepEqual(records.map((r) => [r.file, severityFor(r)]).sort(), expected.severities);
  assert.deepEqual(reviewDates(fixture.site, published, now), []);
  const media = indexMedia(fixture.contentDir);
  const problems = recordChecks(fixture.site, DEFAULT_TYPES, records, media, now);
  // Only the draft with a placeholder has a problem (a warning: a draft), and only its fields
  // are read, to place the message.
  assert.deepEqual(
    problems.map((p) => [p.file, p.severity]),
    [["content/news/2026/e.md", "warning"]],
  );
  assert.match(problems[0].message, /发布前必须修改/);
  assert.deepEqual(
    [...reads.keys()].filter((file) => !file.endsWith("e.md")),
    [],
    "fields read",
  );
});

/** The review days `reviewDates` finds among `records`, at 2026-06-30. */
const reviewDays = (...records: ContentRecord[]) =>
  reviewDates({ timeZone: "Asia/Shanghai" } as Site, records, Date.UTC(2026, 5, 30)).map((d) => d.day);

test("a record's facts hold its draft flag and review day, and give them back only when well formed", () => {
  const record = {
    file: "content/x.md",
    url: "/x/",
    body: "正文。",
    fields: { title: "复核", draft: true, review_by: 1767225600000 },
  } as unknown as ContentRecord;
  const facts = factsOf(record);
  assert.equal(facts.draft, true);
  assert.equal(facts.reviewBy, 1767225600000);
  const copy = { ...record, fields: { title: "复核" } } as unknown as ContentRecord;
  // Kept values win over the fields (the store's record and its facts are of one file).
  keepWith(copy, keptValues(null, null, JSON.parse(JSON.stringify(facts))));
  assert.equal(severityFor(copy), "warning");
  assert.deepEqual(reviewDays(copy), ["2026-01-01"]);
  keepWith(copy, keptValues(null, null, { draft: false, reviewBy: null }));
  assert.equal(severityFor(copy), "error");
  assert.deepEqual(reviewDays(copy), []);
  // Facts of an older store (no such keys) or of the wrong shape: the fields answer.
  const plain = { ...record };
  keepWith(plain, keptValues(null, null, { draft: "yes", reviewBy: "2026-01-01" }));
  assert.equal(severityFor(plain), "warning");
  assert.deepEqual(reviewDays(plain), ["2026-01-01"]);
  // The 头条 flag: kept (the home page looks through the news for it), else the field.
  assert.equal(factsOf(record).headline, false);
  keepWith(copy, keptValues(null, null, { headline: true }));
  assert.equal(isHeadline(copy), true);
  assert.equal(isHeadline(plain), false);
  // Whether it has a cover (the home page's 焦点图 looks through the news for a few): likewise.
  assert.equal(factsOf(record).cover, false);
  assert.equal(
    factsOf({ ...record, fields: { cover: { src: "a.jpg" } } } as unknown as ContentRecord).cover,
    true,
  );
  keepWith(copy, keptValues(null, null, { cover: true }));
  assert.equal(hasCover(copy), true);
  keepWith(plain, keptValues(null, null, { cover: "yes" }));
  assert.equal(hasCover(plain), false);
});

test("a kept shard proves a detail page whose title is its record's without reading the record's fields", () => {
  const fields = { title: "春季植树活动" };
  let reads = 0;
  const record = { url: "/news/2026/a/", dateText: "2026-03-01 09:00" };
  Object.defineProperty(record, "fields", { get: () => (reads++, fields) });
  const page = { url: record.url, date: record.dateText, title: fields.title, titleOfRecord: true };
  assert.equal(ownPage(record, page), true);
  assert.equal(reads, 0, "fields read");
  // A page that says nothing of its title is compared by it, as before.
  assert.equal(ownPage(record, { ...page, titleOfRecord: undefined }), true);
  assert.equal(ownPage(record, { ...page, titleOfRecord: undefined, title: "别的标题" }), false);
});
