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
      return ms;
    })
    .describe(label);
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

export const summary = z.string().trim().max(300, { error: "摘要不能超过 300 字" }).optional().describe("摘要：一两句话，显示在列表和 Description 元标签中");

export const draft = z.boolean().default(false).describe("草稿：true 时不发布");
