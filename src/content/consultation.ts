/**
 * 意见征集 (public consultation on a draft): the period (开始/截止, at least 30 days unless a
 * shorter one is declared with its reason), the draft as body or attachment, how to submit, and
 * the 结果反馈 published after it closed (收到意见数, 采纳情况, reasons for 未采纳).
 */
import { z } from "zod";
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import { attachments, dateTimeField, draft, nonEmpty, oneOf, summary, topicsField } from "./fields.ts";

export const CHANNEL_KINDS = ["电子邮件", "网址", "信函", "电话", "传真"] as const;

/** Whole days from the start day to the end day, both counted (3-01 to 3-30 is 30 days). */
export function periodDays(start: number, end: number, zone: string): number {
  const day = (ms: number) => DateTime.fromMillis(ms, { zone }).startOf("day");
  return Math.round(day(end).diff(day(start), "days").days) + 1;
}

const channel = z
  .strictObject({
    kind: z.enum(CHANNEL_KINDS, { error: `应为：${CHANNEL_KINDS.join("、")}` }).describe(`方式：${CHANNEL_KINDS.join("、")}`),
    value: nonEmpty("地址或号码：邮箱、网址（https://…）、通信地址或电话号码"),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "电子邮件" && !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(c.value))
      ctx.addIssue({ code: "custom", path: ["value"], message: `“${c.value}”不是电子邮件地址` });
    if (c.kind === "网址" && !/^https?:\/\/[^\s<>"]+$/i.test(c.value))
      ctx.addIssue({ code: "custom", path: ["value"], message: "网址应以 http:// 或 https:// 开头" });
  })
  .describe("意见提交方式：{ kind, value }");

function feedbackSchema(site: Site) {
  return z
    .strictObject({
      date: dateTimeField(site, "反馈发布日期：YYYY-MM-DD"),
      received: z.number().int().min(0, { error: "应为 0 或正整数" }).describe("收到意见数：条"),
      adopted: z.number().int().min(0, { error: "应为 0 或正整数" }).describe("采纳数：全部或部分采纳的意见条数"),
      summary: nonEmpty("采纳情况：采纳了哪些意见、草案作了哪些修改"),
      rejected: z
        .array(
          z.strictObject({
            opinion: nonEmpty("意见：未采纳意见的概括"),
            reason: nonEmpty("未采纳理由"),
          }),
        )
        .default([])
        .describe("未采纳的意见及理由：列表，每项 { opinion, reason }"),
    })
    .superRefine((f, ctx) => {
      if (f.adopted > f.received)
        ctx.addIssue({ code: "custom", path: ["adopted"], message: `采纳数 ${f.adopted} 大于收到意见数 ${f.received}` });
      if (f.adopted < f.received && f.rejected.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["rejected"],
          message: `收到 ${f.received} 条意见、采纳 ${f.adopted} 条，须在 rejected 中列出未采纳的意见及理由`,
        });
    })
    .describe("结果反馈：{ date, received, adopted, summary, rejected }；征集结束后发布");
}

export function consultationSchema(site: Site) {
  const { minDays } = site.consultations;
  return z
    .strictObject({
      title: nonEmpty("标题：如 关于《××办法（征求意见稿）》公开征求意见的公告"),
      date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm"),
      department: oneOf(site.departments, "征集单位：取值见站点配置 departments"),
      start: dateTimeField(site, "开始日期：YYYY-MM-DD"),
      end: dateTimeField(site, "截止日期：YYYY-MM-DD（当天 24 时截止）"),
      short_period_reason: z
        .string()
        .trim()
        .min(1, { error: "不能为空" })
        .optional()
        .describe(`征集期少于 ${minDays} 日的理由：法律法规另有规定或情况紧急时填写`),
      channels: z.array(channel).min(1, { error: "至少填写一种意见提交方式" }).describe("意见提交方式：列表，每项 { kind, value }"),
      feedback: feedbackSchema(site).optional(),
      summary,
      topics: topicsField(site),
      attachments: attachments.describe("附件：征求意见稿、起草说明等，列表，每项 { title, file }"),
      draft,
    })
    .superRefine((c, ctx) => {
      if (c.end < c.start) {
        ctx.addIssue({ code: "custom", path: ["end"], message: "截止日期早于开始日期" });
        return;
      }
      const days = periodDays(c.start, c.end, site.timeZone);
      if (days < minDays && c.short_period_reason === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["end"],
          message: `征集期只有 ${days} 日，少于 ${minDays} 日；公开征求意见的期限不得少于 ${minDays} 日，确需缩短的请在 short_period_reason 中说明理由`,
        });
      if (c.feedback && c.feedback.date < c.end)
        ctx.addIssue({ code: "custom", path: ["feedback", "date"], message: "结果反馈的发布日期早于征集截止日期" });
    });
}
export type ConsultationFields = z.output<ReturnType<typeof consultationSchema>>;
