/**
 * Where a time-bound item stands at the build's clock: a consultation is 未开始, 征集中 or 已结束
 * (its end day counted whole), its 结果反馈 falls due `feedbackDays` after the end; an interview
 * is a 预告 until its time. Pages, lists and checks all ask here, so they agree.
 */
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";

export type ConsultationStatus = "未开始" | "征集中" | "已结束";

/** The first instant after the end day (an end date of 05-31 runs until 24:00 that day). */
export function closesAt(end: number, zone: string): number {
  return DateTime.fromMillis(end, { zone }).startOf("day").plus({ days: 1 }).toMillis();
}

export function consultationStatus(
  f: { start: number; end: number },
  now: number,
  zone: string,
): ConsultationStatus {
  if (now < DateTime.fromMillis(f.start, { zone }).startOf("day").toMillis()) return "未开始";
  return now < closesAt(f.end, zone) ? "征集中" : "已结束";
}

/** The last day (yyyy-MM-dd) the 结果反馈 may be published, and the instant it is late. */
export function feedbackDue(site: Site, end: number): { day: string; lateAt: number } {
  const zone = site.timeZone;
  const last = DateTime.fromMillis(end, { zone })
    .startOf("day")
    .plus({ days: site.consultations.feedbackDays });
  return { day: last.toFormat("yyyy-MM-dd"), lateAt: last.plus({ days: 1 }).toMillis() };
}

/** An interview is held at `time`; after it the page should carry its 实录. */
export const interviewHeld = (f: { time: number }, now: number) => now >= f.time;

/** Has a 实录: the body (文字实录) or a video item. */
export const hasRecording = (r: { body: string; fields: { video?: string } }) =>
  r.body.trim() !== "" || r.fields.video !== undefined;
