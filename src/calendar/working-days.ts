/**
 * Working days (工作日) for deadlines the rules count in them: Monday to Friday, minus national
 * holidays, plus the weekend days worked in exchange (调休), from data/calendar/holidays.tsv and
 * the site's `calendar` settings. Days are civil days in the zone of the DateTime passed in.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import type { CalendarSettings } from "../config/calendar.ts";

export const HOLIDAYS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../data/calendar/holidays.tsv",
);

export interface WorkingCalendar {
  isWorkingDay(day: DateTime): boolean;
  /** The same for a civil day given as yyyy-MM-dd and its ISO weekday (1 Monday … 7 Sunday). */
  isWorkingDate(iso: string, weekday: number): boolean;
  /** Start of the day that is the n-th working day after `from` (from's own day not counted). */
  addWorkingDays(from: DateTime, n: number): DateTime;
  /** Working days d with from's day < d ≤ to's day; 0 when `to` is not after `from`. */
  workingDaysBetween(from: DateTime, to: DateTime): number;
  /** Years the national calendar lists (a deadline in another year counts weekends only). */
  readonly nationalYears: ReadonlySet<number>;
}

interface DayLists {
  off: Set<string>;
  on: Set<string>;
  years: Set<number>;
}

/** Expands `a` or `a..b` (YYYY-MM-DD) into each ISO day. */
export function expandDays(spec: string): string[] {
  const [from, to = from] = spec.split("..");
  const start = DateTime.fromISO(from, { zone: "UTC" });
  const end = DateTime.fromISO(to, { zone: "UTC" });
  if (!start.isValid || !end.isValid || end < start) throw new Error(`bad day or range: ${spec}`);
  const days: string[] = [];
  for (let d = start; d <= end; d = d.plus({ days: 1 })) days.push(d.toISODate() ?? "");
  return days;
}

/** Parses the shipped TSV: from, to, 休|班, name, source. Malformed lines throw: the file is ours. */
export function parseHolidays(text: string, file = HOLIDAYS_FILE): DayLists {
  const lists: DayLists = { off: new Set(), on: new Set(), years: new Set() };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [from, to, kind] = line.split("\t");
    if (!from || !to || (kind !== "休" && kind !== "班")) throw new Error(`${file}:${index + 1}: bad line`);
    for (const day of expandDays(`${from}..${to}`)) {
      (kind === "休" ? lists.off : lists.on).add(day);
      lists.years.add(Number(day.slice(0, 4)));
    }
  });
  return lists;
}

let national: DayLists | undefined;
const nationalLists = (): DayLists => (national ??= parseHolidays(readFileSync(HOLIDAYS_FILE, "utf8")));

/** One calendar per settings object: callers ask per document (a 解读's deadline), the sets are built once. */
const calendars = new WeakMap<CalendarSettings, WorkingCalendar>();
let nationalOnly: WorkingCalendar | undefined;

export function workingCalendar(settings?: CalendarSettings): WorkingCalendar {
  if (!settings) return (nationalOnly ??= makeCalendar());
  let calendar = calendars.get(settings);
  if (!calendar) calendars.set(settings, (calendar = makeCalendar(settings)));
  return calendar;
}

function makeCalendar(settings?: CalendarSettings): WorkingCalendar {
  const base = settings?.national === false ? undefined : nationalLists();
  const off = new Set(base?.off);
  const on = new Set(base?.on);
  for (const day of (settings?.holidays ?? []).flatMap(expandDays)) {
    on.delete(day);
    off.add(day);
  }
  for (const day of (settings?.workdays ?? []).flatMap(expandDays)) {
    off.delete(day);
    on.add(day);
  }

  const isWorkingDate = (iso: string, weekday: number): boolean => {
    if (on.has(iso)) return true;
    if (off.has(iso)) return false;
    return weekday <= 5;
  };
  const isWorkingDay = (day: DateTime): boolean => isWorkingDate(day.toISODate() ?? "", day.weekday);
  return {
    isWorkingDay,
    isWorkingDate,
    nationalYears: base?.years ?? new Set(),
    addWorkingDays(from, n) {
      let day = from.startOf("day");
      for (let left = n; left > 0;) {
        day = day.plus({ days: 1 });
        if (isWorkingDay(day)) left--;
      }
      return day;
    },
    workingDaysBetween(from, to) {
      const last = to.setZone(from.zone).startOf("day");
      let count = 0;
      for (let day = from.startOf("day").plus({ days: 1 }); day <= last; day = day.plus({ days: 1 }))
        if (isWorkingDay(day)) count++;
      return count;
    },
  };
}
