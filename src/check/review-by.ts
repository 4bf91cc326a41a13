/**
 * 基本信息 pages (概况, 机构, 指南) go out of date without anyone noticing: an office moves, a phone
 * number changes. A page that declares `review_by` (src/content/fields.ts reviewByField; any spec
 * may opt in) is listed by `npm run inspect` when the day is near, and past it `check` warns.
 * Only published records: a draft is not on the site yet.
 */
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { fieldName } from "./locate.ts";
import { keptWith } from "../content/kept.ts";

export interface ReviewDate {
  file: string;
  title: string;
  url: string;
  /** The review day, yyyy-MM-dd. */
  day: string;
  /** True when the day has passed at the build's clock. */
  overdue: boolean;
}

/**
 * Its review day (epoch ms), or undefined: what the record store kept with it when it has that
 * (src/content/kept.ts), else its field. Asked of every published record in every build.
 */
export function reviewByOf(r: ContentRecord): number | undefined {
  const kept = keptWith(r)?.reviewBy;
  if (kept === null) return undefined;
  if (typeof kept === "number") return kept;
  return (r.fields as { review_by?: number }).review_by;
}

/** Every published page with a review date, earliest first. */
export function reviewDates(site: Site, records: readonly ContentRecord[], now: number): ReviewDate[] {
  const out: (ReviewDate & { ms: number })[] = [];
  for (const r of records) {
    const ms = reviewByOf(r);
    if (ms === undefined) continue;
    const day = DateTime.fromMillis(ms, { zone: site.timeZone }).toFormat("yyyy-MM-dd");
    // A review day is due at its end: the whole day is still in time.
    const end = DateTime.fromMillis(ms, { zone: site.timeZone }).endOf("day").toMillis();
    out.push({ file: r.file, title: r.fields.title, url: r.url, day, overdue: now > end, ms });
  }
  return out.sort((a, b) => a.ms - b.ms || a.file.localeCompare(b.file)).map(({ ms: _ms, ...rest }) => rest);
}

export function reviewByWarnings(
  site: Site,
  types: readonly AnyTypeSpec[],
  records: readonly ContentRecord[],
  now: number,
): Problem[] {
  const overdue = reviewDates(site, records, now).filter((d) => d.overdue);
  // Made only when a page is overdue: most builds have none, and it is a pass over every record.
  const byFile = overdue.length ? new Map(records.map((r) => [r.file, r])) : undefined;
  return overdue.map((d) => {
    const record = byFile!.get(d.file)!;
    return {
      severity: "warning" as const,
      file: d.file,
      line: lineOfRecordPath(record, ["review_by"]),
      field: fieldName(site, types, record, ["review_by"]),
      message: `复核日期 ${d.day} 已过：请核对本页内容（机构、地址、电话、职责等）是否仍然准确，核对后把 review_by 改为下次复核的日期`,
    };
  });
}
