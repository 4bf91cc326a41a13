/** Dates as the portal shows them, always in the site's zone (luxon). */
import { DateTime } from "luxon";
import { localParts } from "../content/local-time.ts";

export function formatDay(ms: number, zone: string): string {
  return localParts(ms, zone).day;
}

/** ISO 8601 with the zone's offset, for feeds, sitemaps and <time datetime>. */
export function isoDateTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? "";
}
