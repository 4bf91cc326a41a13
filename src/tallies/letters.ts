/**
 * 留言办理统计: per calendar year and month (site zone), by 类型 and by 受理单位, how many letters
 * were received, how many answered, and the average and longest reply time. One pass over the
 * letters (public or not, drafts never) puts each letter on the lists it counts towards; every
 * figure is computed from its list, so a figure and the audit list behind it cannot disagree.
 *
 * - 收到 (received): letters whose 受理日期 falls in the period.
 * - 答复 (answered): letters whose 答复日期 falls in the period; their reply times (calendar days
 *   from 受理日期 to 答复日期, src/content-types/letter-status.ts) give the average and the longest.
 * - By 类型 and by 受理单位, the same two lists within the year.
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import { PortalMemo } from "../portal/memo-reads.ts";
import type { RecordOf } from "../content/types.ts";
import { LETTER_KINDS, type LetterKind } from "../content/letter.ts";
import { LETTER_TYPE_KEYS } from "../portal/interaction-urls.ts";
import { replyDays } from "../content-types/letter-status.ts";

type Letter = RecordOf<"letter">;

/** A group of letters the statistics show as one row: 2026年3月, 投诉, 市住房和城乡建设局 … */
export interface LetterScope {
  /** ASCII id, part of the audit URLs: `year`, `month-03`, `kind-complaint`, `dept-housing`. */
  id: string;
  label: string;
  received: Letter[];
  answered: Letter[];
}

export interface LetterFigures {
  received: number;
  answered: number;
  /** Average reply time in days, one decimal; undefined when nothing was answered. */
  averageDays?: number;
  longestDays?: number;
}

export interface LetterYear {
  year: number;
  total: LetterScope;
  months: LetterScope[];
  kinds: LetterScope[];
  departments: LetterScope[];
}

export interface LetterTallies {
  /** Years with a letter received or answered, ascending. */
  years: number[];
  byYear: Map<number, LetterYear>;
}

export const MEASURES = ["received", "answered"] as const;
export type LetterMeasure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<LetterMeasure, string> = { received: "收到来信", answered: "答复来信" };

/** The audit list's key within a year: `month-03-answered`. */
export const auditCell = (scope: LetterScope, measure: LetterMeasure) => `${scope.id}-${measure}`;

export function figuresOf(scope: LetterScope, zone: string): LetterFigures {
  const days = scope.answered.map((r) => replyDays(r.fields, zone)!);
  return {
    received: scope.received.length,
    answered: scope.answered.length,
    averageDays: days.length
      ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10
      : undefined,
    longestDays: days.length ? Math.max(...days) : undefined,
  };
}

/**
 * Once per portal, and with the build cache each page that takes the tallies notes what computing
 * them read (every letter): a plain memo noted it for the first page only, so a year's page kept
 * its reply times, and the statistics pages their years, after a letter's dates changed.
 */
const memo = new PortalMemo<LetterTallies>();

export const letterTallies = (portal: Portal): LetterTallies => memo.get(portal, () => compute(portal));

function compute(portal: Portal): LetterTallies {
  const { site } = portal;
  const zone = site.timeZone;
  const byYear = new Map<number, LetterYear>();
  const scope = (id: string, label: string): LetterScope => ({ id, label, received: [], answered: [] });
  const yearOf = (year: number): LetterYear => {
    let y = byYear.get(year);
    if (!y) {
      y = {
        year,
        total: scope("year", `${year}年全年`),
        months: Array.from({ length: 12 }, (_, i) =>
          scope(`month-${String(i + 1).padStart(2, "0")}`, `${i + 1}月`),
        ),
        kinds: LETTER_KINDS.map((kind) => scope(`kind-${LETTER_TYPE_KEYS[kind]}`, kind)),
        departments: site.departments.map((d) => scope(`dept-${d.key}`, d.name)),
      };
      byYear.set(year, y);
    }
    return y;
  };
  const kindIndex = new Map<LetterKind, number>(LETTER_KINDS.map((k, i) => [k, i]));
  const deptIndex = new Map(site.departments.map((d, i) => [d.name, i]));
  // Oldest receipt first: the audit lists read in the order the letters came in.
  const letters = [...portal.byType.letter].sort(
    (a, b) => a.fields.received - b.fields.received || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const add = (r: Letter, ms: number, measure: LetterMeasure) => {
    const at = DateTime.fromMillis(ms, { zone });
    const y = yearOf(at.year);
    y.total[measure].push(r);
    y.months[at.month - 1][measure].push(r);
    y.kinds[kindIndex.get(r.fields.kind)!][measure].push(r);
    const dept = deptIndex.get(r.fields.received_by);
    if (dept !== undefined) y.departments[dept][measure].push(r);
  };
  for (const r of letters) add(r, r.fields.received, "received");
  // Answered lists in the order of the replies.
  const answered = letters
    .filter((r) => r.fields.replied !== undefined)
    .sort((a, b) => a.fields.replied! - b.fields.replied! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of answered) add(r, r.fields.replied!, "answered");
  return { years: [...byYear.keys()].sort((a, b) => a - b), byYear };
}

/** 受理单位 rows: only the departments that received or answered a letter in the year. */
export const activeDepartments = (y: LetterYear): LetterScope[] =>
  y.departments.filter((d) => d.received.length || d.answered.length);

/** Every scope of a year that the statistics page shows, in its order. */
export const scopesOf = (y: LetterYear): LetterScope[] => [
  y.total,
  ...y.months,
  ...y.kinds,
  ...activeDepartments(y),
];
