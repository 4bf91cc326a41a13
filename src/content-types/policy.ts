/**
 * 政策文件: the 政府信息公开目录 (catalogue metadata of domain.md §3), with 政策解读 linked both ways.
 * Counted in the tallies by type and, for the annual report's table 二, by kind (src/tallies/cells.ts).
 */
import { html } from "../html/html.ts";
import { POLICY_KINDS, policySchema, type PolicyFields } from "../content/policy.ts";
import { urls, VALIDITY_KEYS } from "../portal/urls.ts";
import { organUrls } from "../organs/urls.ts";
import { policyBody, policyRows } from "../../layouts/detail/policy.ts";
import { homeBlock } from "../../layouts/parts/home-block.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import { nextIndexNo } from "./policy-index-no.ts";
import { POLICY_FEED_URL, policyLists } from "./policy-lists.ts";
import { policyChecks } from "./policy-checks.ts";
import { policyHistoryChecks } from "./policy-history-checks.ts";
import { policyHistory } from "../portal/policy-history.ts";
import type { TypeSpec } from "./spec.ts";
import type { Portal } from "../portal/portal.ts";
import type { Problem } from "../problems/problems.ts";
import type { DateTime } from "luxon";
import { interpretationProblems } from "./interpretation-checks.ts";
import { dayIn, STALE_NOTICE_MONTHS, warn } from "../check/inspection.ts";

function catalogueFreshness(portal: Portal, clock: DateTime, contentFolder: string): Problem[] {
  const folder = `${contentFolder}/${policy.folder}`;
  const newest = portal.byType.policy.find((p) => p.fields.kind !== "政策解读");
  if (!newest)
    return [warn(folder, "政府信息公开目录", "没有任何已发布的政策文件；空栏目会被网站检查认定为问题")];
  if (newest.publishedAt >= clock.minus({ months: STALE_NOTICE_MONTHS }).toMillis()) return [];
  return [
    warn(
      folder,
      "政府信息公开目录",
      `最近一份政策文件发布于 ${dayIn(portal.site.timeZone)(newest.publishedAt)}（${newest.file}）；政策文件栏目超过 6 个月未更新会被网站检查认定为更新不及时`,
    ),
  ];
}

export const policy: TypeSpec<"policy", PolicyFields> = {
  type: "policy",
  folder: "policies",
  label: "政策文件",
  schema: policySchema,
  section: "policies",
  // The entry opens the 政府信息公开 hub (指南, 制度, 目录, 年报, 依申请公开, every organ's platform).
  nav: { label: "政府信息公开", url: organUrls.hub, order: 2 },
  detail: {
    layout: policyBody,
    crumbs: () => [{ label: "政府信息公开目录", url: urls.policies }],
    article: (r) => ({ source: r.fields.department, keywords: r.fields.keywords }),
  },
  checks: (site, records, isPublished) => [
    ...policyChecks(records, isPublished, site),
    ...policyHistoryChecks(records, isPublished),
  ],
  lists: policyLists,
  listRows: policyRows,
  feeds: (portal) => [
    { url: POLICY_FEED_URL, title: "政策文件", pageUrl: urls.policies, records: portal.byType.policy },
  ],
  feedCategory: (r) => r.fields.category,
  inspect: (portal, clock, contentFolder) => [
    ...catalogueFreshness(portal, clock, contentFolder),
    ...interpretationProblems(portal, clock),
  ],
  search: {
    facets: [{ key: "category", label: "主题分类", order: 50, value: (r) => r.fields.category }],
  },
  tally: { color: "#b5462a" },
  sitemap({ site, portal }) {
    // The same lists the catalogue pages generate: departments appear once they have published something.
    const issuers = site.departments.filter((d) =>
      portal.byType.policy.some((p) => p.fields.issuer === d.name),
    );
    const validities = Object.keys(VALIDITY_KEYS) as (keyof typeof VALIDITY_KEYS)[];
    return {
      title: "政府信息公开",
      url: urls.policies,
      children: [
        { label: "政府信息公开目录", url: urls.policies },
        { label: "政策解读", url: urls.interpretations },
        ...site.categories.map((c) => ({ label: c.name, url: urls.policyCategory(c.key) })),
        ...issuers.map((d) => ({ label: `发文机关：${d.name}`, url: urls.policyIssuer(d.key) })),
        ...validities.map((v) => ({ label: `${v}文件`, url: urls.policyValidity(v) })),
      ],
    };
  },
  home: {
    blocks(ctx) {
      const docs = ctx.portal.byType.policy;
      return html`${homeBlock(ctx, "home-policies", "政策文件", urls.policies, docs.filter((p) => p.fields.kind !== "政策解读").slice(0, 8))}
${homeBlock(ctx, "home-interpretations", "政策解读", urls.interpretations, docs.filter((p) => p.fields.kind === "政策解读").slice(0, 6))}`;
    },
  },
  shownOn(portal, r) {
    const doc = portal.interpretedDocOf.get(r.fields.index_no);
    const history = policyHistory(portal, r);
    return [
      ...(doc ? [doc] : []),
      ...(portal.interpretationsOf.get(r.fields.index_no) ?? []),
      // The documents it changed and those that changed it show a link to it.
      ...history.did.map((h) => h.doc),
      ...history.by.map((h) => h.doc),
    ];
  },
  scaffold: {
    lines: ({ site, stamp, used }) => [
      `index_no: ${q(nextIndexNo(site, stamp.year, used))}`,
      `category: ${first(site.categories, "主题分类")}${choices(site.categories)}`,
      `issuer: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `# doc_no: 白政发〔${stamp.year}〕1号`,
      `written: ${stamp.toFormat("yyyy-MM-dd")}`,
      dateLine(stamp),
      `kind: ${POLICY_KINDS[0]}  # 可选：${POLICY_KINDS.join("、")}`,
      `validity: 有效  # 可选：有效、失效、废止`,
      `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `keywords: []`,
      `topics: []`,
      `# summary: 内容概述`,
      `# interprets: 被解读文件的索引号（仅政策解读）`,
      `# amends: [被本文件修改的文件的索引号]`,
      `# replaces: [被本文件替代的文件的索引号]`,
      `# attachments:`,
      `#   - { title: 附件名称, file: /media/attachments/example.pdf }`,
    ],
    folder: ({ stamp }) => String(stamp.year),
    used: (records) => records.map((r) => r.fields.index_no),
  },
};
