/** What a letter's dates say: its status, its days as shown, and how long the reply took. */
import { DateTime } from "luxon";
import type { LetterFields } from "../content/letter.ts";

export type LetterStatus = "已答复" | "办理中";

export const letterStatus = (r: { fields: Pick<LetterFields, "replied"> }): LetterStatus =>
  r.fields.replied === undefined ? "办理中" : "已答复";

export const formatLetterDay = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd");

/**
 * Calendar days from receipt to reply, counted by civil day in the site's zone (a reply on the day
 * of receipt took 0 days). Undefined for a letter not answered yet.
 */
export function replyDays(
  fields: Pick<LetterFields, "received" | "replied">,
  zone: string,
): number | undefined {
  if (fields.replied === undefined) return undefined;
  const from = DateTime.fromMillis(fields.received, { zone }).startOf("day");
  const to = DateTime.fromMillis(fields.replied, { zone }).startOf("day");
  return Math.round(to.diff(from, "days").days);
}
