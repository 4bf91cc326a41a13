import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { workingCalendar } from "../../src/calendar/working-days.ts";
import { siteSchema } from "../../src/config/schema.ts";

const day = (iso: string) => DateTime.fromISO(iso, { zone: "Asia/Shanghai" });

test("national holidays and 调休 days from the shipped calendar", () => {
  const cal = workingCalendar();
  assert.equal(cal.isWorkingDay(day("2026-10-05")), false, "国庆节 Monday is off");
  assert.equal(cal.isWorkingDay(day("2026-10-10")), true, "国庆节调休 Saturday is worked");
  assert.equal(cal.isWorkingDay(day("2026-10-11")), false, "an ordinary Sunday is off");
  assert.equal(cal.isWorkingDay(day("2026-10-12")), true);
  assert.ok(cal.nationalYears.has(2026));
});

test("three working days after a document published before 国庆 end after the holiday", () => {
  const cal = workingCalendar();
  // Published Tue 2026-09-29: Wed 30 is one, 1–7 Oct off, Thu 8 two, Fri 9 three.
  assert.equal(cal.addWorkingDays(day("2026-09-29T16:00"), 3).toISODate(), "2026-10-09");
  assert.equal(cal.workingDaysBetween(day("2026-09-29"), day("2026-10-09")), 3);
  assert.equal(cal.workingDaysBetween(day("2026-10-09"), day("2026-09-29")), 0);
  // Over the 2026 春节: Fri 13 Feb → Sat 14 (worked) → 15–23 off → Tue 24.
  assert.equal(cal.addWorkingDays(day("2026-02-13"), 2).toISODate(), "2026-02-24");
});

test("a site adds local holidays and working days; national: false leaves weekends only", () => {
  const settings = siteSchema.shape.calendar.parse({
    holidays: ["2026-12-07..2026-12-08"],
    workdays: ["2026-12-12"],
  });
  const cal = workingCalendar(settings);
  assert.equal(cal.isWorkingDay(day("2026-12-07")), false);
  assert.equal(cal.isWorkingDay(day("2026-12-12")), true);
  assert.equal(cal.addWorkingDays(day("2026-12-04"), 1).toISODate(), "2026-12-09");
  const weekendsOnly = workingCalendar(siteSchema.shape.calendar.parse({ national: false }));
  assert.equal(weekendsOnly.isWorkingDay(day("2026-10-05")), true);
});

test("a malformed day in the site's calendar is a Chinese config error", () => {
  const result = siteSchema.shape.calendar.safeParse({ holidays: ["2026/10/01"] });
  assert.equal(result.success, false);
  assert.match(JSON.stringify(result.error?.issues), /YYYY-MM-DD/);
});
