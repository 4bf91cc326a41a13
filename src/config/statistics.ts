/**
 * The rows of the yearly statistics table (政务公开工作统计表, seed layout 指标名称 · 完成情况),
 * declared in site config. A row either counts published items with a tally query, or shows a
 * manual figure that an editor enters for the year in content/reports/<year>.md (`figures:`).
 */
import { z } from "zod";

/** ASCII key of a row: its audit page is /statistics/<year>/<key>/, its manual figure `figures.<key>`. */
const rowKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, { error: "应为小写英文字母开头、由字母数字和连字符组成的键（用于网址）" });

const oneOrMany = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/** Policy measures of the annual report's table 二 (第二十条第（一）项). */
export const POLICY_MEASURES = ["issued", "repealed", "valid"] as const;
export type PolicyMeasure = (typeof POLICY_MEASURES)[number];

/**
 * A tally query: exactly one dimension. Lists add up disjoint tallies (an item has one column, one
 * kind, one department …); topics are not disjoint (an item can carry two), so a topic query names one.
 * Names are the Chinese names of site config (columns, topics …).
 */
export const tallyQuerySchema = z.union([
  /** Every published item of the counted types in the year (news, policy, video, guide, periodical). */
  z.strictObject({ all: z.literal(true) }),
  /** Items of these content types: the types whose spec counts them (src/content-types/; checked with the content). */
  z.strictObject({ type: oneOrMany }),
  z.strictObject({ column: oneOrMany }),
  z.strictObject({ videoKind: oneOrMany }),
  z.strictObject({ periodical: oneOrMany }),
  z.strictObject({ topic: z.string().min(1) }),
  z.strictObject({ department: oneOrMany }),
  /** Guides of these 事项类型: published in the year, or listed (published by the end of the year: the catalogue's size, the seed's meaning). */
  z.strictObject({ guideType: oneOrMany, measure: z.enum(["published", "listed"]).default("published") }),
  /** Policy documents of these kinds: 本年制发 (issued), 本年废止 (repealed, 失效 included) or 现行有效 at the end of the year (valid). */
  z.strictObject({ policyKind: oneOrMany, measure: z.enum(POLICY_MEASURES).default("issued") }),
]);
export type TallyQuery = z.output<typeof tallyQuerySchema>;

export const statisticsRowSchema = z.strictObject({
  /** ASCII key: URL of the audit list and the name of the manual figure in the report file. */
  key: rowKey,
  /** 指标名称 as printed: 通过政府网站公开数. */
  label: z.string().min(1),
  /** Unit printed after the label in brackets: 条, 件, 个 … */
  unit: z.string().optional(),
  /** The tally query; without it the row is a manual figure from the report file. */
  count: tallyQuerySchema.optional(),
});
export type StatisticsRow = z.output<typeof statisticsRowSchema>;

/** A section (一、主动公开数量). A section may carry a figure itself (二、依申请公开数量(件) 0): give it a key. */
export const statisticsSectionSchema = z.strictObject({
  title: z.string().min(1),
  key: rowKey.optional(),
  unit: z.string().optional(),
  count: tallyQuerySchema.optional(),
  rows: z.array(statisticsRowSchema).default([]),
});
export type StatisticsSection = z.output<typeof statisticsSectionSchema>;

/** Every row of the table, section rows with a figure included, in table order. */
export function statisticsRows(sections: readonly StatisticsSection[]): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  for (const section of sections) {
    if (section.key)
      rows.push({ key: section.key, label: section.title, unit: section.unit, count: section.count });
    rows.push(...section.rows);
  }
  return rows;
}
