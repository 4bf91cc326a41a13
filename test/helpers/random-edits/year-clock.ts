/**
 * The clock moved to a new year's first minute in the site's zone (session 49): the footer's
 * year, the year lists and statistics pages of a year with no items yet, 年度报表, the letters'
 * working days across the holiday. A millisecond before, on the minute, or a minute after; the
 * next year, or back to this one's (an operator's `--now` to look at last year).
 */
import { parseLocalDate } from "../../../src/content/fields.ts";
import type { OperatorEdit } from "./operator-edits.ts";
import { siteOf } from "./world.ts";

export const newYear: OperatorEdit = (rng, w) => {
  const zone = siteOf(w).timeZone;
  const year = new Date(w.now).getUTCFullYear() + rng.pick([1, 1, 0]);
  const start = parseLocalDate(`${year}-01-01 00:00`, zone)!.toMillis();
  const shift = rng.pick([-1, 0, 60_000]);
  w.now = start + shift;
  return { what: `clock to ${year}-01-01 00:00 ${zone}${shift ? (shift > 0 ? " +1 min" : " -1 ms") : ""}` };
};
