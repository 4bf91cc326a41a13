/**
 * What inspectors flag (domain.md §5), warned about before they do: a home page with nothing new
 * for 2 weeks, a news column with nothing new for 2 weeks (动态) or 6 months (通知公告), the policy
 * catalogue idle for 6 months, an empty column (the last ones declared by the types: their spec's
 * `inspect`). Counted from the published records as of the build's clock. Warnings never stop a
 * build; a type's `inspect` may also return errors for deadlines a rule sets (意见征集's 结果反馈).
 */
import { DateTime } from "luxon";
import type { Problem } from "../problems/problems.ts";
import type { Portal } from "../portal/portal.ts";
import { countedTypes } from "../tallies/cells.ts";
import { localParts } from "../content/local-time.ts";

/** 动态 (home page, news columns): stale after 14 days; 通知公告 and policy catalogues after 6 months. */
export const STALE_DYNAMIC_DAYS = 14;
export const STALE_NOTICE_MONTHS = 6;

export function warn(file: string, field: string, message: string): Problem {
  return { severity: "warning", file, field, message };
}

/** A day as the inspectors' messages show it (yyyy-MM-dd; without a luxon DateTime per call). */
export const dayIn = (zone: string) => (ms: number) => localParts(ms, zone).day;

const DAY_MS = 86_400_000;

/** yyyy-MM-dd of an instant in UTC, as `localParts` writes a day (for years 1000–9999). */
function utcDay(ms: number): string | undefined {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return undefined;
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * Whether an instant's day in `zone` (as `dayIn` writes it) sorts before `day`, mostly without
 * asking for the zone's offset: an offset is less than a day, so the day in the zone is the UTC
 * day or one next to it, and when the day after the UTC day is still before `day`, or the day
 * before it is not, the zone's day is too. Days of years 1000–9999 sort as they follow.
 */
export function dayBefore(zone: string, day: string): (ms: number) => boolean {
  const exact = dayIn(zone);
  return (ms) => {
    const after = utcDay(ms + DAY_MS);
    if (after !== undefined && after < day) return true;
    const before = utcDay(ms - DAY_MS);
    if (before !== undefined && after !== undefined && before >= day) return false;
    return exact(ms) < day;
  };
}

/** `contentFolder`: the content folder as problems name files ("content" unless `--content` names another). */
export function inspectionWarnings(portal: Portal, now: number, contentFolder: string): Problem[] {
  const { site } = portal;
  const clock = DateTime.fromMillis(now, { zone: site.timeZone });
  const day = dayIn(site.timeZone);
  const problems: Problem[] = [];
  // The items the home page and the statistics show: the counted types (not topics, not plain pages).
  const counted = countedTypes(portal.types);
  const newestOnHome = portal.records.find((r) => counted.has(r.type));
  if (newestOnHome && newestOnHome.publishedAt < clock.minus({ days: STALE_DYNAMIC_DAYS }).toMillis()) {
    problems.push(
      warn(
        contentFolder,
        "首页",
        `全站最近一条内容发布于 ${day(newestOnHome.publishedAt)}（${newestOnHome.file}）；首页超过 2 周没有新内容会被网站检查认定为更新不及时`,
      ),
    );
  }
  for (const type of portal.types) problems.push(...(type.inspect?.(portal, clock, contentFolder) ?? []));
  return problems;
}
