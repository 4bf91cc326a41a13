/**
 * 专题: a topic page (content/topics/<key>.md) is the introduction of its topic's list, which shows
 * every item tagged with the topic; it has no detail page of its own.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { topicSchema, type TopicFields } from "../content/topic.ts";
import type { Keyed } from "../config/schema.ts";
import { urls } from "../portal/urls.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { contentFolderOf } from "../content/content-folder.ts";
import { paginate } from "../pages/paginate.ts";
import { topicHomeBlock, topicIntro } from "../../layouts/detail/topic.ts";
import { dateLine, ScaffoldError } from "../editors/scaffold-lines.ts";
import { withInputs, type ScaffoldInput, type TypeSpec } from "./spec.ts";
import type { LayoutContext } from "../view/context.ts";

const FOLDER = "topics";

/** The 专题 a new topic page is for: the one named, or the first without a page. */
function topicOf({ site, name, contentDir }: ScaffoldInput): Keyed {
  const specials = site.topics.filter((t) => t.group === "专题");
  if (!specials.length) throw new ScaffoldError("站点配置 topics 中没有分组为“专题”的专题，无法新建专题页");
  if (name) {
    const topic = specials.find((t) => t.key === name);
    if (!topic)
      throw new ScaffoldError(
        `专题页的文件名必须是站点配置中专题的键：${specials.map((t) => t.key).join("、")}`,
      );
    return topic;
  }
  const free = specials.find((t) => !existsSync(path.join(contentDir, FOLDER, `${t.key}.md`)));
  if (!free) throw new ScaffoldError("每个专题都已有专题页；请先在站点配置 topics 中添加专题");
  return free;
}

export const topic: TypeSpec<"topic", TopicFields> = {
  type: "topic",
  folder: FOLDER,
  label: "专题",
  schema: topicSchema,
  section: "topics",
  nav: { label: "专题专栏", url: urls.topics, order: 5 },
  checks(site, records) {
    return records.flatMap((record) => {
      const topic = site.topics.find((t) => t.name === record.fields.topic);
      const stem = record.id.split("/").slice(1).join("/");
      if (!topic || stem === topic.key) return [];
      return [
        {
          severity: "error" as const,
          file: record.file,
          line: lineOfRecordPath(record, ["topic"]),
          field: "topic（专题）",
          message: `专题“${topic.name}”的文件应命名为 ${contentFolderOf(record)}/topics/${topic.key}.md（与站点配置中的键一致）`,
        },
      ];
    });
  },
  lists(portal) {
    const { site } = portal;
    const pages = new Map(portal.byType.topic.map((t) => [t.fields.topic, t]));
    return site.topics.flatMap((topic) => {
      const page = pages.get(topic.name);
      return paginate(
        {
          base: urls.topic(topic.key),
          title: page?.fields.title ?? topic.name,
          section: "topics",
          breadcrumbs: [{ label: "专题专栏", url: urls.topics }, { label: topic.name }],
          style: "mixed",
          description: page?.fields.summary ?? `${topic.group}：${topic.name}相关信息`,
          column: {
            name: topic.name,
            description: page?.fields.summary ?? "",
            keywords: [topic.name],
            type: topic.group,
          },
          intro: page ? withInputs((ctx: LayoutContext) => topicIntro(ctx, page), [page]) : undefined,
        },
        portal.byTopic.get(topic.name) ?? [],
        site.pageSize,
        true,
      );
    });
  },
  sitemap: ({ site }) => ({
    title: "专题专栏",
    url: urls.topics,
    children: site.topics.map((t) => ({ label: t.name, url: urls.topic(t.key) })),
  }),
  home: { blocks: topicHomeBlock },
  scaffold: {
    lines: (input) => [
      `topic: ${topicOf(input).name}`,
      dateLine(input.stamp),
      `# summary: 专题简介`,
      `# banner: { src: /media/images/banner.jpg, alt: 图片内容说明 }`,
    ],
    folder: () => "",
    path: (input) => `${FOLDER}/${topicOf(input).key}.md`,
  },
};
