/** News (新闻): an item of a column such as 市级新闻, 部门动态, 转载 or 发布会. */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { attachments, dateTimeField, draft, image, nonEmpty, oneOf, summary, topicsField } from "./fields.ts";

export function newsSchema(site: Site) {
  return z.strictObject({
    title: nonEmpty("标题"),
    date: dateTimeField(site, "发布时间：YYYY-MM-DD HH:mm，按站点时区"),
    column: oneOf(site.columns, "栏目：取值见站点配置 columns，例如 市级新闻"),
    source: nonEmpty("来源：如 市政府办公室；转载写原媒体名称"),
    department: oneOf(site.departments, "发布机构：取值见站点配置 departments"),
    topics: topicsField(site),
    summary,
    author: z.string().trim().optional().describe("作者/编辑：Author 元标签"),
    cover: image.optional().describe("封面图片：{ src, alt }；有封面的新闻进入首页焦点图"),
    headline: z.boolean().default(false).describe("头条：true 时作为首页头条（取最新的一条）"),
    attachments,
    draft,
  });
}
export type NewsFields = z.output<ReturnType<typeof newsSchema>>;
