/** Video item (网络视频新闻, 宣传片). The Markdown body is the transcript (文字实录). */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, image, linkTarget, mediaPath, nonEmpty, oneOf, summary, topicsField } from "./fields.ts";

/** mm:ss or h:mm:ss, or seconds as a number. Becomes seconds. */
const duration = z
  .union([z.number().int().positive(), z.string().regex(/^(\d+:)?[0-5]?\d:[0-5]\d$/)], { error: "时长应为 mm:ss，例如 \"02:15\"" })
  .transform((v) => (typeof v === "number" ? v : v.split(":").reduce((acc, part) => acc * 60 + Number(part), 0)))
  .describe("时长：mm:ss，例如 \"02:15\"");

export function videoSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("标题"),
    date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm"),
    kind: oneOf(site.videoKinds, "视频类型：取值见站点配置 videoKinds，例如 视频新闻、宣传片"),
    department: oneOf(site.departments, "发布机构：取值见站点配置 departments"),
    source: nonEmpty("来源"),
    video: linkTarget.describe("视频文件：/media/ 下的文件或 http(s) 网址（WebM 或 MP4）"),
    video_mp4: linkTarget
      .refine((p) => /\.mp4$/i.test(p), { error: "应为 .mp4 文件（H.264 编码）" })
      .optional()
      .describe("MP4（H.264）版本：较旧的 iOS 设备和许多政务终端只能播放 MP4；与 video 一起提供时页面给出两个来源"),
    poster: image.describe("封面：{ src, alt }"),
    duration,
    captions: mediaPath
      .refine((p) => p.endsWith(".vtt"), { error: "字幕应为 WebVTT（.vtt）文件" })
      .describe("字幕：/media/ 下的 WebVTT（.vtt）文件"),
    summary,
    topics: topicsField(site),
    draft,
  });
}
export type VideoFields = z.output<ReturnType<typeof videoSchema>>;
