/**
 * 办事指南: procedure guides with the required elements of domain.md §4, listed by name. Counted in
 * the tallies by type, by 事项类型, and as the catalogue's size at the end of each year.
 */
import { guideSchema, type GuideFields } from "../content/guide.ts";
import { byName, urls } from "../portal/urls.ts";
import { PLACEHOLDER as TODO, PLACEHOLDER_PHONE } from "../content/placeholders.ts";
import { guideBody, guideHomeBlock, guideRows } from "../../layouts/detail/guide.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import { guideLists } from "./guide-lists.ts";
import type { TypeSpec } from "./spec.ts";

export const guide: TypeSpec<"guide", GuideFields> = {
  type: "guide",
  folder: "guides",
  label: "办事指南",
  schema: guideSchema,
  section: "guides",
  nav: { label: "办事服务", url: urls.guides, order: 3 },
  detail: {
    layout: guideBody,
    crumbs: (ctx, r) => [
      { label: "办事服务", url: urls.guides },
      { label: r.fields.item_type, url: urls.guideType(byName(ctx.site.guideTypes, r.fields.item_type).key) },
    ],
    article: (r) => ({ source: r.fields.department, keywords: [] }),
    // Who handles it, where and how long: what a searcher needs before opening the guide.
    description: (r) =>
      `${r.fields.title}办事指南：实施主体${r.fields.department}，办理地点${r.fields.location}，承诺${r.fields.promised_days}个工作日办结。`,
  },
  lists: guideLists,
  listRows: guideRows,
  tally: { color: "#7b3fa0", dimension: { name: "guideTypes", value: (r) => r.fields.item_type } },
  sitemap({ site, portal }) {
    const departments = site.departments.filter((d) =>
      portal.byType.guide.some((g) => g.fields.department === d.name),
    );
    return {
      title: "办事服务",
      url: urls.guides,
      children: [
        ...site.guideTypes.map((t) => ({ label: `${t.name}事项`, url: urls.guideType(t.key) })),
        ...departments.map((d) => ({ label: `实施主体：${d.name}`, url: urls.guideDepartment(d.key) })),
      ],
    };
  },
  home: { blocks: guideHomeBlock },
  scaffold: {
    lines({ site, stamp }) {
      const list = (label: string) => `[${q(`${TODO}${label}`)}]`;
      return [
        `item_type: ${first(site.guideTypes, "事项类型")}${choices(site.guideTypes)}`,
        `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
        dateLine(stamp),
        `basis: ${list("设定依据")}`,
        `conditions: ${list("申请条件")}`,
        `materials:`,
        `  - { name: ${q(`${TODO}材料名称`)}, form: 原件, copies: 1, required: true }`,
        `process: ${list("办理流程")}`,
        `location: ${q(`${TODO}办理地点`)}`,
        `hours: ${q(`${TODO}办理时间`)}`,
        `legal_days: 20  # 法定办结时限（工作日）`,
        `promised_days: 10  # 承诺办结时限（工作日），不能长于法定时限`,
        `fee: { charged: false }  # 收费时：{ charged: true, standard: 收费标准, basis: 收费依据 }`,
        `phone: ${q(PLACEHOLDER_PHONE)}`,
        `complaint_phone: ${q(PLACEHOLDER_PHONE)}`,
        `# online_url: https://example.gov.cn/`,
        `# result: 审批结果`,
      ];
    },
    folder: () => "",
  },
};
