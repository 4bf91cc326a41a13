/**
 * Yearly figures of 意见征集 and 在线访谈 for the 政府网站工作年度报表 (国办函〔2018〕12号:
 * 征集调查 期数 / 收到意见数量 / 公布调查结果期数; 在线访谈 期数 / 网民留言数量 / 答复网民提问数量).
 * A consultation counts in the year it opened (its 开始日期), its outcome in the year the 结果反馈
 * was published (as the 年度报表 rows of src/tallies/website-report.ts read them), an interview in
 * the year of its 访谈时间; every count is the length of the list returned with it (the audit
 * list), every sum is over it.
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import type { RecordOf } from "../content/types.ts";

/** Calendar years with a consultation opened or an interview held, newest first. */
export function interactionYears(portal: Portal): { consultations: number[]; interviews: number[] } {
  const zone = portal.site.timeZone;
  const years = (ms: number[]) => [...new Set(ms.map((t) => yearIn(t, zone)))].sort((a, b) => b - a);
  return {
    consultations: years(
      portal.byType.consultation.flatMap((r) => [
        r.fields.start,
        ...(r.fields.feedback ? [r.fields.feedback.date] : []),
      ]),
    ),
    interviews: years(portal.byType.interview.map((r) => r.fields.time)),
  };
}

export interface ConsultationYear {
  year: number;
  /** 征集调查期数: consultations opened in the year, newest first. */
  consultations: RecordOf<"consultation">[];
  /** 公布调查结果期数: consultations whose 结果反馈 was published in the year. */
  withFeedback: RecordOf<"consultation">[];
  /** 收到意见数量: 收到意见数 summed over `withFeedback`. */
  opinionsReceived: number;
  /** 采纳意见数量, over `withFeedback`. */
  opinionsAdopted: number;
}

export interface InterviewYear {
  year: number;
  /** 访谈期数: interviews of the year (their 访谈时间), newest first. */
  interviews: RecordOf<"interview">[];
  /** 网民留言数量: questions_received summed over `interviews` (an interview without the figure adds 0). */
  questionsReceived: number;
  /** 答复网民提问数量: questions_answered summed likewise. */
  questionsAnswered: number;
}

const yearIn = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).year;

export function consultationTally(portal: Portal, year: number): ConsultationYear {
  const zone = portal.site.timeZone;
  const consultations = portal.byType.consultation.filter((r) => yearIn(r.fields.start, zone) === year);
  const withFeedback = portal.byType.consultation.filter(
    (r) => r.fields.feedback !== undefined && yearIn(r.fields.feedback.date, zone) === year,
  );
  const sum = (pick: (f: NonNullable<RecordOf<"consultation">["fields"]["feedback"]>) => number) =>
    withFeedback.reduce((n, r) => n + pick(r.fields.feedback!), 0);
  return {
    year,
    consultations,
    withFeedback,
    opinionsReceived: sum((f) => f.received),
    opinionsAdopted: sum((f) => f.adopted),
  };
}

/**
 * Interviews of `year` by their 访谈时间. A 预告 for later in the current year is counted too: the
 * figure is read from the year's list page, which (like every list) does not depend on the clock.
 */
export function interviewTally(portal: Portal, year: number): InterviewYear {
  const zone = portal.site.timeZone;
  const interviews = portal.byType.interview.filter((r) => yearIn(r.fields.time, zone) === year);
  return {
    year,
    interviews,
    questionsReceived: interviews.reduce((n, r) => n + (r.fields.questions_received ?? 0), 0),
    questionsAnswered: interviews.reduce((n, r) => n + (r.fields.questions_answered ?? 0), 0),
  };
}
