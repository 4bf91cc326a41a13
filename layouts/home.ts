/** The home page: the publication count, then each content type's blocks (its spec's `home`) in navigation order. */
import { html } from "../src/html/html.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import { inNavOrder } from "../src/content-types/spec.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

export function homePage(
  ctx: LayoutContext,
  publishedCount: number,
  thisYear: { year: number; count: number } | undefined,
): string {
  const { site } = ctx;
  const homes = inNavOrder(ctx.portal.types).flatMap((t) => (t.home ? [t.home] : []));
  const main = html`<h1 class="visually-hidden">${site.name}门户网站</h1>
<p class="publication-count">本站已主动公开政府信息 <strong>${publishedCount}</strong> 条${thisYear ? html`，其中 ${thisYear.year} 年 <strong>${thisYear.count}</strong> 条` : ""}。<a href="${ctx.href(talliesUrls.statistics)}">政务公开统计与年度报告</a></p>
<div class="home-grid">
${homes.map((home, i) => html`${i ? "\n" : ""}${home.blocks(ctx)}`)}
</div>`;
  return basePage(
    ctx,
    {
      title: site.name,
      url: "/",
      section: "home",
      description: `${site.name}门户网站`,
      column: { name: "首页", type: "首页" },
      feeds: homes.flatMap((home) => home.feeds ?? []),
      bodyClass: "home-page",
    },
    main,
  );
}
