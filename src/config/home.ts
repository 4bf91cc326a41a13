/**
 * The home page's order of blocks (`home` in site.config.ts): rows of one to three blocks, each a
 * kind of block the generator knows (layouts/home/) or a `custom` one the site renders itself
 * (theme.overrides.homeBlocks). Above the rows: the 头条 (the latest news marked `headline`) and the
 * 焦点图 strip (the latest news with a `cover`), both fed from content, never rotating.
 */
import { z } from "zod";
/** A site path (/contact/) or an http(s) address; no way out of the site (.., backslashes, encodings). */
const linkTarget = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || (/^\/(?!\/)/.test(v) && !/\.\.|\\|%2e|%2f|%5c/i.test(v)), {
    error: "应为以 / 开头的站内路径（如 /contact/）或 http(s):// 开头的网址",
  });

const count = (fallback: number) => z.number().int().min(1).max(20).default(fallback);
/** How much of its row a block takes on a desktop (rows stack into one column on phones). */
const span = z.enum(["third", "half", "two-thirds", "full"]).default("third");

export const homeBlockSchema = z.discriminatedUnion("type", [
  z.strictObject({
    /** The 焦点图: the latest news with a cover, one large and the others small (home.focus of them). */
    type: z.literal("focus"),
    span,
  }),
  z.strictObject({
    /** The latest news of one or more columns; several become tabs (a plain list of lists without JS). */
    type: z.literal("news"),
    /** Column keys (columns[].key). */
    columns: z.array(z.string().min(1)).min(1),
    count: count(7),
    span,
  }),
  z.strictObject({
    /** Policy documents and interpretations, as two tabs. */
    type: z.literal("policies"),
    count: count(6),
    span,
  }),
  z.strictObject({
    /** Entries to the 政府信息公开 platform: 指南, 制度, 目录, 年报, statistics. */
    type: z.literal("open-government"),
    span,
  }),
  z.strictObject({
    /** 办事服务 by audience (home.services), with popular items and the online service hall. */
    type: z.literal("services"),
    span,
  }),
  z.strictObject({
    /** 互动交流 entries (home.interaction) and the 找错 link. */
    type: z.literal("interaction"),
    span,
  }),
  z.strictObject({ type: z.literal("videos"), count: count(4), span }),
  z.strictObject({ type: z.literal("topics"), span }),
  z.strictObject({
    /** A block the site renders itself: theme.overrides.homeBlocks[name]. */
    type: z.literal("custom"),
    name: z.string().min(1),
    span,
  }),
]);

const entry = z.strictObject({
  label: z.string().min(1),
  url: linkTarget,
  /** One short line under the label. */
  note: z.string().optional(),
});

export const homeSchema = z.strictObject({
  /** How many news items with a cover the 焦点图 shows. */
  focus: z.number().int().min(1).max(6).default(3),
  /** Rows of blocks, top to bottom, under the 头条. Without it: `defaultRows` below. */
  rows: z.array(z.array(homeBlockSchema).min(1).max(3)).optional(),
  /** 政府信息公开 entries besides the catalogue, the statistics and the annual report (指南, 制度 …). */
  openGovernment: z.array(entry).default([]),
  services: z
    .strictObject({
      /** The online service hall (在线办理). */
      online: linkTarget.optional(),
      /** 个人办事, 法人办事 …: popular guides by file name (content/guides/<name>.md). */
      audiences: z
        .array(z.strictObject({ name: z.string().min(1), guides: z.array(z.string().min(1)) }))
        .default([]),
    })
    .default({ audiences: [] }),
  /** 互动交流 entries: 咨询建言, 意见征集, 在线访谈, 12345 … */
  interaction: z.array(entry).default([]),
});

export type HomeBlock = z.output<typeof homeBlockSchema>;
export type HomeSettings = z.output<typeof homeSchema>;

/**
 * The rows a site gets without `home.rows`: 焦点图 beside the first three columns as tabs; 办事服务
 * beside 政府信息公开; policies beside the other columns; 互动交流 beside the videos; then 专题.
 */
export function defaultRows(columnKeys: readonly string[]): HomeBlock[][] {
  const [first, rest] = [columnKeys.slice(0, 3), columnKeys.slice(3)];
  return [
    [
      { type: "focus", span: "half" },
      { type: "news", columns: first, count: 8, span: "half" },
    ],
    [
      { type: "services", span: "two-thirds" },
      { type: "open-government", span: "third" },
    ],
    [
      { type: "policies", count: 6, span: rest.length ? "half" : "full" },
      ...(rest.length ? [{ type: "news", columns: rest, count: 6, span: "half" } as const] : []),
    ],
    [
      { type: "interaction", span: "third" },
      { type: "videos", count: 3, span: "two-thirds" },
    ],
    [{ type: "topics", span: "full" }],
  ];
}
