/**
 * 机关 (organ): a department, a town or the government itself, one file per organ
 * (content/organs/<key>.md, the key of its entry in site config `departments`). It carries the
 * 机构职能 record (the Markdown body is 主要职责), the 负责人, and what its 公开平台 needs: the
 * 第十二条 elements of its 指南, its 制度 and its 法定主动公开内容 (docs/organs.md).
 *
 * The 指南 elements are optional here on purpose: a missing one is reported by the organ checks
 * (src/content-types/organ-checks.ts) with the element's name in the message.
 */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import {
  dateTimeField,
  draft,
  image,
  linkTarget,
  mediaPath,
  nonEmpty,
  oneOf,
  reviewByField,
  summary,
} from "./fields.ts";
import { ARTICLE_20 } from "../organs/article-20.ts";
import { POLICY_KINDS } from "./policy.ts";

export const ORGAN_KINDS = ["人民政府", "政府部门", "乡镇", "街道"] as const;

function leaderSchema(site: Site) {
  return z.strictObject({
    name: nonEmpty("姓名"),
    photo: image.describe("照片：{ src, alt }，alt 写明照片内容，例如 张三同志照片"),
    position: nonEmpty("职务：例如 局长、党组书记"),
    duties: z.string().trim().optional().describe("分工：主管或分管的工作"),
    resume: z.string().trim().optional().describe("简历：出生年月、学历、工作经历（Markdown）"),
    from: dateTimeField(site, "任职时间：YYYY-MM-DD"),
    to: dateTimeField(site, "离任时间：YYYY-MM-DD；离任后保留记录，不再显示在现任页面").optional(),
  });
}

const text = (label: string) => z.string().trim().optional().describe(label);

/** 第十二条: 政府信息的分类、编排体系、获取方式，工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式. */
const openGuideSchema = z
  .strictObject({
    classification: text("分类与编排：本机关政府信息的分类和编排体系"),
    access: text("获取方式：主动公开和依申请公开的获取方式"),
    office: z
      .strictObject({
        name: text("工作机构名称：负责政府信息公开工作的机构"),
        address: text("办公地址"),
        hours: text("办公时间"),
        phone: text("联系电话"),
        fax: text("传真号码"),
        online: text("互联网联系方式：电子邮箱或网上申请地址"),
      })
      .optional()
      .describe("政府信息公开工作机构：{ name, address, hours, phone, fax, online }"),
  })
  .describe("政府信息公开指南：第十二条规定的要素");

function categorySchema(site: Site) {
  return z
    .strictObject({
      name: z
        .enum(ARTICLE_20.map((c) => c.name) as [string, ...string[]], {
          error: `应为《条例》第二十条的类别之一：${ARTICLE_20.map((c) => c.name).join("、")}`,
        })
        .describe("类别：《条例》第二十条的类别名称"),
      policy_kinds: z
        .array(z.enum(POLICY_KINDS, { error: `应为 ${POLICY_KINDS.join("、")} 之一` }))
        .optional()
        .describe("政策文件类型：如 [行政规范性文件, 规章]，本机关发布的这些类型的文件"),
      columns: z
        .array(oneOf(site.columns, "栏目"))
        .optional()
        .describe("新闻栏目：本机关在这些栏目发布的信息"),
      guide_types: z
        .array(oneOf(site.guideTypes, "事项类型"))
        .optional()
        .describe("办事指南事项类型：本机关实施的这些类型的事项"),
      topics: z.array(oneOf(site.topics, "专题或主题")).optional().describe("专题/主题：本机关发布的带这些标签的信息"),
      organ_page: z.boolean().optional().describe("机构职能页：true 时本类别列出本机关的机构职能和负责人页面"),
      links: z
        .array(z.strictObject({ title: nonEmpty("链接名称"), url: linkTarget.describe("链接地址") }))
        .optional()
        .describe("其他链接：列表，每项 { title, url }"),
    })
    .describe("法定主动公开内容的一个类别");
}

export function organSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("机构全称：例如 白桦岭市教育局"),
    kind: z
      .enum(ORGAN_KINDS, { error: `应为 ${ORGAN_KINDS.join("、")} 之一` })
      .describe(`机构类型：${ORGAN_KINDS.join("、")}`),
    parent: oneOf(site.departments, "上级机关：站点配置 departments 中的名称").optional(),
    order: z.number().int().optional().describe("排序：数字小的在前，默认按机构类型和文件名"),
    summary: summary.describe("摘要：一两句话，显示在机构页标题下和“机构”名单中机关名称后"),
    units: z
      .array(z.strictObject({ name: nonEmpty("名称"), duties: text("职责") }))
      .default([])
      .describe("内设机构：列表，每项 { name, duties }"),
    address: nonEmpty("办公地址"),
    hours: nonEmpty("办公时间"),
    phone: nonEmpty("电话"),
    fax: text("传真"),
    email: z.email({ error: "应为电子邮件地址" }).optional().describe("邮箱"),
    website: linkTarget.optional().describe("网址"),
    leaders: z.array(leaderSchema(site)).default([]).describe("负责人：列表，离任者写明 to，保留记录"),
    open_guide: openGuideSchema.optional(),
    requests: z
      .strictObject({
        guide: linkTarget.optional().describe("办事指南：依申请公开的办事指南地址"),
        form: mediaPath.optional().describe("申请表：/media/ 下可下载的申请表文件"),
        channel: linkTarget.optional().describe("申请渠道：网上申请地址"),
      })
      .optional()
      .describe("依申请公开：{ guide, form, channel }"),
    rules: z
      .array(z.strictObject({ title: nonEmpty("制度名称"), url: linkTarget.optional().describe("全文地址") }))
      .default([])
      .describe("政府信息公开制度：列表，每项 { title, url }"),
    statutory: z
      .array(categorySchema(site))
      .default([])
      .describe("法定主动公开内容：第二十条的类别，每项写明由哪些内容填充"),
    review_by: reviewByField(site),
    draft,
  });
}
export type OrganFields = z.output<ReturnType<typeof organSchema>>;
export type Leader = OrganFields["leaders"][number];
export type StatutoryCategory = OrganFields["statutory"][number];
