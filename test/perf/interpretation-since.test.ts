/**
 * The 解读 check asks whether a document is before `interpretation.since` first, mostly without the
 * zone's offset (src/check/inspection.ts `dayBefore`): its answer must be the day's in the zone
 * (`dayIn`) for every instant, in zones far from UTC, across DST changes and a skipped day, and
 * the check's warnings must be those of the same documents either side of `since`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dayBefore, dayIn } from "../../src/check/inspection.ts";
import { parseLocalMillis } from "../../src/content/local-time.ts";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";

const HOUR = 3_600_000;
const ZONES = [
  "Asia/Shanghai",
  "UTC",
  "Pacific/Kiritimati", // +14
  "Pacific/Pago_Pago", // −11
  "Pacific/Apia", // skipped 2011-12-30
  "America/Sao_Paulo", // DST changes at midnight (until 2019)
  "Europe/London",
  "Asia/Kathmandu", // +05:45
];
const DAYS = [
  "2011-12-30",
  "2011-12-31",
  "2018-11-04",
  "2019-02-17",
  "2026-01-01",
  "2026-03-29",
  "1999",
  "2026-1",
];

test("dayBefore agrees with the day in the zone, hour by hour around each `since`", () => {
  for (const zone of ZONES) {
    const day = dayIn(zone);
    for (const since of DAYS) {
      const before = dayBefore(zone, since);
      const around = Date.parse(`${since.length === 10 ? since : "2026-01-01"}T00:00:00Z`);
      for (let ms = around - 60 * HOUR; ms <= around + 60 * HOUR; ms += HOUR / 4)
        assert.equal(before(ms), day(ms) < since, `${zone} ${since} ${new Date(ms).toISOString()}`);
    }
  }
});

test("dayBefore decides far from `since` without the zone's offset, and asks for it near", () => {
  // A zone luxon does not know throws when its offset is asked for: far from `since` it is not.
  const before = dayBefore("Not/A_Zone", "2026-01-01");
  assert.equal(before(Date.parse("2025-12-29T12:00:00Z")), true);
  assert.equal(before(Date.parse("2026-01-03T12:00:00Z")), false);
  assert.throws(() => before(Date.parse("2025-12-31T20:00:00Z")));
});

test("the check warns about the same documents either side of `since`, in a zone far from UTC", () => {
  const zone = "Pacific/Kiritimati";
  let serial = 0;
  const policy = (title: string, date: string) =>
    md({
      title,
      index_no: `111522000000000001/2026-${String(++serial).padStart(5, "0")}`,
      category: "综合政务",
      issuer: "测试市人民政府",
      department: "市政府办公室",
      written: date.slice(0, 10),
      date,
      kind: "行政规范性文件",
    });
  // Local times either side of the zone's midnight that starts 2026-03-01 (UTC 2026-02-28 10:00).
  const dates = [
    "2026-02-27 09:00",
    "2026-02-28 23:59",
    "2026-03-01 00:00",
    "2026-03-01 00:30",
    "2026-03-02 09:00",
  ];
  const files: Record<string, string> = { "news/2026/a.md": news("市政府召开常务会议", "2026-06-20 09:00") };
  dates.forEach((date, i) => (files[`policies/2026/doc-${i}.md`] = policy(`测试市管理办法${i}`, date)));
  const site = createFixture(files, { timeZone: zone, interpretation: { since: "2026-03-01" } });
  const now = parseLocalMillis("2026-06-30 12:00", zone)!;
  const warned = checkSite({ site: site.site, contentDir: site.contentDir, now })
    .problems.filter((p) => p.field === "政策解读")
    .map((p) => p.file)
    .sort();
  assert.deepEqual(warned, [
    "content/policies/2026/doc-2.md",
    "content/policies/2026/doc-3.md",
    "content/policies/2026/doc-4.md",
  ]);
});
