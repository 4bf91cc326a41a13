/** The home page: latest per column, policy documents, services, videos, topics, the publication count. */
import { html, type Html } from "../src/html/html.ts";
import type { ContentRecord } from "../src/content/types.ts";
import { urls } from "../src/portal/urls.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";
import { contentImage } from "./parts/image.ts";
import { previewBadge } from "./parts/article.ts";

function block(
  ctx: LayoutContext,
  id: string,
  title: string,
  more: string,
  items: readonly ContentRecord[],
): Html {
  return html`<section class="home-block" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${items.length ? html`<ul class="item-list">${items.map((r) => html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}<time>${r.day}</time></li>`)}</ul>` : html`<p class="empty">暂无内容。</p>`}
<p class="more"><a href="${ctx.href(more)}">更多${title}</a></p>
</section>`;
}

export function homePage(
  ctx: LayoutContext,
  publishedCount: number,
  thisYear: { year: number; count: number } | undefined,
): string {
  const { site, portal } = ctx;
  const latest = (name: string) => (portal.newsByColumn.get(name) ?? []).slice(0, 8);
  const policies = portal.byType.policy;
  const topics = site.topics.filter((t) => t.group === "专题");
  const main = html`<h1 class="visually-hidden">${site.name}门户网站</h1>
<p class="publication-count">本站已主动公开政府信息 <strong>${publishedCount}</strong> 条${thisYear ? html`，其中 ${thisYear.year} 年 <strong>${thisYear.count}</strong> 条` : ""}。<a href="${ctx.href(talliesUrls.statistics)}">政务公开统计与年度报告</a></p>
<div class="home-grid">
${site.columns.map((c) => block(ctx, `col-${c.key}`, c.name, urls.column(c.key), latest(c.name)))}
${block(ctx, "home-policies", "政策文件", urls.policies, policies.filter((p) => p.fields.kind !== "政策解读").slice(0, 8))}
${block(ctx, "home-interpretations", "政策解读", urls.interpretations, policies.filter((p) => p.fields.kind === "政策解读").slice(0, 6))}
<section class="home-block" aria-labelledby="home-guides">
<h2 id="home-guides">办事服务</h2>
<ul class="service-list">${site.guideTypes.map((t) => html`<li><a href="${ctx.href(urls.guideType(t.key))}">${t.name}事项 <span class="count">(${portal.byType.guide.filter((g) => g.fields.item_type === t.name).length})</span></a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.guides)}">全部办事指南</a></p>
</section>
<section class="home-block home-videos" aria-labelledby="home-videos">
<h2 id="home-videos">视频</h2>
<ul class="video-cards">${portal.byType.video.slice(0, 4).map((v) => html`<li><a href="${ctx.href(v.url)}">${contentImage(ctx, { src: v.fields.poster.src, alt: "" }, { lazy: true })}<span>${v.fields.title}</span></a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.videos)}">更多视频</a></p>
</section>
<section class="home-block" aria-labelledby="home-topics">
<h2 id="home-topics">专题专栏</h2>
<ul class="topic-cards">${topics.map((t) => html`<li><a href="${ctx.href(urls.topic(t.key))}">${t.name}</a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.topics)}">全部专题</a></p>
</section>
</div>`;
  return basePage(
    ctx,
    {
      title: site.name,
      url: "/",
      section: "home",
      description: `${site.name}门户网站`,
      column: { name: "首页", type: "首页" },
      feeds: [{ title: "全部新闻", url: "/feeds/news.xml" }],
      bodyClass: "home-page",
    },
    main,
  );
}
