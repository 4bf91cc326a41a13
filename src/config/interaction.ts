/**
 * Rules of 意见征集 and 政策解读 a site may tighten (issue 15; domain.md §6): the consultation
 * period, the grace period for publishing its outcome, and which policy kinds must have a 解读
 * within how many working days.
 */
import { z } from "zod";

/**
 * The policy kinds a 解读 can be required of: POLICY_KINDS of src/content/policy.ts but 政策解读
 * (written out: the policy schema reads the site settings, so importing it here would be a cycle).
 */
export const INTERPRETABLE_KINDS = ["行政规范性文件", "规章", "其他文件"] as const;

export const consultationRulesSchema = z
  .strictObject({
    /** 公开征求意见的期限不得少于30日: a shorter period must be declared with its reason. */
    minDays: z.number().int().min(1).default(30),
    /**
     * Days after the end date by which the 结果反馈 (收到意见数, 采纳情况) must be published: a
     * closed consultation without one is a warning until then, an error after.
     */
    feedbackDays: z.number().int().min(0).default(30),
  })
  .default(() => ({ minDays: 30, feedbackDays: 30 }));

export const interpretationRulesSchema = z
  .strictObject({
    /** Policy kinds every published document of which should have a 解读 (行政规范性文件 by rule). */
    kinds: z.array(z.enum(INTERPRETABLE_KINDS)).default(["行政规范性文件"]),
    /** 最迟应在政策文件公开发布后3个工作日内发布: the window, in working days. */
    workingDays: z.number().int().min(0).default(3),
    /**
     * Documents published before this day (YYYY-MM-DD) raise no warning (they came with the
     * migration, when the rule was not yet kept); they still count in the coverage and its audit lists.
     */
    since: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "应为日期 YYYY-MM-DD" })
      .optional(),
  })
  .default(() => ({ kinds: ["行政规范性文件" as const], workingDays: 3 }));

export type ConsultationRules = z.output<typeof consultationRulesSchema>;
export type InterpretationRules = z.output<typeof interpretationRulesSchema>;
