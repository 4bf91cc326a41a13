/**
 * The sitemap's fast ISO formatter (src/portal/iso-time.ts) gives luxon's text for every moment,
 * in zones with daylight saving, half-hour offsets, UTC and local mean time.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { isoDateTimeFormatter } from "../../src/portal/iso-time.ts";
import { isoDateTime } from "../../src/portal/dates.ts";
import { random } from "../../bench/synthetic.ts";

const ZONES = [
  "Asia/Shanghai",
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
];

test("the fast formatter writes what luxon writes", () => {
  const rand = random(7);
  const moments: number[] = [];
  // 1900–2040, with and without milliseconds, and around New York's and Lord Howe's changes.
  for (let i = 0; i < 3000; i++) {
    const ms = Math.floor(-2_208_988_800_000 + rand() * 4_418_000_000_000);
    moments.push(ms, ms - (ms % 1000));
  }
  for (const change of [Date.UTC(2025, 2, 9, 7), Date.UTC(2025, 10, 2, 6), Date.UTC(2025, 3, 5, 15)])
    for (let d = -3_600_000; d <= 3_600_000; d += 60_000 - 1) moments.push(change + d);
  // Before 1900: local mean time, offsets in seconds (luxon's own answer).
  moments.push(Date.UTC(1850, 0, 1, 3, 4, 5), Date.UTC(999, 0, 1), Date.UTC(10000, 0, 1));
  for (const zone of ZONES) {
    const fast = isoDateTimeFormatter(zone);
    const differing = moments.filter((ms) => fast(ms) !== isoDateTime(ms, zone));
    assert.deepEqual(
      differing.map((ms) => [ms, fast(ms), isoDateTime(ms, zone)]),
      [],
      `${zone}: same text as luxon`,
    );
  }
});
