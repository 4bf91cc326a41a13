/** The fast date path must agree with luxon, the reference for how the site reads dates. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { localParts, parseLocalMillis } from "../../src/content/local-time.ts";

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
  for (const zone of ["Asia/Shanghai", "Europe/Berlin", "America/New_York"]) {
    for (let ms = Date.UTC(2019, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000) {
      const dt = DateTime.fromMillis(ms, { zone });
      assert.deepEqual(localParts(ms, zone), {
        year: dt.year,
        day: dt.toFormat("yyyy-MM-dd"),
        dateTime: dt.toFormat("yyyy-MM-dd HH:mm"),
      });
    }
  }
});
