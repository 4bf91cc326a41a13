/**
 * 解读 coverage per calendar year (issue 15): the documents of the kinds the site requires a 解读
 * of (site.interpretation.kinds, 行政规范性文件 by default) published in the year, which of them
 * have a published 解读 and which were interpreted late (after `workingDays` working days, holidays
 * from src/calendar/), and the year's 解读 by form. Every figure is the length of a list the audit
 * pages show, so a figure and its list cannot disagree. The 政府网站工作年度报表's 解读回应 rows
 * read these (解读材料 = 文字, 解读产品 = 图解 and 视频).
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import { PortalMemo, untracedPortal } from "../portal/memo-reads.ts";
import type { RecordOf } from "../content/types.ts";
import type { Site } from "../config/schema.ts";
import { formOf, INTERPRETATION_FORMS, type InterpretationForm } from "../content/interpretation.ts";
import { workingCalendar } from "../calendar/working-days.ts";
import { endOfLocalDay, localParts, offsetIn } from "../content/local-time.ts";
import { coverageCodes, INTERPRETATION, LATE, MISSING, ON_TIME, SKIPPED } from "./coverage-codes.ts";

type PolicyRecord = RecordOf<"policy">;

export interface InterpretationCoverage {
  year: number;
  /** Documents of the required kinds published in the year, newest first. */
  documents: PolicyRecord[];
  /** Of those, the ones with at least one published 解读. */
  interpreted: PolicyRecord[];
  /** Of those, the ones without a published 解读. */
  missing: PolicyRecord[];
  /** Interpreted, but the first 解读 came after the window (最迟 3 个工作日). */
  late: PolicyRecord[];
  /** Every 解读 published in the year, whatever it interprets. */
  interpretations: PolicyRecord[];
  /** The year's 解读 by form, in INTERPRETATION_FORMS order (every form present, maybe empty). */
  byForm: Map<InterpretationForm, PolicyRecord[]>;
  /** interpreted / documents, in per cent with one decimal; undefined without documents. */
  ratio?: number;
}

/**
 * Deadlines (epoch ms) by day of publication, per zone, window and calendar: most documents share
 * their day with others. Keyed by what the deadline reads, not by the site object: the build
 * cache's traces see the portal (and its site) through proxies, and the checks see it plain.
 */
const deadlines = new Map<string, Map<string, number>>();
const settingsKeys = new WeakMap<Site, string>();

function deadlinesOf(site: Site): Map<string, number> {
  let key = settingsKeys.get(site);
  if (key === undefined) {
    key = JSON.stringify([site.timeZone, site.interpretation.workingDays, site.calendar ?? null]);
    settingsKeys.set(site, key);
  }
  let byDay = deadlines.get(key);
  if (!byDay) deadlines.set(key, (byDay = new Map<string, number>()));
  return byDay;
}

const DAY = 86_400_000;

/**
 * The last instant a document's 解读 is on time (epoch ms): the end of its n-th working day after
 * publication. It depends on the day of publication only (addWorkingDays starts from the day).
 * The days are counted as numbers and the day's end taken from the zone's offset (a luxon
 * DateTime per step cost ~0.7 s at 50k items); near a change of offset, luxon counts it.
 */
export function interpretationDeadline(site: Site, doc: PolicyRecord): number {
  const byDay = deadlinesOf(site);
  // The day without a luxon DateTime (each asks Intl for the zone's offset): one per document was most of the cost.
  const day = localParts(doc.publishedAt, site.timeZone).day;
  let deadline = byDay.get(day);
  if (deadline === undefined) {
    const calendar = workingCalendar(site.calendar);
    let last = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY;
    for (let left = site.interpretation.workingDays; left > 0;) {
      last++;
      // Day 0 (1970-01-01) was a Thursday (ISO weekday 4).
      if (
        calendar.isWorkingDate(
          new Date(last * DAY).toISOString().slice(0, 10),
          ((((last + 3) % 7) + 7) % 7) + 1,
        )
      )
        left--;
    }
    const end = endOfLocalDay(last, site.timeZone);
    // A zone that dropped a whole civil day in between (Pacific/Apia, 2011-12-30) is counted
    // the slow way, on its own days.
    deadline =
      end !== undefined &&
      Math.abs(offsetIn(end, site.timeZone) - offsetIn(doc.publishedAt, site.timeZone)) < 720
        ? end
        : deadlineByLuxon(site, doc.publishedAt, day);
    byDay.set(day, deadline);
  }
  return deadline;
}

/** The deadline as luxon counts it (near a change of the zone's offset; tests compare the two). */
export function deadlineByLuxon(site: Site, publishedAt: number, day: string): number {
  const published = DateTime.fromMillis(publishedAt, { zone: site.timeZone });
  // Counted on the civil days in UTC, where a day step costs luxon no zone lookup (the calendar
  // counts civil days of the zone it is given), then that day's end in the site's zone.
  const last = workingCalendar(site.calendar).addWorkingDays(
    DateTime.fromISO(day, { zone: "utc" }),
    site.interpretation.workingDays,
  );
  const deadline = DateTime.fromObject(
    { year: last.year, month: last.month, day: last.day },
    { zone: site.timeZone },
  ).endOf("day");
  if (Math.abs(deadline.offset - published.offset) < 720) return deadline.toMillis();
  return workingCalendar(site.calendar)
    .addWorkingDays(published, site.interpretation.workingDays)
    .endOf("day")
    .toMillis();
}

/** Whether the site requires a 解读 of this document. */
export const needsInterpretation = (site: Site, r: PolicyRecord) =>
  (site.interpretation.kinds as readonly string[]).includes(r.fields.kind);

/**
 * Once per portal; with the build cache each page that takes the coverage notes what computing it
 * read (the policies), not only the first (a statistics year page kept its 已解读 count).
 */
const memo = new PortalMemo<InterpretationCoverage[]>();

/** Coverage for every year with a required document or a 解读, newest first (computed once per portal). */
export function interpretationCoverage(portal: Portal): InterpretationCoverage[] {
  const plain = untracedPortal(portal);
  if (plain) {
    // A page the build cache traces takes the build's coverage (its codes kept by the build cache:
    // coverage-codes.ts) and notes what the coverage is made of: the published policies, which the
    // 解读 maps are made from too (portal.ts); the site is in the build's fingerprint.
    void portal.byType.policy;
    return interpretationCoverage(plain);
  }
  return memo.get(portal, () => computeCoverage(portal));
}

/** What coverage makes of one policy record (coverage-codes.ts). */
function codeOf(site: Site, portal: Portal, r: PolicyRecord): number {
  if (r.year === undefined) return SKIPPED;
  if (r.fields.kind === "政策解读") return INTERPRETATION;
  if (!needsInterpretation(site, r)) return SKIPPED;
  const interpretations = portal.interpretationsOf.get(r.fields.index_no) ?? [];
  if (!interpretations.length) return MISSING;
  const first = Math.min(...interpretations.map((i) => i.publishedAt));
  return first > interpretationDeadline(site, r) ? LATE : ON_TIME;
}

function computeCoverage(portal: Portal): InterpretationCoverage[] {
  const { site } = portal;
  const years = new Map<number, InterpretationCoverage>();
  const yearOf = (year: number) => {
    let entry = years.get(year);
    if (!entry) {
      entry = {
        year,
        documents: [],
        interpreted: [],
        missing: [],
        late: [],
        interpretations: [],
        byForm: new Map(INTERPRETATION_FORMS.map((f) => [f, []])),
      };
      years.set(year, entry);
    }
    return entry;
  };
  const policies = portal.byType.policy;
  const codes = coverageCodes(portal, (r) => codeOf(site, portal, r));
  for (let i = 0; i < policies.length; i++) {
    const code = codes[i];
    const r = policies[i];
    // A code other than SKIPPED was given to a record with a year (the same record, or the last build's at its place).
    if (code === SKIPPED || r.year === undefined) continue;
    const entry = yearOf(r.year);
    if (code === INTERPRETATION) {
      entry.interpretations.push(r);
      entry.byForm.get(formOf(r.fields))!.push(r);
      continue;
    }
    entry.documents.push(r);
    if (code === MISSING) {
      entry.missing.push(r);
      continue;
    }
    entry.interpreted.push(r);
    if (code === LATE) entry.late.push(r);
  }
  const result = [...years.values()].sort((a, b) => b.year - a.year);
  for (const entry of result)
    if (entry.documents.length)
      entry.ratio = Math.round((entry.interpreted.length / entry.documents.length) * 1000) / 10;
  return result;
}

/** URLs of the coverage audit pages (without the path prefix). */
export const coverageUrls = {
  /** The year's figures, and the documents without a 解读. */
  year: (year: number) => `/policies/interpretation-coverage/${year}/`,
  list: (year: number, list: CoverageList) => `/policies/interpretation-coverage/${year}/${list}/`,
  form: (year: number, formKey: string) => `/policies/interpretation-coverage/${year}/form-${formKey}/`,
};

/** The year's lists besides the main page (the documents without a 解读). */
export type CoverageList = "documents" | "interpreted" | "late" | "interpretations";
