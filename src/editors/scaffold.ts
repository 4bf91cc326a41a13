/**
 * The file `npm run new` writes for each content type: every required field present, dated now in
 * the site's zone, `draft: true`, and 【待填写】 placeholders where only the editor knows the value.
 * The result validates (it can be previewed at once); `npm run check` then lists every placeholder
 * left — as a warning while the item is a draft, as an error once it would be published.
 * Choices from the site config are listed in a comment beside the field; optional fields follow
 * as comments to uncomment.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Keyed, Site } from "../config/schema.ts";
import { CONTENT_TYPES, type ContentType } from "../content/types.ts";
import { PLACEHOLDER as TODO, PLACEHOLDER_MEDIA, PLACEHOLDER_PHONE } from "../content/placeholders.ts";
import { POLICY_KINDS } from "../content/policy.ts";
import { REPORT_SECTIONS } from "../content/report-tables.ts";

export interface ScaffoldOptions {
  site: Site;
  type: ContentType;
  title: string;
  /** ASCII file name without .md; a date-based one when absent. */
  name?: string;
  /** The clock (epoch ms): the item's date. */
  now: number;
  /** Absolute path of content/, to avoid existing files and to number things. */
  contentDir: string;
  /** 索引号 already used (to propose the next serial number). */
  indexNos?: readonly string[];
}

export class ScaffoldError extends Error {}

const SEGMENT = /^[a-z0-9][a-z0-9-]*$/;
const q = (text: string) => JSON.stringify(text);
const choices = (list: readonly Keyed[]) => `  # 可选：${list.map((k) => k.name).join("、")}`;

function first(list: readonly Keyed[], what: string): string {
  if (!list[0]) throw new ScaffoldError(`站点配置中没有任何${what}，无法新建此类内容`);
  return list[0].name;
}

/** The next 索引号: the prefix most used, this year, the serial after the highest; else one matching the pattern. */
export function nextIndexNo(site: Site, year: number, used: readonly string[]): string {
  const pattern = new RegExp(site.indexNoPattern);
  const prefixes = new Map<string, number>();
  const serials = new Map<string, number>();
  for (const indexNo of used) {
    const m = indexNo.match(/^(.+)\/(\d{4})-(\d+)$/);
    if (!m) continue;
    prefixes.set(m[1], (prefixes.get(m[1]) ?? 0) + 1);
    if (Number(m[2]) === year) serials.set(m[1], Math.max(serials.get(m[1]) ?? 0, Number(m[3])));
  }
  const prefix = [...prefixes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const serial = prefix === undefined ? 0 : (serials.get(prefix) ?? 0);
  const candidates = prefix ? [prefix] : Array.from({ length: 18 }, (_, i) => "0".repeat(18 - i));
  const next = String(serial + 1).padStart(5, "0");
  return candidates.map((p) => `${p}/${year}-${next}`).find((c) => pattern.test(c)) ?? `${TODO}索引号`;
}

function fieldsFor(o: ScaffoldOptions, stamp: DateTime): string[] {
  const { site } = o;
  const date = `date: ${stamp.toFormat("yyyy-MM-dd HH:mm")}`;
  const departments = choices(site.departments);
  switch (o.type) {
    case "news":
      return [
        date,
        `column: ${first(site.columns, "栏目")}${choices(site.columns)}`,
        `source: ${q(`${TODO}来源，如 ${site.departments[0]?.name ?? "市政府办公室"}`)}`,
        `department: ${first(site.departments, "部门")}${departments}`,
        `topics: []${site.topics.length ? choices(site.topics) : ""}`,
        `# summary: 一两句话摘要`,
        `# author: 编辑姓名`,
        `# cover: { src: /media/images/example.jpg, alt: 图片内容说明 }`,
        `# attachments:`,
        `#   - { title: 附件名称, file: /media/attachments/example.pdf }`,
      ];
    case "policy":
      return [
        `index_no: ${q(nextIndexNo(site, stamp.year, o.indexNos ?? []))}`,
        `category: ${first(site.categories, "主题分类")}${choices(site.categories)}`,
        `issuer: ${first(site.departments, "部门")}${departments}`,
        `# doc_no: 白政发〔${stamp.year}〕1号`,
        `written: ${stamp.toFormat("yyyy-MM-dd")}`,
        date,
        `kind: ${POLICY_KINDS[0]}  # 可选：${POLICY_KINDS.join("、")}`,
        `validity: 有效  # 可选：有效、失效、废止`,
        `department: ${first(site.departments, "部门")}${departments}`,
        `keywords: []`,
        `topics: []`,
        `# summary: 内容概述`,
        `# interprets: 被解读文件的索引号（仅政策解读）`,
        `# attachments:`,
        `#   - { title: 附件名称, file: /media/attachments/example.pdf }`,
      ];
    case "video":
      return [
        date,
        `kind: ${first(site.videoKinds, "视频类型")}${choices(site.videoKinds)}`,
        `department: ${first(site.departments, "部门")}${departments}`,
        `source: ${q(`${TODO}来源`)}`,
        `video: ${PLACEHOLDER_MEDIA}video.mp4`,
        `poster: { src: ${PLACEHOLDER_MEDIA}poster.jpg, alt: ${q(`${TODO}封面画面说明`)} }`,
        `duration: "00:00"  # 时长 mm:ss`,
        `captions: ${PLACEHOLDER_MEDIA}captions.vtt`,
        `topics: []`,
        `# summary: 一两句话摘要`,
      ];
    case "guide": {
      const list = (label: string) => `[${q(`${TODO}${label}`)}]`;
      return [
        `item_type: ${first(site.guideTypes, "事项类型")}${choices(site.guideTypes)}`,
        `department: ${first(site.departments, "部门")}${departments}`,
        date,
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
    }
    case "periodical":
      return [
        `periodical: ${first(site.periodicals, "刊物")}${choices(site.periodicals)}`,
        `issue: 1  # 当年第几期`,
        date,
        `pdf: ${PLACEHOLDER_MEDIA}issue.pdf`,
        `# summary: 本期要目`,
      ];
    case "topic":
      return [
        `topic: ${topicOf(o).name}`,
        date,
        `# summary: 专题简介`,
        `# banner: { src: /media/images/banner.jpg, alt: 图片内容说明 }`,
      ];
    case "page":
      return [date];
    case "report":
      // A report covers the previous calendar year; tables default to zeros (docs/tallies.md lists every row).
      return [
        `published: ${stamp.toFormat("yyyy-MM-dd")}`,
        `figures: {}  # 统计表中手工填报行的键 → 数值`,
        `# table2: { permits: 0, penalties: 0, coercions: 0, fees: 0 }`,
        `# table3: / table4: 见 docs/tallies.md`,
      ];
  }
}

function topicOf(o: ScaffoldOptions): Keyed {
  const specials = o.site.topics.filter((t) => t.group === "专题");
  if (!specials.length) throw new ScaffoldError("站点配置 topics 中没有分组为“专题”的专题，无法新建专题页");
  if (o.name) {
    const topic = specials.find((t) => t.key === o.name);
    if (!topic)
      throw new ScaffoldError(
        `专题页的文件名必须是站点配置中专题的键：${specials.map((t) => t.key).join("、")}`,
      );
    return topic;
  }
  const free = specials.find((t) => !existsSync(path.join(o.contentDir, "topics", `${t.key}.md`)));
  if (!free) throw new ScaffoldError("每个专题都已有专题页；请先在站点配置 topics 中添加专题");
  return free;
}

/** Where the file goes, under content/. */
function relPath(o: ScaffoldOptions, stamp: DateTime): string {
  const folder = CONTENT_TYPES[o.type].folder;
  if (o.type === "topic") return `${folder}/${topicOf(o).key}.md`;
  if (o.type === "report") {
    const rel = `${folder}/${o.name ?? stamp.year - 1}.md`;
    if (o.name !== undefined && !/^\d{4}$/.test(o.name))
      throw new ScaffoldError("年度报告的文件名应为年份，例如 --name 2025");
    if (existsSync(path.join(o.contentDir, rel))) throw new ScaffoldError(`content/${rel} 已存在`);
    return rel;
  }
  if (o.name !== undefined && !SEGMENT.test(o.name)) {
    throw new ScaffoldError(
      `文件名“${o.name}”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）`,
    );
  }
  const dir = {
    news: `${folder}/${stamp.year}`,
    policy: `${folder}/${stamp.year}`,
    video: `${folder}/${stamp.year}`,
    periodical: `${folder}/${o.site.periodicals[0]?.key ?? ""}`,
    guide: folder,
    page: folder,
  }[o.type];
  // Like the sample portal's files (news/2025/0312-spring-ploughing.md): the year is already the folder.
  const base = o.name ?? stamp.toFormat(dir.endsWith(`/${stamp.year}`) ? "MMdd-HHmm" : "yyyyMMdd-HHmm");
  for (let n = 1; ; n++) {
    const rel = `${dir}/${n === 1 ? base : `${base}-${n}`}.md`;
    if (!existsSync(path.join(o.contentDir, rel))) return rel;
    if (o.name !== undefined) throw new ScaffoldError(`content/${rel} 已存在；请换一个 --name`);
  }
}

export function scaffold(o: ScaffoldOptions): { rel: string; text: string } {
  if (!o.title.trim()) throw new ScaffoldError("请给出标题：npm run new -- <类型> <标题>");
  const stamp = DateTime.fromMillis(o.now, { zone: o.site.timeZone });
  const rel = relPath(o, stamp);
  const body =
    o.type === "report"
      ? REPORT_SECTIONS.map((heading) => `## ${heading}\n\n${TODO}正文。\n`).join("\n")
      : `${TODO}正文。\n`;
  const lines = [
    "---",
    `title: ${q(o.title.trim())}`,
    ...fieldsFor(o, stamp),
    "draft: true  # 草稿：检查无误后删除此行或改为 false 才会发布",
    "---",
    "",
    body,
  ];
  return { rel, text: lines.join("\n") };
}
