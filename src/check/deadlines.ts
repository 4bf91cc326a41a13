/**
 * When the veto items 首页不更新 and 栏目不更新 (国办秘函〔2019〕19号, domain.md §6) will fire if
 * nothing new is published, predicted from the build's clock with the thresholds of
 * src/check/inspection.ts: the home page stale 2 weeks after its newest item; a 动态 column after
 * 2 weeks, a 通知公告 column or the policy catalogue after 6 months; the site fails when the home
 * page is stale, or 5 columns are stale, or 5 are empty. Types add deadlines of their own records
 * through their spec's `deadlines` (互动交流: a 政务咨询 letter unanswered for 3 months is a veto,
 * 互动回应差; `overdueLetter` below computes it for the letters type).
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

/** A deadline of one record, declared by its type's spec. */
export interface RecordDeadline {
  /** What it is about, for the report: the letter's title. */
  name: string;
  /** The rule, in Chinese: 留言答复. */
  kind: string;
  file: string;
  /** The day it fires (yyyy-MM-dd). */
  day: string;
  /** What happens then, in Chinese. */
  reason: string;
  /** True when it is a 单项否决 item (it can fail the whole site). */
  veto: boolean;
}

/** 互动回应差: a 政务咨询 message unanswered for more than 3 months (domain.md §6) fails the site. */
export const LETTER_VETO_MONTHS = 3;

/**
 * The deadline of an unanswered letter, for the letters spec's `deadlines`: received at
 * `receivedAt`, it fails the site once it has waited 3 months.
 */
export function overdueLetter(
  zone: string,
  letter: { file: string; title: string; receivedAt: number },
): RecordDeadline {
  const day = DateTime.fromMillis(letter.receivedAt, { zone })
    .plus({ months: LETTER_VETO_MONTHS })
    .toFormat("yyyy-MM-dd");
  return {
    name: letter.title,
    kind: "留言答复",
    file: letter.file,
    day,
    reason: `留言“${letter.title}”超过 3 个月未答复（互动回应差）`,
    veto: true,
  };
}

export interface Deadlines {
  columns: ColumnDeadline[];
  /** Deadlines of single records, from the types' specs (letters), earliest first. */
  records: RecordDeadline[];
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
  const clock = at(now);
  const records = portal.types
    .flatMap((t) => t.deadlines?.(portal, clock) ?? [])
    .sort((a, b) => a.day.localeCompare(b.day) || a.file.localeCompare(b.file));
  for (const r of records)
    if (r.veto) candidates.push({ day: r.day < today ? today : r.day, reason: r.reason });
  candidates.sort((a, b) => a.day.localeCompare(b.day));
  return { columns, records, veto: candidates[0] };
}
