/**
 * Settings of the pre-publication checks (issue 16): the names the site declares for the wording
 * check, its own dictionary entries, the sign-off rule and the honest-dates margin. Everything here
 * is optional; a site that sets nothing still gets the shipped dictionaries and typography warnings.
 */
import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "应为日期 YYYY-MM-DD" });

/** A leader in one office: the same person may be listed once per office held. */
export const leaderSchema = z.strictObject({
  /** Name as it must be written: 张建华. */
  name: z.string().min(2),
  /** Title(s) held in this office: 市长, or [市委副书记, 市长]. */
  title: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** First day in office (YYYY-MM-DD). */
  from: day.optional(),
  /** Last day in office (YYYY-MM-DD); absent while in office. */
  to: day.optional(),
});

export const organSchema = z.strictObject({
  /** Full name: 白桦岭市发展和改革委员会. */
  name: z.string().min(2),
  /** Accepted short names: [市发改委]. */
  short: z.array(z.string().min(2)).default([]),
});

/** A fixed expression with its known wrong form, like the shipped data/wording/*.tsv rows. */
export const termSchema = z.strictObject({
  wrong: z.string().min(2),
  right: z.string().min(1),
  source: z.string().min(1),
});

export const wordingSchema = z
  .strictObject({
    /** 领导信息: a near miss of a name is an error; another leader's title or a past term a warning. */
    leaders: z.array(leaderSchema).default([]),
    /** 机构 full and short names. */
    organs: z.array(organSchema).default([]),
    /** 行政区划 and other place names: 白桦岭市, 温泉街道. */
    places: z.array(z.string().min(2)).default([]),
    /** The site's own dictionary entries, checked like the shipped ones. */
    terms: z.array(termSchema).default([]),
    /** Strings never reported anywhere (a real name that looks like a near miss of a declared one). */
    allow: z.array(z.string().min(1)).default([]),
    /** Typography of official text (GB/T 15834, 15835): warnings unless raised to errors. */
    typography: z.enum(["warning", "error", "off"]).default("warning"),
  })
  .default(() => ({
    leaders: [],
    organs: [],
    places: [],
    terms: [],
    allow: [],
    typography: "warning" as const,
  }));

/** 三审三校 and 保密审查 before publication (条例 第十七条). */
export const reviewSchema = z
  .strictObject({
    /** Content types that need a `review` block to be published: ["news", "policy"], or ["all"]. */
    types: z.array(z.string()).default([]),
    /** How many 校对 (proofreading) entries an item needs (三校: 3). */
    proofreads: z.number().int().min(0).max(3).default(0),
  })
  .default(() => ({ types: [], proofreads: 0 }));

/** Anti-backdating (伪造发稿日期): publication dates against the git history. */
export const honestDatesSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** How far before its file entered the history an item may be dated. */
    marginDays: z.number().min(0).default(1),
    /** Files first committed before this day (YYYY-MM-DD) came with the migration and are not checked. */
    since: day.optional(),
  })
  .default(() => ({ enabled: true, marginDays: 1 }));

export type Wording = z.output<typeof wordingSchema>;
export type Leader = z.output<typeof leaderSchema>;
export type ReviewConfig = z.output<typeof reviewSchema>;
export type HonestDates = z.output<typeof honestDatesSchema>;
