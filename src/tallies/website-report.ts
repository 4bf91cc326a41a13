/**
 * 政府网站工作年度报表 (国办函〔2018〕12号): the national template's sections and rows, each either
 * computed from the records of the year (with the list of exactly the items it counts), taken from
 * site config, or an editor's figure from content/reports/<year>.md (`website:`). The field list is
 * our reading of the template as provinces reproduce it (docs/website-report.md says which rows).
 */
import type { Portal } from "../portal/portal.ts";
import type { ContentRecord } from "../content/types.ts";
import { absoluteUrl } from "../portal/urls.ts";
import { countedTypes } from "./cells.ts";
import { letterTallies } from "./letters.ts";
import { figuresOf } from "./letters.ts";
import { consultationTally, interviewTally } from "./interaction.ts";
import { interpretationCoverage } from "./interpretation.ts";

export type WebsiteValue = number | string;

/** What a computed row counts in one year: its items (the audit list) and, when not their number, its value. */
export interface Computed {
  items: ContentRecord[];
  value?: WebsiteValue;
  /** The audit list's rows: a type whose spec has list rows (letters), or "mixed". */
  style?: string;
}

export interface WebsiteRowSpec {
  /** ASCII key: `website.<key>` in the report file, the audit list /website-report/<year>/<key>/. */
  key: string;
  label: string;
  unit?: string;
  /** 0: a row of the section; 1: a sub-row (其中 …). */
  indent?: 1;
  /** From site config (网站名称, 标识码 …). */
  config?: (portal: Portal) => string;
  /** Counted from the records; undefined when the site has no such items (then an editor's figure). */
  compute?: (c: YearContext) => Computed | undefined;
}

export interface WebsiteSectionSpec {
  title: string;
  rows: WebsiteRowSpec[];
}

export interface YearContext {
  portal: Portal;
  year: number;
}

const inYear = (c: YearContext) => (r: ContentRecord) => r.year === c.year;
/** Whether the build has a type (a site's list may leave out 意见征集 or 在线访谈: then the editor's figure). */
const has = (c: YearContext, type: string) => c.portal.types.some((t) => t.type === type);
const coverageOf = (c: YearContext) => interpretationCoverage(c.portal).find((y) => y.year === c.year);

function lettersOf(c: YearContext) {
  return letterTallies(c.portal).byYear.get(c.year);
}

export const WEBSITE_REPORT: WebsiteSectionSpec[] = [
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
          return { items: c.portal.records.filter((r) => counted.has(r.type) && r.year === c.year) };
        },
      },
      { key: "info-overview", label: "其中：概况类信息更新量", unit: "条", indent: 1 },
      {
        key: "info-news",
        label: "其中：政务动态信息更新量",
        unit: "条",
        indent: 1,
        compute: (c) => {
          const dynamic = new Set(
            c.portal.site.columns.filter((col) => col.kind === "动态").map((col) => col.name),
          );
          return {
            items: c.portal.byType.news.filter((r) => dynamic.has(r.fields.column) && r.year === c.year),
          };
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
  {
    title: "互动交流",
    rows: [
      { key: "unified-platform", label: "是否使用统一平台" },
      {
        key: "letters-received",
        label: "留言办理：收到留言数量",
        unit: "条",
        compute: (c) => ({ items: lettersOf(c)?.total.received ?? [], style: "letter" }),
      },
      {
        key: "letters-completed",
        label: "留言办理：办结留言数量",
        unit: "条",
        compute: (c) => ({ items: lettersOf(c)?.total.answered ?? [], style: "letter" }),
      },
      {
        key: "letters-average",
        label: "留言办理：平均办理时间",
        unit: "天",
        compute: (c) => {
          const y = lettersOf(c);
          const average = y && figuresOf(y.total, c.portal.site.timeZone).averageDays;
          return { items: y?.total.answered ?? [], value: average ?? "—", style: "letter" };
        },
      },
      {
        key: "letters-public",
        label: "留言办理：公开答复数量",
        unit: "条",
        compute: (c) => ({
          items: (lettersOf(c)?.total.answered ?? []).filter((r) => r.fields.public),
          style: "letter",
        }),
      },
      {
        key: "consultations",
        label: "征集调查：征集调查期数",
        unit: "期",
        compute: (c) =>
          has(c, "consultation") ? { items: consultationTally(c.portal, c.year).consultations } : undefined,
      },
      {
        key: "consultation-opinions",
        label: "征集调查：收到意见数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "consultation")) return undefined;
          const t = consultationTally(c.portal, c.year);
          return { items: t.withFeedback, value: t.opinionsReceived };
        },
      },
      {
        key: "consultation-results",
        label: "征集调查：公布调查结果期数",
        unit: "期",
        compute: (c) =>
          has(c, "consultation") ? { items: consultationTally(c.portal, c.year).withFeedback } : undefined,
      },
      {
        key: "interviews",
        label: "在线访谈：访谈期数",
        unit: "期",
        compute: (c) =>
          has(c, "interview") ? { items: interviewTally(c.portal, c.year).interviews } : undefined,
      },
      {
        key: "interview-questions",
        label: "在线访谈：网民留言数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "interview")) return undefined;
          const t = interviewTally(c.portal, c.year);
          return { items: t.interviews, value: t.questionsReceived };
        },
      },
      {
        key: "interview-answers",
        label: "在线访谈：答复网民提问数量",
        unit: "条",
        compute: (c) => {
          if (!has(c, "interview")) return undefined;
          const t = interviewTally(c.portal, c.year);
          return { items: t.interviews, value: t.questionsAnswered };
        },
      },
      { key: "smart-qa", label: "是否提供智能问答功能" },
    ],
  },
  {
    title: "安全防护",
    rows: [
      { key: "security-checks", label: "安全检测评估次数", unit: "次" },
      { key: "security-issues", label: "发现问题数量", unit: "个" },
      { key: "security-fixed", label: "问题整改数量", unit: "个" },
      { key: "security-monitoring", label: "是否建立安全监测预警机制" },
      { key: "security-drills", label: "是否开展应急演练" },
      { key: "security-owner", label: "是否明确网站安全负责人" },
    ],
  },
  {
    title: "移动新媒体",
    rows: [
      { key: "new-media", label: "是否有移动新媒体" },
      { key: "weibo-name", label: "微博：名称" },
      { key: "weibo-posts", label: "微博：信息发布量", unit: "条" },
      { key: "weibo-followers", label: "微博：关注量", unit: "个" },
      { key: "wechat-name", label: "微信：名称" },
      { key: "wechat-posts", label: "微信：信息发布量", unit: "条" },
      { key: "wechat-subscribers", label: "微信：订阅数", unit: "个" },
      { key: "new-media-other", label: "其他" },
    ],
  },
  {
    title: "创新发展",
    rows: [
      { key: "search-service", label: "搜索即服务" },
      { key: "multilingual", label: "多语言版本" },
      { key: "accessibility", label: "无障碍浏览" },
      { key: "personalised", label: "千人千网" },
      { key: "innovation-other", label: "其他" },
    ],
  },
];

/** Every row key of the template (the keys `website:` may name). */
export const WEBSITE_ROW_KEYS: ReadonlySet<string> = new Set(
  WEBSITE_REPORT.flatMap((s) => s.rows.map((r) => r.key)),
);

/** One row as shown for a year. */
export interface WebsiteFigure {
  spec: WebsiteRowSpec;
  /** Undefined: an editor's figure not entered. */
  value: WebsiteValue | undefined;
  source: "computed" | "config" | "manual";
  computed?: Computed;
}

export interface WebsiteSection {
  title: string;
  rows: WebsiteFigure[];
}

const reportCache = new WeakMap<Portal, Map<number, WebsiteSection[]>>();

/** The 年度报表 of one year: computed rows from the records, the rest from config or the report file (once per build and year). */
export function websiteReportOf(portal: Portal, year: number): WebsiteSection[] {
  let years = reportCache.get(portal);
  if (!years) reportCache.set(portal, (years = new Map<number, WebsiteSection[]>()));
  let sections = years.get(year);
  if (!sections) years.set(year, (sections = computeReport(portal, year)));
  return sections;
}

function computeReport(portal: Portal, year: number): WebsiteSection[] {
  const manual = (portal.reports.get(year)?.fields as { website?: Record<string, WebsiteValue> } | undefined)
    ?.website;
  const c: YearContext = { portal, year };
  return WEBSITE_REPORT.map((section) => ({
    title: section.title,
    rows: section.rows.map((spec): WebsiteFigure => {
      const computed = spec.compute?.(c);
      if (computed)
        return { spec, value: computed.value ?? computed.items.length, source: "computed", computed };
      if (spec.config) return { spec, value: spec.config(portal), source: "config" };
      return { spec, value: manual?.[spec.key], source: "manual" };
    }),
  }));
}

/** The years that get a 年度报表: those with statistics or letters. */
export function websiteReportYears(portal: Portal, statisticsYears: readonly number[]): number[] {
  return [...new Set([...statisticsYears, ...letterTallies(portal).years])].sort((a, b) => a - b);
}
