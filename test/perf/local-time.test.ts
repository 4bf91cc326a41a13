/** The fast date path must agree with luxon, the reference for how the site reads dates. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { localParts, parseLocalMillis } from "../../src/content/local-time.ts";
import { interpretationDeadline } from "../../src/tallies/interpretation.ts";
import { workingCalendar } from "../../src/calendar/working-days.ts";
import type { Site } from "../../src/config/schema.ts";

const FORMATS = [
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "yyyy-MM-dd'T'HH:mm:ss",
  "yyyy-MM-dd'T'HH:mm",
  "yyyy-MM-dd",
];
const byLuxon = (text: string, zone: string) => {
  for (const format of FORMATS) {
    const dt = DateTime.fromFormat(text.trim(), format, { zone });
    if (dt.isValid) return dt.toMillis();
  }
  return null;
};

const SAMPLES = [
  "2025-03-12 09:30",
  " 2025-03-12 09:30 ",
  "2025-03-12",
  "2025-03-12T09:30",
  "2025-03-12 09:30:15",
  "2024-02-29",
  "2025-01-01 24:00",
  "2025-02-29",
  "2025-02-30",
  "2025-13-01",
  "2025-00-10",
  "2025-1-01",
  "2025-03-12 9:30",
  "2025-01-01 24:30",
  "2025-03-12 09:60",
  "２０２５-03-12",
  "20250312",
  "2025-03-12 09:30Z",
  "2025/03/12",
  "",
  // A skipped hour (spring forward) in Berlin and New York.
  "2025-03-30 02:30",
  "2025-03-09 02:30",
];

test("parseLocalMillis reads every shape and rejects what luxon rejects", () => {
  for (const zone of ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Kathmandu"]) {
    for (const text of SAMPLES)
      assert.equal(parseLocalMillis(text, zone), byLuxon(text, zone), `${zone} “${text}”`);
  }
});

test("localParts formats an instant as luxon does in the site's zone", () => {
  // Changes at local midnight (São Paulo until 2019, Gaza) and a day dropped (Apia, 2011-12-30).
  for (const zone of [
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Gaza",
    "Pacific/Apia",
  ]) {
    for (let ms = Date.UTC(2011, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) {
      const dt = DateTime.fromMillis(ms, { zone });
      assert.deepEqual(localParts(ms, zone), {
        year: dt.year,
        day: dt.toFormat("yyyy-MM-dd"),
        dateTime: dt.toFormat("yyyy-MM-dd HH:mm"),
      });
    }
  }
});

test("a 解读's deadline counted on UTC days equals luxon's count in the site's zone, also where a zone dropped a day", () => {
  // Apia's lost day; DST changes at midnight (São Paulo until 2019, Gaza) and at night; the
  // national holidays of the Spring Festival and National Day (the calendar's 调休 included).
  const spans = [
    [Date.UTC(2011, 11, 20), Date.UTC(2012, 0, 10)],
    [Date.UTC(2018, 9, 25), Date.UTC(2018, 10, 12)],
    [Date.UTC(2019, 1, 8), Date.UTC(2019, 1, 25)],
    [Date.UTC(2024, 1, 5), Date.UTC(2024, 3, 5)],
    [Date.UTC(2024, 8, 25), Date.UTC(2024, 10, 10)],
  ];
  for (const timeZone of [
    "Asia/Shanghai",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Gaza",
    "Europe/Berlin",
    "Pacific/Apia",
  ]) {
    const site = { timeZone, calendar: undefined, interpretation: { workingDays: 3 } } as unknown as Site;
    for (const [from, to] of spans)
      for (let t = from; t < to; t += 5 * 3600 * 1000) {
        const doc = { publishedAt: t } as Parameters<typeof interpretationDeadline>[1];
        const published = DateTime.fromMillis(t, { zone: timeZone });
        const expected = workingCalendar().addWorkingDays(published, 3).endOf("day");
        assert.equal(
          interpretationDeadline(site, doc),
          expected.toMillis(),
          `${timeZone} ${published.toISO()}`,
        );
      }
  }
});
