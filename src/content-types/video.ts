/** 视频: video items (视频新闻, 宣传片 …) with captions; the Markdown body is the transcript. */
import { videoSchema, type VideoFields } from "../content/video.ts";
import { byName, urls } from "../portal/urls.ts";
import { PLACEHOLDER as TODO, PLACEHOLDER_MEDIA } from "../content/placeholders.ts";
import { groupBy } from "../portal/group.ts";
import { paginate } from "../pages/paginate.ts";
import { videoBody, videoHomeBlock } from "../../layouts/detail/video.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import type { TypeSpec } from "./spec.ts";

const FEED_URL = "/feeds/videos.xml";

export const video: TypeSpec<"video", VideoFields> = {
  type: "video",
  folder: "videos",
  label: "视频",
  schema: videoSchema,
  section: "videos",
  nav: { label: "视频", url: urls.videos, order: 4 },
  detail: {
    layout: videoBody,
    crumbs: (ctx, r) => [
      { label: "视频", url: urls.videos },
      { label: r.fields.kind, url: urls.videoKind(byName(ctx.site.videoKinds, r.fields.kind).key) },
    ],
    article: (r) => ({ source: r.fields.source, keywords: r.fields.topics }),
  },
  lists(portal) {
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
    const common = { section: "videos", style: "news", facets, feeds: [{ title: "视频", url: FEED_URL }] };
    return [
      ...paginate(
        { ...common, base: urls.videos, title: "视频", breadcrumbs: [{ label: "视频" }] },
        videos,
        site.pageSize,
        true,
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
          true,
        ),
      ),
    ];
  },
  feeds: (portal) => [{ url: FEED_URL, title: "视频", pageUrl: urls.videos, records: portal.byType.video }],
  feedCategory: (r) => r.fields.kind,
  tally: { color: "#2e7d32", dimension: { name: "videoKinds", value: (r) => r.fields.kind } },
  sitemap: ({ site }) => ({
    title: "视频",
    url: urls.videos,
    children: site.videoKinds.map((k) => ({ label: k.name, url: urls.videoKind(k.key) })),
  }),
  home: { blocks: videoHomeBlock },
  scaffold: {
    lines: ({ site, stamp }) => [
      dateLine(stamp),
      `kind: ${first(site.videoKinds, "视频类型")}${choices(site.videoKinds)}`,
      `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `source: ${q(`${TODO}来源`)}`,
      `video: ${PLACEHOLDER_MEDIA}video.mp4`,
      `poster: { src: ${PLACEHOLDER_MEDIA}poster.jpg, alt: ${q(`${TODO}封面画面说明`)} }`,
      `duration: "00:00"  # 时长 mm:ss`,
      `captions: ${PLACEHOLDER_MEDIA}captions.vtt`,
      `topics: []`,
      `# summary: 一两句话摘要`,
    ],
    folder: ({ stamp }) => String(stamp.year),
  },
};
