/** Home blocks of content lists: news columns and policies (tabbed), the 焦点图, videos and topics. */
import { html, type Html } from "../../src/html/html.ts";
import type { ContentRecord, RecordOf } from "../../src/content/types.ts";
import type { HomeBlock } from "../../src/config/home.ts";
import { urls } from "../../src/portal/urls.ts";
import { firstWhere } from "../../src/portal/group.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { contentImage } from "../parts/image.ts";
import { previewBadge } from "../parts/article.ts";
import { tabbedBlock } from "./tabs.ts";
import { hasCover } from "../../src/content/kept-flags.ts";

type Block<T extends HomeBlock["type"]> = Extract<HomeBlock, { type: T }>;

/** Title and date on one line; the date (MM-DD this year) never wraps under a long title on a desktop. */
export function itemList(ctx: LayoutContext, items: readonly ContentRecord[]): Html {
  if (!items.length) return html`<p class="empty">暂无内容。</p>`;
  return html`<ul class="item-list compact">${items.map(
    (r) =>
      html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}<time datetime="${r.day}">${r.day}</time></li>`,
  )}</ul>`;
}

export function newsBlock(ctx: LayoutContext, block: Block<"news">, n: number): Html {
  const columns = block.columns.map((key) => ctx.site.columns.find((c) => c.key === key)!);
  return tabbedBlock(
    ctx,
    columns.map((c) => c.name).join("、"),
    columns.map((c) => ({
      id: `b${n}-${c.key}`,
      title: c.name,
      body: itemList(ctx, (ctx.portal.newsByColumn.get(c.name) ?? []).slice(0, block.count)),
      more: { label: "更多", url: urls.column(c.key) },
    })),
  );
}

export function policiesBlock(ctx: LayoutContext, block: Block<"policies">, n: number): Html {
  const all = ctx.portal.byType.policy;
  return tabbedBlock(ctx, "政策文件与解读", [
    {
      id: `b${n}-policies`,
      title: "政策文件",
      body: itemList(
        ctx,
        firstWhere(all, block.count, (p) => p.fields.kind !== "政策解读"),
      ),
      more: { label: "更多", url: urls.policies },
    },
    {
      id: `b${n}-interpretations`,
      title: "政策解读",
      body: itemList(
        ctx,
        firstWhere(all, block.count, (p) => p.fields.kind === "政策解读"),
      ),
      more: { label: "更多", url: urls.interpretations },
    },
  ]);
}

/** The news that feed the 焦点图: the latest with a cover, without the 头条. */
export function focusItems(ctx: LayoutContext, skip?: ContentRecord): RecordOf<"news">[] {
  return firstWhere(ctx.portal.byType.news, ctx.site.home.focus, (r) => r !== skip && hasCover(r));
}

/** One large picture and a few small ones, all visible at once: no rotation to stop or wait for. */
export function focusBlock(ctx: LayoutContext, items: readonly RecordOf<"news">[]): Html {
  if (!items.length) return html``;
  const [first, ...rest] = items;
  const picture = (r: RecordOf<"news">, lazy: boolean) =>
    contentImage(ctx, { src: r.fields.cover!.src, alt: "" }, { lazy });
  return html`<section class="home-block focus" aria-labelledby="h-focus">
<h2 id="h-focus" class="visually-hidden">焦点图</h2>
<a class="focus-main" href="${ctx.href(first.url)}">${picture(first, false)}<span class="focus-caption">${first.fields.title}</span></a>
${rest.length ? html`<ul class="focus-more">${rest.map((r) => html`<li><a href="${ctx.href(r.url)}">${picture(r, true)}<span>${r.fields.title}</span></a><time datetime="${r.day}">${r.day}</time></li>`)}</ul>` : ""}
</section>`;
}

export function videosBlock(ctx: LayoutContext, block: Block<"videos">): Html {
  const videos = ctx.portal.byType.video.slice(0, block.count);
  return html`<section class="home-block" aria-labelledby="h-videos">
<h2 id="h-videos" class="block-title">视频</h2>
${videos.length ? html`<ul class="video-cards">${videos.map((v) => html`<li><a href="${ctx.href(v.url)}">${contentImage(ctx, { src: v.fields.poster.src, alt: "" }, { lazy: true })}<span>${v.fields.title}</span></a></li>`)}</ul>` : html`<p class="empty">暂无内容。</p>`}
<p class="more"><a href="${ctx.href(urls.videos)}">更多<span class="visually-hidden">视频</span></a></p>
</section>`;
}

/** 专题专栏: each 专题 with its banner where it has one, else its name on a coloured card. */
export function topicsBlock(ctx: LayoutContext): Html {
  const topics = ctx.site.topics.filter((t) => t.group === "专题");
  const pages = ctx.portal.byType.topic;
  return html`<section class="home-block" aria-labelledby="h-topics">
<h2 id="h-topics" class="block-title">专题专栏</h2>
<ul class="topic-banners">${topics.map((t) => {
    const banner = pages.find((p) => p.fields.topic === t.name)?.fields.banner;
    return html`<li><a href="${ctx.href(urls.topic(t.key))}">${banner ? contentImage(ctx, { src: banner.src, alt: "" }, { lazy: true }) : ""}<span>${t.name}</span></a></li>`;
  })}</ul>
<p class="more"><a href="${ctx.href(urls.topics)}">全部专题</a></p>
</section>`;
}
