/**
 * When the veto items 首页不更新 and 栏目不更新 (国办秘函〔2019〕19号, domain.md §6) will fire if
 * nothing new is published, predicted from the build's clock with the thresholds of
 * src/check/inspection.ts: the home page stale 2 weeks after its newest item; a 动态 column after
 * 2 weeks, a 通知公告 column or the policy catalogue after 6 months; the site fails when the home
 * page is stale, or 5 columns are stale, or 5 are empty.
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";

export const STALE_COLUMNS_FOR_VETO = 5;

export interface ColumnDeadline {
  name: string;
  kind: "首页" | "动态" | "通知公告" | "政策文件";
  /** Newest published item, or undefined for an empty column. */
  newest?: { file: string; day: string };
  /** The day it becomes stale (yyyy-MM-dd), undefined when empty (stale already). */
  staleOn?: string;
}

export interface Deadlines {
  columns: ColumnDeadline[];
  /** The day the site fails the inspection if nothing new is published, and why. */
  veto?: { day: string; reason: string };
}

export function predictDeadlines(portal: Portal, now: number): Deadlines {
  const zone = portal.site.timeZone;
  const day = (dt: DateTime) => dt.toFormat("yyyy-MM-dd");
  const at = (ms: number) => DateTime.fromMillis(ms, { zone });
  const entry = (
    name: string,
    kind: ColumnDeadline["kind"],
    newest: { file: string; publishedAt: number } | undefined,
  ): ColumnDeadline => {
    if (!newest) return { name, kind };
    const last = at(newest.publishedAt);
    const stale = kind === "首页" || kind === "动态" ? last.plus({ days: 14 }) : last.plus({ months: 6 });
    return { name, kind, newest: { file: newest.file, day: day(last) }, staleOn: day(stale) };
  };
  const home = portal.records.find((r) => r.type !== "page" && r.type !== "topic");
  const columns = [
    entry("首页", "首页", home),
    ...portal.site.columns.map((c) =>
      entry(c.name, c.kind === "通知公告" ? "通知公告" : "动态", portal.newsByColumn.get(c.name)?.[0]),
    ),
    entry(
      "政府信息公开目录",
      "政策文件",
      portal.byType.policy.find((p) => p.fields.kind !== "政策解读"),
    ),
  ];
  const today = day(at(now));
  const candidates: { day: string; reason: string }[] = [];
  const homeEntry = columns[0];
  if (homeEntry.staleOn)
    candidates.push({ day: homeEntry.staleOn, reason: "首页超过 2 周没有新内容（首页不更新）" });
  const others = columns.slice(1);
  const empty = others.filter((c) => !c.staleOn).length;
  if (empty >= STALE_COLUMNS_FOR_VETO)
    candidates.push({ day: today, reason: `${empty} 个栏目为空（空白栏目 5 个以上）` });
  const staleDays = others
    .flatMap((c) => (c.staleOn ? [c.staleOn] : []))
    .sort()
    .concat(Array(empty).fill(today))
    .sort();
  if (staleDays.length >= STALE_COLUMNS_FOR_VETO)
    candidates.push({
      day: staleDays[STALE_COLUMNS_FOR_VETO - 1],
      reason: `第 ${STALE_COLUMNS_FOR_VETO} 个栏目在这一天不再及时更新（栏目不更新 5 个以上）`,
    });
  candidates.sort((a, b) => a.day.localeCompare(b.day));
  return { columns, veto: candidates[0] };
}
