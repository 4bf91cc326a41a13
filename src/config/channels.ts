/**
 * 互动交流 settings (`interaction` in site.config.ts): the 咨询建言 channels every page links to,
 * and the reply deadlines of 留言办理 that the build holds letters to. A portal without an online
 * channel fails the national inspection outright (国办秘函〔2019〕19号, 互动回应差), so at least
 * one channel is required: `check` and `build` refuse a config without one.
 */
import { z } from "zod";

/** An external address a reader writes to: the province's platform, 12345, or an e-mail address. */
const channelTarget = z
  .string()
  .trim()
  .refine((v) => /^https:\/\/[^\s<>"]+$/i.test(v) || /^mailto:[^\s@<>"]+@[^\s@<>"]+$/i.test(v), {
    error: "应为 https:// 开头的网址（如省级统一平台、12345 热线网站）或 mailto: 开头的电子邮件地址",
  });

export const channelSchema = z.strictObject({
  /** What the reader sees: 市长信箱, 政务咨询, 投诉举报, 建言献策. */
  label: z.string().trim().min(1).describe("渠道名称"),
  /** https:// address of the platform, or mailto:. */
  url: channelTarget.describe("渠道地址"),
  /** One short line under the label on the 互动交流 page. */
  note: z.string().optional(),
});

export const letterDeadlinesSchema = z
  .strictObject({
    /** A letter without a reply this many working days after receipt is a warning (default 15). */
    warnWorkingDays: z.number().int().min(1).default(15),
    /**
     * A letter without a reply this many calendar days after receipt fails the build (default 60:
     * 2 months already costs points, 3 months unanswered is a veto item).
     */
    errorDays: z.number().int().min(1).max(90).default(60),
  })
  .default({ warnWorkingDays: 15, errorDays: 60 });

const NO_CHANNEL =
  "没有声明任何咨询建言渠道：政府网站没有在线咨询建言渠道属于检查单项否决项。请在 interaction.channels 中至少声明一个渠道（领导信箱、咨询、投诉、建议等，https:// 网址或 mailto: 地址）";

export const interactionSchema = z.strictObject(
  {
    /** 咨询建言 channels (领导信箱, 咨询, 投诉, 建议 …): linked from every page's footer and the 互动交流 page. */
    channels: z
      .array(channelSchema)
      .default([])
      .refine((list) => list.length > 0, { error: NO_CHANNEL }),
    /** When an unanswered letter is a warning and when an error (src/check/letter-deadlines.ts). */
    letterDeadlines: letterDeadlinesSchema,
  },
  // Missing altogether: the same message as an empty list.
  { error: (issue) => (issue.input === undefined ? NO_CHANNEL : undefined) },
);

export type Channel = z.output<typeof channelSchema>;
export type InteractionSettings = z.output<typeof interactionSchema>;
