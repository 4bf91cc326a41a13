/**
 * Letters held to their reply deadlines at the build's clock (国办秘函〔2019〕19号: a 政务咨询
 * message unanswered for more than 3 months is a veto, 2 months already costs points): a letter
 * without a reply `warnWorkingDays` working days after receipt is a warning, `errorDays` calendar
 * days after receipt an error that stops the build. A reply dated after the build's clock is an
 * error too (the statistics would count a reply that has not happened). Every message names the
 * file and both dates.
 */
import { DateTime } from "luxon";
import type { Portal } from "../portal/portal.ts";
import type { Problem } from "../problems/problems.ts";
import { workingCalendar } from "../calendar/working-days.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import type { RecordOf } from "../content/types.ts";

export function letterDeadlineProblems(portal: Portal, clock: DateTime): Problem[] {
  const { site } = portal;
  const zone = site.timeZone;
  const { warnWorkingDays, errorDays } = site.interaction.letterDeadlines;
  const calendar = workingCalendar(site.calendar);
  const today = clock.setZone(zone).startOf("day");
  const day = (dt: DateTime) => dt.toFormat("yyyy-MM-dd");
  const problems: Problem[] = [];
  const at = (r: RecordOf<"letter">, field: "received" | "replied", label: string) => ({
    file: r.file,
    line: lineOfRecordPath(r, [field]),
    field: `${field}（${label}）`,
  });
  for (const r of portal.byType.letter) {
    const received = DateTime.fromMillis(r.fields.received, { zone }).startOf("day");
    if (r.fields.replied !== undefined) {
      const replied = DateTime.fromMillis(r.fields.replied, { zone });
      if (replied > clock)
        problems.push({
          severity: "error",
          ...at(r, "replied", "答复日期"),
          message: `答复日期 ${day(replied)} 晚于当前日期 ${day(today)}（受理日期 ${day(received)}）：不能登记尚未发生的答复`,
        });
      continue;
    }
    const calendarDays = Math.round(today.diff(received, "days").days);
    const errorOn = received.plus({ days: errorDays });
    if (today >= errorOn) {
      problems.push({
        severity: "error",
        ...at(r, "received", "受理日期"),
        message: `来信受理日期 ${day(received)}，到当前日期 ${day(today)} 已 ${calendarDays} 天未答复（超过 ${errorDays} 天；超过 3 个月未答复属于网站检查单项否决项）。答复后请填写 replied 和 replied_by`,
      });
      continue;
    }
    const warnOn = calendar.addWorkingDays(received, warnWorkingDays);
    if (today >= warnOn)
      problems.push({
        severity: "warning",
        ...at(r, "received", "受理日期"),
        message: `来信受理日期 ${day(received)}，到当前日期 ${day(today)} 已 ${calendar.workingDaysBetween(received, today)} 个工作日未答复（超过 ${warnWorkingDays} 个工作日）；${day(errorOn)} 起仍未答复将导致生成失败`,
      });
  }
  return problems;
}
