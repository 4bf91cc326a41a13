/** Plain page (政府信息公开指南, 概况 …). */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, nonEmpty, reviewByField, summary } from "./fields.ts";

export function pageSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("标题"),
    date: dateTimeField(site, "更新时间：YYYY-MM-DD HH:mm").optional(),
    summary: summary.describe("摘要：一两句话，只用作 Description 元标签，页面上不显示"),
    review_by: reviewByField(site),
    nav: z
      .string()
      .trim()
      .min(1)
      .max(6, { error: "导航名称不能超过 6 个字" })
      .optional()
      .describe("导航名称：写明时本页出现在主导航中，例如 概况"),
    draft,
  });
}
export type PageFields = z.output<ReturnType<typeof pageSchema>>;
