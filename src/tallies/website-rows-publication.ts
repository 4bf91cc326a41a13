/**
 * 政府网站工作年度报表, sections 基本信息 to 办事服务: what is published (信息发布, 专栏专题, 解读回应)
 * and the services offered, mostly counted from the year's records.
 */
import { absoluteUrl } from "../portal/urls.ts";
import type { Portal } from "../portal/portal.ts";
import type { ContentRecord } from "../content/types.ts";
import { countedTypes } from "./cells.ts";
import { coverageOf, inYear, yearRecords, type WebsiteSectionSpec } from "./website-report-spec.ts";

const dynamicOf = new WeakMap<Portal, ReadonlySet<ContentRecord>>();

/**
 * The news of the 动态 columns, from the portal's lists by column (once per portal): not each
 * news item's `fields.column` read again (~31k records at 50k items, every build).
 */
function dynamicNews(portal: Portal): ReadonlySet<ContentRecord> {
  let news = dynamicOf.get(portal);
  if (news) return news;
  const columns = portal.site.columns.filter((col) => col.kind === "动态");
  news = new Set(columns.flatMap((col) => portal.newsByColumn.get(col.name) ?? []));
  dynamicOf.set(portal, news);
  return news;
}

export const PUBLICATION_SECTIONS: WebsiteSectionSpec[] = [
  {
    title: "基本信息",
    rows: [
      { key: "site-name", label: "网站名称", config: (p) => p.site.name },
      { key: "home-url", label: "首页网址", config: (p) => absoluteUrl(p.site, "/") },
      { key: "sponsor", label: "主办单位", config: (p) => p.site.sponsor },
      { key: "site-type", label: "网站类型" },
      { key: "site-id", label: "政府网站标识码", config: (p) => p.site.siteIdCode },
      { key: "icp", label: "ICP备案号", config: (p) => p.site.icp },
      { key: "public-security", label: "公安机关备案号", config: (p) => p.site.publicSecurityRecord },
      { key: "visitors", label: "独立用户访问总量", unit: "个" },
      { key: "visits", label: "网站总访问量", unit: "次" },
    ],
  },
  {
    title: "信息发布",
    rows: [
      {
        key: "info-total",
        label: "总数",
        unit: "条",
        // The statistics' 全部信息: the counted types published in the year.
        compute: (c) => {
          const counted = countedTypes(c.portal.types);
          return { items: yearRecords(c).filter((r) => counted.has(r.type)) };
        },
      },
      { key: "info-overview", label: "其中：概况类信息更新量", unit: "条", indent: 1 },
      {
        key: "info-news",
        label: "其中：政务动态信息更新量",
        unit: "条",
        indent: 1,
        compute: (c) => {
          const dynamic = dynamicNews(c.portal);
          return { items: yearRecords(c).filter((r) => dynamic.has(r)) };
        },
      },
      {
        key: "info-catalogue",
        label: "其中：信息公开目录信息更新量",
        unit: "条",
        indent: 1,
        compute: (c) => ({ items: c.portal.byType.policy.filter(inYear(c)), style: "policy" }),
      },
    ],
  },
  {
    title: "专栏专题",
    rows: [
      {
        key: "topics-maintained",
        label: "维护数量",
        unit: "个",
        compute: (c) => ({ items: c.portal.byType.topic.filter((r) => (r.year ?? 0) <= c.year) }),
      },
      {
        key: "topics-new",
        label: "新开设数量",
        unit: "个",
        compute: (c) => ({ items: c.portal.byType.topic.filter(inYear(c)) }),
      },
    ],
  },
  {
    title: "解读回应",
    rows: [
      {
        key: "interpretations",
        label: "解读信息发布总数",
        unit: "条",
        // Every 解读 published in the year, whatever its form (src/tallies/interpretation.ts).
        compute: (c) => ({ items: coverageOf(c)?.interpretations ?? [], style: "policy" }),
      },
      {
        key: "interpretation-materials",
        label: "其中：解读材料数量",
        unit: "条",
        indent: 1,
        compute: (c) => ({ items: coverageOf(c)?.byForm.get("文字") ?? [], style: "policy" }),
      },
      {
        key: "interpretation-products",
        label: "其中：解读产品数量",
        unit: "个",
        indent: 1,
        compute: (c) => {
          const coverage = coverageOf(c);
          return {
            items: [...(coverage?.byForm.get("图解") ?? []), ...(coverage?.byForm.get("视频") ?? [])],
            style: "policy",
          };
        },
      },
      { key: "media-commentary", label: "其中：媒体评论文章数量", unit: "篇", indent: 1 },
      { key: "responses", label: "回应公众关注热点或重大舆情数量", unit: "次" },
    ],
  },
  {
    title: "办事服务",
    rows: [
      {
        key: "service-catalogue",
        label: "是否发布服务事项目录",
        compute: (c) => {
          const items = c.portal.byType.guide.filter((r) => (r.year ?? 0) <= c.year);
          return { items, value: items.length ? "是" : "否", style: "guide" };
        },
      },
      { key: "service-users", label: "注册用户数", unit: "个" },
      {
        key: "service-items",
        label: "政务服务事项数量",
        unit: "项",
        compute: (c) => ({
          items: c.portal.byType.guide.filter((r) => (r.year ?? 0) <= c.year),
          style: "guide",
        }),
      },
      { key: "service-online", label: "其中：可全程在线办理政务服务事项数量", unit: "项", indent: 1 },
      { key: "cases-total", label: "办件量总数", unit: "件" },
      { key: "cases-persons", label: "其中：自然人办件量", unit: "件", indent: 1 },
      { key: "cases-legal", label: "其中：法人办件量", unit: "件", indent: 1 },
    ],
  },
];
