/** Policy document (政府信息公开目录): the metadata of domain.md §3. */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { attachments, dateTimeField, draft, nonEmpty, oneOf, summary, topicsField } from "./fields.ts";
import { checkInterpretationForm, interpretationFields } from "./interpretation.ts";

export const POLICY_KINDS = ["行政规范性文件", "规章", "其他文件", "政策解读"] as const;
export const VALIDITIES = ["有效", "失效", "废止"] as const;

/** 发文字号: 机关代字〔年份〕序号号, with the 〔〕 brackets. */
const DOC_NO = /^\S+〔\d{4}〕\d+号$/;

/** 文件变更: the 索引号 of earlier documents this one amends, repeals or replaces (src/portal/policy-history.ts). */
const history = (label: string) => z.array(z.string().trim().min(1)).default([]).describe(label);

export function policySchema(site: Site) {
  const indexNo = new RegExp(site.indexNoPattern);
  return z
    .strictObject({
      title: nonEmpty("标题"),
      index_no: z
        .string()
        .trim()
        .regex(indexNo, { error: `索引号格式不对，应匹配站点配置的 indexNoPattern（${site.indexNoPattern}），例如 11152200MB0000001X/2025-00012` })
        .describe("索引号：前段码/年份-流水号，全站唯一且不再改变"),
      category: oneOf(site.categories, "主题分类：取值见站点配置 categories"),
      issuer: oneOf(site.departments, "发文机关：取值见站点配置 departments"),
      doc_no: z
        .string()
        .trim()
        .regex(DOC_NO, { error: "发文字号格式不对，应为 机关代字〔年份〕序号号，例如 白政发〔2025〕3号（注意使用〔〕）" })
        .optional()
        .describe("发文字号：如 白政发〔2025〕3号，全站唯一"),
      written: dateTimeField(site, "成文日期：YYYY-MM-DD"),
      date: dateTimeField(site, "发布日期：YYYY-MM-DD HH:mm"),
      kind: z.enum(POLICY_KINDS, { error: `应为：${POLICY_KINDS.join("、")}` }).describe("文件类型：行政规范性文件、规章、其他文件 或 政策解读"),
      validity: z.enum(VALIDITIES, { error: `应为：${VALIDITIES.join("、")}` }).default("有效").describe("有效性：有效、失效 或 废止"),
      validity_changed: dateTimeField(site, "有效性变更日期：失效或废止的日期，YYYY-MM-DD").optional(),
      department: oneOf(site.departments, "发布机构：取值见站点配置 departments"),
      keywords: z.array(z.string().trim().min(1)).default([]).describe("主题词：列表"),
      summary: summary.describe("内容概述：一两句话"),
      topics: topicsField(site),
      interprets: z.string().trim().optional().describe("所解读文件的索引号：仅政策解读填写"),
      amends: history("修改的文件：本文件修改的文件的索引号列表（原文件仍有效）"),
      repeals: history("废止的文件：本文件废止的文件的索引号列表（原文件有效性应为“废止”）"),
      replaces: history("替代的文件：本文件替代的旧文件的索引号列表（旧文件有效性应为“失效”或“废止”）"),
      ...interpretationFields,
      attachments,
      draft,
    })
    .superRefine((doc, ctx) => {
      if (doc.validity !== "有效" && doc.validity_changed === undefined) {
        ctx.addIssue({ code: "custom", path: ["validity_changed"], message: `有效性为“${doc.validity}”时必须填写变更日期 validity_changed` });
      }
      if (doc.validity_changed !== undefined && doc.validity_changed < doc.written) {
        ctx.addIssue({ code: "custom", path: ["validity_changed"], message: "有效性变更日期不能早于成文日期" });
      }
      if (doc.kind === "政策解读" && !doc.interprets) {
        ctx.addIssue({ code: "custom", path: ["interprets"], message: "政策解读必须用 interprets 填写所解读文件的索引号" });
      }
      if (doc.kind !== "政策解读" && doc.interprets) {
        ctx.addIssue({ code: "custom", path: ["interprets"], message: "只有文件类型为“政策解读”时才能填写 interprets" });
      }
      checkInterpretationForm(doc, (key, message) => ctx.addIssue({ code: "custom", path: [key], message }));
    });
}
export type PolicyFields = z.output<ReturnType<typeof policySchema>>;
