/**
 * 在线访谈: the 预告 (time, guests, topic) published before the interview, and its 实录 after it:
 * the Markdown body (文字实录), or a video item of the site (with its captions and transcript).
 */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, image, nonEmpty, oneOf, summary, topicsField } from "./fields.ts";

const count = (label: string) => z.number().int().min(0, { error: "应为 0 或正整数" }).optional().describe(label);

export function interviewSchema(site: Site) {
  return z
    .strictObject({
      title: nonEmpty("标题"),
      date: dateTimeField(site, "发布时间：预告发布的时间，YYYY-MM-DD HH:mm"),
      department: oneOf(site.departments, "主办单位：取值见站点配置 departments"),
      time: dateTimeField(site, "访谈时间：YYYY-MM-DD HH:mm"),
      topic: nonEmpty("访谈主题"),
      guests: z
        .array(
          z.strictObject({
            name: nonEmpty("嘉宾姓名"),
            title: nonEmpty("嘉宾职务：如 市人力资源和社会保障局局长"),
          }),
        )
        .min(1, { error: "至少填写一位嘉宾" })
        .describe("访谈嘉宾：列表，每项 { name, title }"),
      host: z.string().trim().min(1).optional().describe("主持人"),
      place: z.string().trim().min(1).optional().describe("访谈地点：如 市融媒体中心演播室"),
      video: z
        .string()
        .trim()
        .regex(/^\/videos\/[A-Za-z0-9._/-]+\/$/, { error: "应为本站视频页面的地址，如 /videos/2026/interview/" })
        .optional()
        .describe("视频实录：本站视频页面的地址（字幕和文字实录随视频发布），如 /videos/2026/interview/"),
      photo: image.optional().describe("访谈图片：{ src, alt }"),
      questions_received: count("网民留言数量：访谈期间收到的网民提问条数"),
      questions_answered: count("答复网民提问数量"),
      summary,
      topics: topicsField(site),
      draft,
    })
    .superRefine((f, ctx) => {
      if (
        f.questions_received !== undefined &&
        f.questions_answered !== undefined &&
        f.questions_answered > f.questions_received
      )
        ctx.addIssue({
          code: "custom",
          path: ["questions_answered"],
          message: `答复网民提问数量 ${f.questions_answered} 大于网民留言数量 ${f.questions_received}`,
        });
    });
}
export type InterviewFields = z.output<ReturnType<typeof interviewSchema>>;
