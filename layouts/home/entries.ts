/**
 * Home blocks that are ways in rather than lists: 办事服务 by audience, 政府信息公开 (the four
 * first-level columns of 国办公开办函〔2019〕61号 and the publication count) and 互动交流.
 */
import { html, type Html } from "../../src/html/html.ts";
import { urls } from "../../src/portal/urls.ts";
import { talliesUrls } from "../../src/tallies/urls.ts";
import { jiucuoUrl } from "../../src/portal/identity-links.ts";
import { interactionUrls } from "../../src/portal/interaction-urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { guideTypeCounts } from "../../src/content-types/guide-lists.ts";

/** The guides the config lists as popular, by file name (content/guides/<name>.md); unpublished ones are left out. */
function popularGuides(ctx: LayoutContext, names: readonly string[]) {
  return names.flatMap((name) => ctx.portal.byType.guide.filter((g) => g.url === `/guides/${name}/`));
}

export function servicesBlock(ctx: LayoutContext): Html {
  const { site, portal } = ctx;
  const { audiences, online } = site.home.services;
  return html`<section class="home-block services" aria-labelledby="h-services">
<h2 id="h-services" class="block-title">办事服务</h2>
${
  audiences.length
    ? html`<div class="audiences">${audiences.map(
        (a, i) => html`<section aria-labelledby="h-aud-${i}"><h3 id="h-aud-${i}">${a.name}</h3>
<ul class="popular">${popularGuides(ctx, a.guides).map((g) => html`<li><a href="${ctx.href(g.url)}">${g.fields.title}</a></li>`)}</ul></section>`,
      )}</div>`
    : ""
}
<ul class="service-types">${site.guideTypes.map((t) => html`<li><a href="${ctx.href(urls.guideType(t.key))}">${t.name}事项<span class="count">${guideTypeCounts(portal).get(t.name) ?? 0} 项</span></a></li>`)}</ul>
<p class="service-actions">${online ? html`<a class="button" href="${ctx.href(online)}">在线办理</a>` : ""}<a class="button secondary" href="${ctx.href(urls.guides)}">全部办事指南</a></p>
</section>`;
}

export function openGovernmentBlock(
  ctx: LayoutContext,
  published: { total: number; year?: { year: number; count: number } },
): Html {
  const { site, portal } = ctx;
  const latestReport = [...portal.reports.keys()].sort((a, b) => b - a)[0];
  const entries = [
    ...site.home.openGovernment,
    { label: "法定主动公开内容", url: urls.policies, note: "政府信息公开目录" },
    ...(latestReport
      ? [
          {
            label: "政府信息公开年报",
            url: talliesUrls.report(latestReport),
            note: `${latestReport}年度报告`,
          },
        ]
      : []),
    { label: "政务公开统计", url: talliesUrls.statistics, note: "历年主动公开数量" },
  ];
  return html`<section class="home-block open-gov" aria-labelledby="h-open-gov">
<h2 id="h-open-gov" class="block-title">政府信息公开</h2>
<p class="published">本站已主动公开政府信息 <strong>${published.total}</strong> 条${published.year ? html`，其中 ${published.year.year} 年 <strong>${published.year.count}</strong> 条` : ""}。</p>
<ul class="entries">${entries.map((e) => html`<li><a href="${ctx.href(e.url)}">${e.label}</a>${e.note ? html`<span>${e.note}</span>` : ""}</li>`)}</ul>
</section>`;
}

export function interactionBlock(ctx: LayoutContext): Html {
  const { site } = ctx;
  return html`<section class="home-block interaction" aria-labelledby="h-interaction">
<h2 id="h-interaction" class="block-title">互动交流</h2>
<ul class="entries">
${site.interaction.channels.map((c) => html`<li><a href="${c.url}" rel="noopener noreferrer">${c.label}</a>${c.note ? html`<span>${c.note}</span>` : ""}</li>`)}
${site.home.interaction.map((e) => html`<li><a href="${ctx.href(e.url)}">${e.label}</a>${e.note ? html`<span>${e.note}</span>` : ""}</li>`)}
<li><a href="tel:${site.hotline}">市民服务热线 <span class="nowrap">${site.hotline}</span></a><span>工作日及节假日均可拨打</span></li>
<li><a href="mailto:${site.email}">政务公开邮箱</a><span class="email">${site.email}</span></li>
<li><a href="${jiucuoUrl(ctx.site, urls.home)}" rel="noopener noreferrer">我为政府网站找错</a><span>国务院办公厅政府网站找错平台</span></li>
</ul>
<p class="more"><a href="${ctx.href(interactionUrls.index)}">更多互动交流</a></p>
</section>`;
}
