/**
 * Editors' wall-clock dates ↔ epoch milliseconds in the site's zone, fast enough for 100k items.
 * luxon's `fromFormat` re-tokenises its format and asks Intl for the zone's offset on every call
 * (≈ 60 µs, a third of load+validate at 10k items). Here the text is matched by one regex and the
 * offset comes from luxon's zone once per UTC day, reused while it is the same at that day's start
 * and the next day's (a day with a DST change asks luxon for every instant).
 */
import { IANAZone } from "luxon";

const DAY = 86_400_000;
const MINUTE = 60_000;

/** The formats editors may use: `yyyy-MM-dd`, then optionally ` HH:mm[:ss]` (or with a `T`). */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

interface ZoneOffsets {
  zone: IANAZone;
  /** UTC day number → offset in minutes, or null when the offset changes during that day. */
  byDay: Map<number, number | null>;
  /** UTC day number → the offset at the day's first instant (a day's end is the next one's start). */
  atStart: Map<number, number>;
}

const zones = new Map<string, ZoneOffsets>();

function zoneOffsets(name: string): ZoneOffsets {
  let entry = zones.get(name);
  if (!entry) {
    const zone = IANAZone.create(name);
    if (!zone.isValid) throw new Error(`unknown time zone ${name}`);
    zones.set(name, (entry = { zone, byDay: new Map(), atStart: new Map() }));
  }
  return entry;
}

/** The offset at the first instant of a UTC day, asked of luxon (Intl) once per day. */
function offsetAtStart(z: ZoneOffsets, day: number): number {
  let offset = z.atStart.get(day);
  if (offset === undefined) z.atStart.set(day, (offset = z.zone.offset(day * DAY)));
  return offset;
}

/**
 * The zone's offset from UTC (minutes) at an instant. A day whose start has the offset of the
 * next day's start has it throughout (zones change at most once a day); a change at midnight UTC
 * only makes its day look changing, which is then asked per instant, as any day with a change.
 */
function offsetAt(z: ZoneOffsets, ms: number): number {
  const day = Math.floor(ms / DAY);
  let offset = z.byDay.get(day);
  if (offset === undefined) {
    const start = offsetAtStart(z, day);
    offset = start === offsetAtStart(z, day + 1) ? start : null;
    z.byDay.set(day, offset);
  }
  return offset ?? z.zone.offset(ms);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : MONTH_DAYS[month - 1];
}

/**
 * A group of LOCAL's match as a small integer (0 when absent). `| 0` keeps it an int32: `Number`
 * alone may hand TurboFan a heap number, and parseLocalMillis was deoptimized ("not a Smi") and
 * recompiled some six times a build on the month table's index.
 */
const group = (part: string | undefined): number => (part === undefined ? 0 : Number(part) | 0);

/**
 * Epoch ms of `2025-03-12 09:30` (or `2025-03-12`, `…T09:30`, `… 09:30:15`) read in `zone`;
 * null when the text has another shape or names no real date or time. Times that a DST change
 * skips or repeats resolve with luxon's fixOffset rule, from a fixed first guess (luxon's guess is
 * the offset at the current time, so its answer for a repeated hour changes with the season).
 */
export function parseLocalMillis(text: string, zone: string): number | null {
  const m = LOCAL.exec(text.trim());
  if (!m) return null;
  // Each group read by index: destructuring an array made by map() inlined the array iterator,
  // whose map checks failed ("wrong map") as the array's element kind varied.
  const year = group(m[1]);
  const month = group(m[2]);
  const day = group(m[3]);
  const hour = group(m[4]);
  const minute = group(m[5]);
  const second = group(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // 24:00 is the end of the day, as luxon reads it.
  if (hour > 24 || (hour === 24 && minute + second > 0) || minute > 59 || second > 59) return null;
  const z = zoneOffsets(zone);
  // The wall-clock time read as if it were UTC, then corrected by the zone's offset (luxon's fixOffset).
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  const local = utc.getTime();
  const o1 = offsetAt(z, local);
  let guess = local - o1 * MINUTE;
  const o2 = offsetAt(z, guess);
  if (o1 === o2) return guess;
  guess -= (o2 - o1) * MINUTE;
  const o3 = offsetAt(z, guess);
  if (o2 === o3) return guess;
  return local - Math.min(o2, o3) * MINUTE;
}

export interface LocalParts {
  year: number;
  /** `2025-03-12 09:30` */
  dateTime: string;
  /** `2025-03-12` */
  day: string;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Calendar fields of an instant in `zone`, formatted the way the portal shows dates. */
export function localParts(ms: number, zone: string): LocalParts {
  const local = new Date(ms + offsetAt(zoneOffsets(zone), ms) * MINUTE);
  const year = local.getUTCFullYear();
  const day = `${String(year).padStart(4, "0")}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return { year, day, dateTime: `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` };
}

/** The zone's offset from UTC (minutes) at an instant. */
export const offsetIn = (ms: number, zone: string): number => offsetAt(zoneOffsets(zone), ms);

/**
 * Epoch ms of the last instant of a civil day (UTC day number `day`) in `zone`, as luxon's
 * `endOf("day")` gives it, when the zone keeps one offset from that UTC day's start to the start
 * of the day after next (every local midnight of the day's end falls in between); undefined
 * otherwise (a DST change near it: ask luxon).
 */
export function endOfLocalDay(day: number, zone: string): number | undefined {
  const z = zoneOffsets(zone);
  const offset = offsetAtStart(z, day);
  if (offsetAtStart(z, day + 1) !== offset || offsetAtStart(z, day + 2) !== offset) return undefined;
  return (day + 1) * DAY - offset * MINUTE - 1;
}
