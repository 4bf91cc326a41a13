/**
 * Field schemas shared by several content types. Each `describe()` text starts with the field's
 * Chinese label, then a colon: the label names the field in error messages, the whole text
 * documents it in README and in the JSON Schema editors get.
 */
import { z } from "zod";
import { DateTime } from "luxon";
import type { Keyed, Site } from "../config/schema.ts";
import { parseLocalMillis } from "./local-time.ts";
import { closestName } from "../problems/edit-distance.ts";

/**
 * Parses an editor's date in the site's zone (`yyyy-MM-dd`, optionally ` HH:mm[:ss]` or with `T`);
 * null when the text is no real date.
 */
export function parseLocalDate(text: string, zone: string): DateTime | null {
  const ms = parseLocalMillis(text, zone);
  return ms === null ? null : DateTime.fromMillis(ms, { zone });
}

/**
 * A date or date-time written as `2025-03-12 09:30` (or `2025-03-12`), read in the site's zone.
 * Becomes epoch milliseconds; impossible dates (2025-02-30) are errors.
 */
export function dateTimeField(site: Site, label: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : `应为日期，例如 2025-03-12 09:30`) })
    .meta({ examples: ["2025-03-12 09:30"] })
    .transform((text, ctx) => {
      const ms = parseLocalMillis(text, site.timeZone);
      if (ms === null) {
        const shaped = /^\d{4}-\d{2}-\d{2}/.test(text.trim());
        ctx.addIssue({
          code: "custom",
          message: shaped ? `日期“${text}”不存在` : `日期“${text}”格式不对，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm`,
        });
        return z.NEVER;
      }
      const earliest = earliestMillis(site);
      if (ms < earliest) {
        ctx.addIssue({
          code: "custom",
          message: `日期“${text}”早于 ${site.earliestDate}（站点配置 earliestDate 规定的最早日期）；年份可能写错了`,
        });
        return z.NEVER;
      }
      return ms;
    })
    .describe(label);
}

const earliestCache = new WeakMap<Site, number>();

/** site.earliestDate as epoch ms in the site's zone (an impossible date in config bounds nothing). */
function earliestMillis(site: Site): number {
  let ms = earliestCache.get(site);
  if (ms === undefined) earliestCache.set(site, (ms = parseLocalMillis(site.earliestDate, site.timeZone) ?? -Infinity));
  return ms;
}

/** One of the names a site config list declares (columns, departments …), reported with the choices. */
export function oneOf(list: readonly Keyed[], label: string) {
  const names = list.map((k) => k.name);
  return z
    .string()
    .refine((v) => names.includes(v), {
      error: (iss) => {
        const guess = closestName(String(iss.input), names);
        return `“${String(iss.input)}”未在站点配置中声明；${guess ? `是否想写“${guess}”？` : ""}应为：${names.join("、")}`;
      },
    })
    // The choices, for the JSON Schema editors get (a refinement alone is invisible there).
    .meta({ enum: names })
    .describe(label);
}

export const nonEmpty = (label: string) => z.string().trim().min(1, { error: "不能为空" }).describe(label);

/**
 * True when a site path could reach outside the output folder once a server or the file system
 * decodes it: `..` segments, backslashes, or their percent-encoded forms (%2e%2e, %2f, %5c).
 */
export function escapesSite(path: string): boolean {
  return /\\|%2e|%2f|%5c|%00/i.test(path) || /(^|\/)\.\.(\/|$)/.test(path);
}

const ESCAPE_MESSAGE = "路径不能包含 ..、反斜杠 \\ 或 %2e、%2f 等编码（不能指向站点目录之外）";

/** A link an editor gives: a root-relative path inside the site, or an http(s) address. */
export const linkTarget = z
  .string()
  .trim()
  .refine((v) => /^\/(?!\/)/.test(v) || /^https?:\/\/[^\s]+$/i.test(v), {
    error: "应为以 / 开头的站内路径（如 /media/a.pdf）或 http(s):// 开头的网址",
  })
  .refine((v) => /^https?:/i.test(v) || !escapesSite(v), { error: ESCAPE_MESSAGE });

/** A file in content/media, referred to by its site path (/media/…). */
export const mediaPath = z
  .string()
  .trim()
  .refine((v) => !escapesSite(v), { error: ESCAPE_MESSAGE, abort: true })
  .refine((v) => /^\/media\/[A-Za-z0-9._/-]+$/.test(v), { error: "应为 /media/ 下的文件路径，只含英文字母、数字和 . _ - /" })
  .meta({ pattern: "^/media/[A-Za-z0-9._/-]+$" });

export const image = z
  .strictObject({
    src: mediaPath.describe("图片地址：/media/ 下的图片文件"),
    alt: nonEmpty("替代文本：图片内容的文字说明（无障碍要求，必填）"),
  })
  .describe("图片：{ src, alt }");

export const attachments = z
  .array(
    z.strictObject({
      title: nonEmpty("附件名称"),
      file: mediaPath.describe("附件文件：/media/ 下的文件路径"),
    }),
  )
  .default([])
  .describe("附件：列表，每项 { title, file }");

export function topicsField(site: Site) {
  return z.array(oneOf(site.topics, "专题或主题")).default([]).describe("专题/主题：列表，取值见站点配置 topics，例如 [食品安全]");
}

/**
 * 复核日期 of a 基本信息 page (概况, 机构, 指南): a field any spec can opt into by adding
 * `review_by: reviewByField(site)` to its schema. Past it, `check` warns and `npm run inspect`
 * lists the page (src/check/review-by.ts).
 */
export function reviewByField(site: Site) {
  return dateTimeField(site, "复核日期：YYYY-MM-DD，到期前核对本页内容并把日期改为下次复核日期（基本信息页面）").optional();
}

export const summary = z.string().trim().max(300, { error: "摘要不能超过 300 字" }).optional().describe("摘要：一两句话，显示在页面标题下，并用作 Description 元标签");

export const draft = z.boolean().default(false).describe("草稿：true 时不发布");

/** One step of a sign-off: who, and when. */
function signature(site: Site, label: string) {
  return z
    .strictObject({
      name: nonEmpty("姓名"),
      date: dateTimeField(site, "日期：YYYY-MM-DD 或 YYYY-MM-DD HH:mm"),
    })
    .describe(label);
}

export const DISCLOSURES = ["主动公开", "依申请公开", "不予公开"] as const;

/**
 * 三审三校 and 保密审查 (条例 第十七条: 先审核、后发布): kept in the repository, checked by
 * src/check/signoff.ts when the site requires it, never shown unless the site says so.
 */
export function reviewField(site: Site) {
  return z
    .strictObject({
      drafted: signature(site, "拟稿：{ name, date }").optional(),
      first: signature(site, "初审：{ name, date }，一般为科室负责人").optional(),
      second: signature(site, "复审：{ name, date }，一般为部门负责人").optional(),
      final: signature(site, "终审/签发：{ name, date }，一般为分管领导").optional(),
      proofreads: z.array(signature(site, "校对：{ name, date }")).default([]).describe("校对：列表，三校填三项"),
      secrecy: z
        .strictObject({
          result: z.enum(["不涉密", "已脱密"], { error: "应为：不涉密、已脱密" }).describe("审查结论：不涉密 或 已脱密"),
          name: nonEmpty("审查人"),
          date: dateTimeField(site, "审查日期：YYYY-MM-DD"),
        })
        .optional()
        .describe("保密审查：{ result, name, date }"),
      disclosure: z
        .enum(DISCLOSURES, { error: `应为：${DISCLOSURES.join("、")}` })
        .optional()
        .describe("公开属性：主动公开、依申请公开 或 不予公开；只有主动公开的内容才能发布"),
    })
    .optional()
    .describe("审核记录：三审三校和保密审查，见 docs/wording.md");
}

/** Fields every content type takes: the pre-publication record of issue 16. */
export function publishingFields(site: Site) {
  return {
    review: reviewField(site),
    wording_ignore: z
      .array(
        z.strictObject({
          text: nonEmpty("被忽略的写法：与报告中引号内的文字相同"),
          reason: nonEmpty("理由：为什么这里的写法是对的，例如“引用原文”"),
        }),
      )
      .default([])
      .describe("忽略的用语提示：列表，每项 { text, reason }，只对本文件有效"),
    archive_import: z
      .string()
      .trim()
      .min(1, { error: "不能为空" })
      .optional()
      .describe("历史稿件导入说明：从旧网站迁移等原因，发布日期早于文件入库时间时必须填写"),
    share: shareField,
  };
}

/** A site key of the platform (platform.config.ts `sites[].key`); checked there (src/platform/shares.ts). */
const shareTarget = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { error: "应为站群中站点的键（platform.config.ts 中 sites 的 key）" });

/**
 * 信息共享: other sites of the platform that publish this item too, as a copy whose canonical URL
 * is this one (docs/platform.md). A site key, or { site, column } to place it in another column.
 */
const shareField = z
  .array(z.union([shareTarget, z.strictObject({ site: shareTarget, column: z.string().min(1).optional() })]))
  .optional()
  .describe("共享到：站群中同时发布本条信息的其他站点的键，或 { site, column } 指定对方栏目");
