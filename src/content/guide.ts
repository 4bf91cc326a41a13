/** Procedure guide (办事指南): the required elements of domain.md §4. */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, linkTarget, nonEmpty, oneOf, reviewByField, summary } from "./fields.ts";

const lines = (label: string) =>
  z.array(z.string().trim().min(1, { error: "不能为空" })).min(1, { error: "至少需要一项" }).describe(label);

export const MATERIAL_FORMS = ["原件", "复印件", "原件及复印件", "电子件"] as const;

const material = z.strictObject({
  name: nonEmpty("材料名称"),
  form: z.enum(MATERIAL_FORMS, { error: `应为：${MATERIAL_FORMS.join("、")}` }).describe("材料形式：原件、复印件、原件及复印件 或 电子件"),
  copies: z.number().int().min(0).default(1).describe("份数"),
  required: z.boolean().default(true).describe("是否必要：true 为必要材料"),
  note: z.string().trim().optional().describe("备注：来源渠道、填写说明等"),
});

const fee = z
  .strictObject({
    charged: z.boolean().describe("是否收费"),
    standard: z.string().trim().optional().describe("收费标准"),
    basis: z.string().trim().optional().describe("收费依据"),
  })
  .refine((f) => !f.charged || (f.standard && f.basis), { error: "收费事项必须填写收费标准 standard 和收费依据 basis" })
  .describe("收费：{ charged, standard, basis }");

const phone = (label: string) =>
  z.string().trim().regex(/^[0-9+()\-\s—、，,]{5,}$/, { error: "应为电话号码，例如 0482-7121234" }).describe(label);

export function guideSchema(site: Site) {
  return z
    .strictObject({
      title: nonEmpty("事项名称"),
      item_type: oneOf(site.guideTypes, "事项类型：取值见站点配置 guideTypes，例如 行政许可"),
      department: oneOf(site.departments, "实施主体：取值见站点配置 departments"),
      date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm"),
      summary,
      basis: lines("设定依据：列表"),
      conditions: lines("申请条件：列表"),
      materials: z.array(material).min(1, { error: "至少需要一项办理材料" }).describe("办理材料：列表，每项 { name, form, copies, required, note }"),
      process: lines("办理流程：步骤列表"),
      location: nonEmpty("办理地点"),
      hours: nonEmpty("办理时间"),
      legal_days: z.number().int().min(0).describe("法定办结时限：工作日天数"),
      promised_days: z.number().int().min(0).describe("承诺办结时限：工作日天数"),
      fee,
      phone: phone("咨询电话"),
      complaint_phone: phone("监督投诉电话"),
      online_url: linkTarget.optional().describe("网办地址：http(s) 网址"),
      result: z.string().trim().optional().describe("审批结果：如 食品经营许可证"),
      review_by: reviewByField(site),
      draft,
    })
    .superRefine((g, ctx) => {
      if (g.promised_days > g.legal_days) {
        ctx.addIssue({ code: "custom", path: ["promised_days"], message: `承诺办结时限（${g.promised_days} 天）不能长于法定办结时限（${g.legal_days} 天）` });
      }
    });
}
export type GuideFields = z.output<ReturnType<typeof guideSchema>>;
