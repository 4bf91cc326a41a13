/** Videos by kind, periodicals by title, and topic pages with the items tagged with them. */
import { html } from "../html/html.ts";
import { raw } from "../html/html.ts";
import type { ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import { urls } from "../portal/urls.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { paginate } from "./paginate.ts";
import { groupBy } from "../portal/group.ts";
import { contentImage } from "../../layouts/parts/image.ts";
import { previewNotice } from "../../layouts/parts/article.ts";

export function videoLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const videos = portal.byType.video;
  const byKind = groupBy(videos, (v) => v.fields.kind);
  const ofKind = (name: string) => byKind.get(name) ?? [];
  const facets = [
    {
      label: "视频分类",
      links: site.videoKinds.map((k) => ({
        label: k.name,
        url: urls.videoKind(k.key),
        count: ofKind(k.name).length,
      })),
    },
  ];
  const feeds = [{ title: "视频", url: "/feeds/videos.xml" }];
  const common = { section: "videos", style: "news" as const, facets, feeds };
  return [
    ...paginate(
      { ...common, base: urls.videos, title: "视频", breadcrumbs: [{ label: "视频" }] },
      videos,
      site.pageSize,
    ),
    ...site.videoKinds.flatMap((k) =>
      paginate(
        {
          ...common,
          base: urls.videoKind(k.key),
          title: k.name,
          breadcrumbs: [{ label: "视频", url: urls.videos }, { label: k.name }],
        },
        ofKind(k.name),
        site.pageSize,
      ),
    ),
  ];
}

export function periodicalLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const issues = portal.byType.periodical;
  const byTitle = groupBy(issues, (i) => i.fields.periodical);
  const ofTitle = (name: string) => byTitle.get(name) ?? [];
  const facets = [
    {
      label: "期刊",
      links: site.periodicals.map((p) => ({
        label: `《${p.name}》`,
        url: urls.periodical(p.key),
        count: ofTitle(p.name).length,
      })),
    },
  ];
  const common = { section: "periodicals", style: "news" as const, facets };
  return [
    ...paginate(
      { ...common, base: urls.periodicals, title: "期刊", breadcrumbs: [{ label: "期刊" }] },
      issues,
      site.pageSize,
    ),
    ...site.periodicals.flatMap((p) =>
      paginate(
        {
          ...common,
          base: urls.periodical(p.key),
          title: `《${p.name}》`,
          breadcrumbs: [{ label: "期刊", url: urls.periodicals }, { label: `《${p.name}》` }],
        },
        ofTitle(p.name),
        site.pageSize,
      ),
    ),
  ];
}

export function topicLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const pages = new Map(portal.byType.topic.map((t) => [t.fields.topic, t]));
  return site.topics.flatMap((topic) => {
    const page = pages.get(topic.name);
    const items = portal.byTopic.get(topic.name) ?? [];
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
        intro: page
          ? (ctx) =>
              html`${ctx.preview ? previewNotice(page.fields.draft, page.publishedAt > ctx.preview.now) : ""}<div class="topic-intro">${page.fields.banner ? contentImage(ctx, page.fields.banner, { className: "topic-banner" }) : ""}${page.fields.summary ? html`<p class="lead">${page.fields.summary}</p>` : ""}<div class="article-body">${raw(renderMarkdown(page.body, site.pathPrefix, { allowHtml: site.allowHtml }))}</div><h2>相关信息</h2></div>`
          : undefined,
      },
      items,
      site.pageSize,
    );
  });
}
