/** Topic page (专题): an introduction; the page lists every item tagged with the topic. */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { dateTimeField, draft, image, oneOf, nonEmpty, summary } from "./fields.ts";

export function topicSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("标题"),
    topic: oneOf(site.topics.filter((t) => t.group === "专题"), "专题：站点配置 topics 中分组为“专题”的名称"),
    date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm"),
    summary,
    banner: image.optional().describe("横幅图片：{ src, alt }"),
    draft,
  });
}
export type TopicFields = z.output<ReturnType<typeof topicSchema>>;
