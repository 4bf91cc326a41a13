/**
 * `isoDateTime` (src/portal/dates.ts) for many moments in one zone, without a luxon DateTime per
 * moment: sitemap.xml formats one <lastmod> per item (50k at 50k items), and luxon's zone lookup
 * per call was most of the step's time. The zone's offset is asked of luxon once per UTC day, and
 * a day is used only when it starts with the offset the next day starts with (a day with a
 * change goes to luxon; no zone changes its offset and back within a day); the offset's text is
 * luxon's own for that day, so the result is luxon's byte for byte. Offsets that are not whole minutes (local mean
 * time before 1900) and years outside 1000–9999 go to luxon itself.
 */
import { DateTime } from "luxon";
import { isoDateTime } from "./dates.ts";

const BUCKET = 86_400_000;

interface Offset {
  minutes: number;
  /** How luxon writes it: "+08:00", "Z". */
  text: string;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

export function isoDateTimeFormatter(zone: string): (ms: number) => string {
  // Luxon's DateTime at the start of each day asked about, and the day's offset when it holds all day.
  const starts = new Map<number, DateTime>();
  const startOf = (bucket: number) => {
    let start = starts.get(bucket);
    if (!start) starts.set(bucket, (start = DateTime.fromMillis(bucket, { zone })));
    return start;
  };
  const offsets = new Map<number, Offset | null>();
  const offsetOf = (bucket: number): Offset | null => {
    let offset = offsets.get(bucket);
    if (offset !== undefined) return offset;
    const start = startOf(bucket);
    // The same offset at the start of the next day: none changed in between (and back).
    const end = startOf(bucket + BUCKET);
    const iso = start.toISO({ suppressMilliseconds: true }) ?? "";
    // "YYYY-MM-DDTHH:mm:ss" then the offset, when the offset is whole minutes and the year has four digits.
    offset =
      start.offset === end.offset && Number.isInteger(start.offset) && iso[19] !== "." && iso[4] === "-"
        ? { minutes: start.offset, text: iso.slice(19) }
        : null;
    offsets.set(bucket, offset);
    return offset;
  };
  return (ms) => {
    const offset = Number.isFinite(ms) ? offsetOf(Math.floor(ms / BUCKET) * BUCKET) : null;
    if (offset === null) return isoDateTime(ms, zone);
    const local = new Date(ms + offset.minutes * 60_000);
    const year = local.getUTCFullYear();
    if (year < 1000 || year > 9999) return isoDateTime(ms, zone);
    const millis = local.getUTCMilliseconds();
    return (
      `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
      `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
      `${millis ? `.${pad3(millis)}` : ""}${offset.text}`
    );
  };
}
