/**
 * The site's own additions to the national holiday calendar (data/calendar/holidays.tsv):
 * local holidays and extra working days. Deadlines counted in working days (解读 within 3,
 * a letter's reply within 15) use both.
 */
import { z } from "zod";

/** One day `2026-10-01` or an inclusive range `2026-10-01..2026-10-07`. */
const dayOrRange = z.string().regex(/^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/, {
  error: "应为日期 YYYY-MM-DD 或日期范围 YYYY-MM-DD..YYYY-MM-DD",
});

export const calendarSchema = z
  .strictObject({
    /** Days off in addition to the national ones (a local holiday). */
    holidays: z.array(dayOrRange).default([]),
    /** Weekend days that are working days in addition to the national 调休 days. */
    workdays: z.array(dayOrRange).default([]),
    /** Use the shipped national calendar (data/calendar/holidays.tsv); false: weekends and the lists above only. */
    national: z.boolean().default(true),
  })
  .default(() => ({ holidays: [], workdays: [], national: true }));

export type CalendarSettings = z.output<typeof calendarSchema>;
