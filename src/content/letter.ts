/**
 * 留言办理 (letter): one letter from the public and its reply (content/letters/<year>/<name>.md).
 * The Markdown body is the 答复内容. 《政府网站发展指引》 asks the portal to publish
 * "受理日期、答复日期、答复部门、答复内容以及有关统计数据": those are the required fields.
 * Letters with `public: false` get no page but still count in the statistics (docs/letters.md).
 */
import { z } from "zod";
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, nonEmpty, oneOf, summary } from "./fields.ts";

export const LETTER_KINDS = ["咨询", "投诉", "建议", "求助"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function letterSchema(site: Site) {
  return z
    .strictObject({
      title: nonEmpty("标题：来信主题，如 关于青松镇自来水水压不足的投诉"),
      kind: z
        .enum(LETTER_KINDS, { error: `应为：${LETTER_KINDS.join("、")}` })
        .describe(`类型：${LETTER_KINDS.join("、")}`),
      public: z
        .boolean({ error: "应为 true 或 false" })
        .describe("是否公开：true 时在网站上公开来信标题和答复；false 时不公开，但仍计入留言办理统计"),
      date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm，公开的来信必填（在网站上发布的时间）").optional(),
      received: dateTimeField(site, "受理日期：YYYY-MM-DD（或 YYYY-MM-DD HH:mm）"),
      received_by: oneOf(site.departments, "受理单位：取值见站点配置 departments"),
      referred_to: z
        .array(oneOf(site.departments, "转办单位"))
        .default([])
        .describe("转办：列表，转交办理的单位，取值见站点配置 departments；可不填"),
      letter_text: z
        .string()
        .trim()
        .min(1, { error: "不能为空" })
        .optional()
        .describe("来信内容：可不填；只有来信人同意公开（consent: true）时才能填写"),
      consent: z.boolean().default(false).describe("来信人同意公开来信内容：true 时才能填写 letter_text"),
      replied: dateTimeField(site, "答复日期：YYYY-MM-DD；尚未答复时不填").optional(),
      replied_by: oneOf(site.departments, "答复单位：取值见站点配置 departments；答复后必填").optional(),
      summary: summary.describe("摘要：一两句话，只用作 Description 元标签，页面上不显示"),
      draft,
    })
    .superRefine((f, ctx) => {
      if (f.public && f.date === undefined)
        ctx.addIssue({ code: "custom", path: ["date"], message: "公开的来信需要填写发布时间（date）" });
      if (f.letter_text !== undefined && !f.consent)
        ctx.addIssue({
          code: "custom",
          path: ["letter_text"],
          message: "来信内容只有在来信人同意公开时才能发布：请确认同意后填写 consent: true，否则删除 letter_text",
        });
      if (f.replied !== undefined && f.replied_by === undefined)
        ctx.addIssue({ code: "custom", path: ["replied_by"], message: "已填写答复日期，还需要填写答复单位（replied_by）" });
      if (f.replied === undefined && f.replied_by !== undefined)
        ctx.addIssue({ code: "custom", path: ["replied"], message: "已填写答复单位，还需要填写答复日期（replied）" });
      if (f.replied !== undefined && f.replied < startOfDay(f.received, site.timeZone))
        ctx.addIssue({
          code: "custom",
          path: ["replied"],
          message: `答复日期 ${dayOf(f.replied, site.timeZone)} 早于受理日期 ${dayOf(f.received, site.timeZone)}`,
        });
    });
}
export type LetterFields = z.output<ReturnType<typeof letterSchema>>;

/** A reply on the day of receipt is fine whatever the hours say: compare days. */
const startOfDay = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).startOf("day").toMillis();
const dayOf = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd");
