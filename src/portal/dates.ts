/** Dates as the portal shows them, always in the site's zone (luxon). */
import { DateTime } from "luxon";

export function formatDay(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd");
}

export function formatDateTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");
}

/** ISO 8601 with the zone's offset, for feeds, sitemaps and <time datetime>. */
export function isoDateTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}
