/** Periodical issue (《某某讯》第 N 期), usually a PDF. */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, image, mediaPath, nonEmpty, oneOf, summary } from "./fields.ts";

export function periodicalSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("标题：如 《白桦岭讯》2025年第1期"),
    periodical: oneOf(site.periodicals, "刊物：取值见站点配置 periodicals"),
    issue: z.number().int().positive({ error: "期号应为正整数" }).describe("期号：当年第几期"),
    date: dateTimeField(site, "出版时间：YYYY-MM-DD HH:mm"),
    pdf: mediaPath.refine((p) => p.toLowerCase().endsWith(".pdf"), { error: "应为 PDF 文件" }).describe("PDF 文件：/media/ 下的路径"),
    cover: image.optional().describe("封面：{ src, alt }"),
    summary: summary.describe("本期要目"),
    draft,
  });
}
export type PeriodicalFields = z.output<ReturnType<typeof periodicalSchema>>;
