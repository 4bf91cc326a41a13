/**
 * One page per published record (topic records are the head of their topic list instead).
 * A single paginated template, so Eleventy's work stays linear in the number of items.
 */
import type { ContentRecord } from "../content/types.ts";
import type { Crumb, LayoutContext, PageMeta } from "../view/context.ts";
import { basePage } from "../../layouts/base.ts";
import { newsBody } from "../../layouts/detail/news.ts";
import { policyBody } from "../../layouts/detail/policy.ts";
import { videoBody } from "../../layouts/detail/video.ts";
import { guideBody } from "../../layouts/detail/guide.ts";
import { periodicalBody } from "../../layouts/detail/periodical.ts";
import { plainBody } from "../../layouts/detail/page.ts";
import { overridesOf } from "../../layouts/overrides.ts";
import { previewNotice } from "../../layouts/parts/article.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { byName, urls } from "../portal/urls.ts";
import { html, type Html } from "../html/html.ts";
import type { StateRef } from "../eleventy/state.ts";
import { onePagePer } from "./paginated.ts";

function placeOf(ctx: LayoutContext, r: ContentRecord): { section: string; crumbs: Crumb[] } {
  switch (r.type) {
    case "news": {
      const column = byName(ctx.site.columns, r.fields.column);
      return {
        section: "news",
        crumbs: [
          { label: "新闻中心", url: urls.news },
          { label: column.name, url: urls.column(column.key) },
        ],
      };
    }
    case "policy":
      return { section: "policies", crumbs: [{ label: "政府信息公开目录", url: urls.policies }] };
    case "video":
      return {
        section: "videos",
        crumbs: [
          { label: "视频", url: urls.videos },
          { label: r.fields.kind, url: urls.videoKind(byName(ctx.site.videoKinds, r.fields.kind).key) },
        ],
      };
    case "guide":
      return {
        section: "guides",
        crumbs: [
          { label: "办事服务", url: urls.guides },
          {
            label: r.fields.item_type,
            url: urls.guideType(byName(ctx.site.guideTypes, r.fields.item_type).key),
          },
        ],
      };
    case "periodical":
      return {
        section: "periodicals",
        crumbs: [
          { label: "期刊", url: urls.periodicals },
          {
            label: `《${r.fields.periodical}》`,
            url: urls.periodical(byName(ctx.site.periodicals, r.fields.periodical).key),
          },
        ],
      };
    default:
      return { section: "", crumbs: [] };
  }
}

function bodyOf(ctx: LayoutContext, r: ContentRecord, bodyHtml: string): Html {
  switch (r.type) {
    case "news":
      return newsBody(ctx, r, bodyHtml);
    case "policy":
      return policyBody(ctx, r, bodyHtml);
    case "video":
      return videoBody(ctx, r, bodyHtml);
    case "guide":
      return guideBody(ctx, r, bodyHtml);
    case "periodical":
      return periodicalBody(ctx, r, bodyHtml);
    case "page":
      return plainBody(r, bodyHtml);
    case "topic":
      throw new Error("topic records are rendered by the topic lists");
    case "report":
      throw new Error("report files are rendered by the statistics and annual report pages");
  }
}

function sourceOf(r: ContentRecord): string {
  if (r.type === "news" || r.type === "video") return r.fields.source;
  if (r.type === "policy" || r.type === "guide") return r.fields.department;
  if (r.type === "periodical") return r.fields.periodical;
  return "";
}

/**
 * The meta description of an item without a summary (search engines and shared links show it): for
 * a guide its who, where and how long; otherwise the start of its text, about 120 characters.
 */
function describe(r: ContentRecord, bodyHtml: string): string {
  if (r.type === "guide")
    return `${r.fields.title}办事指南：实施主体${r.fields.department}，办理地点${r.fields.location}，承诺${r.fields.promised_days}个工作日办结。`;
  const text = bodyHtml
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text || r.fields.title;
}

export function renderDetail(ctx: LayoutContext, r: ContentRecord, now: number): string {
  const { section, crumbs } = placeOf(ctx, r);
  const f = r.fields;
  const bodyHtml = renderMarkdown(r.body, ctx.site.pathPrefix, { allowHtml: ctx.site.allowHtml });
  const meta: PageMeta = {
    title: f.title,
    url: r.url,
    section,
    description: f.summary ?? describe(r, bodyHtml),
    breadcrumbs: [...crumbs, { label: f.title }],
    article:
      r.type === "page"
        ? undefined
        : {
            title: f.title,
            pubDate: r.dateText,
            source: sourceOf(r),
            keywords: r.type === "policy" ? r.fields.keywords : "topics" in f ? f.topics : [],
            author: r.type === "news" ? r.fields.author : undefined,
          },
    bodyClass: `detail-page ${r.type}-page`,
  };
  const notice = previewNotice(f.draft, r.publishedAt > now);
  const own = overridesOf(ctx).detail?.[r.type];
  const main = own ? own(ctx, r, bodyHtml, () => bodyOf(ctx, r, bodyHtml)) : bodyOf(ctx, r, bodyHtml);
  return basePage(ctx, meta, html`${notice}${main}`);
}

export class DetailPages {
  constructor(private readonly state: StateRef) {}

  data() {
    return onePagePer("gongkai.details", "record");
  }

  render(data: { record: ContentRecord }): string {
    const { ctx, now } = this.state.current;
    return renderDetail(ctx, data.record, now);
  }
}
