/** A paginated list page: heading, optional introduction, sub-navigation, rows, page links. */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";
import { pagination } from "./parts/pagination.ts";
import { rows } from "./parts/rows.ts";
import type { Facet, ListPageData } from "../src/view/list-data.ts";

function facetNav(ctx: LayoutContext, facets: readonly Facet[], current: string): Html {
  return html`${facets.map(
    (facet) =>
      html`<nav class="facet" aria-label="${facet.label}"><h2>${facet.label}</h2><ul>${facet.links.map(
        (l) =>
          html`<li><a href="${ctx.href(l.url)}"${l.url === current ? html` aria-current="page"` : ""}>${l.label}${l.count === undefined ? "" : html` <span class="count">(${l.count})</span>`}</a></li>`,
      )}</ul></nav>`,
  )}`;
}

export function listPage(ctx: LayoutContext, p: ListPageData): string {
  const heading = p.pageNumber > 1 ? `${p.title}（第 ${p.pageNumber} 页）` : p.title;
  const main = html`<div class="list-layout${p.facets?.length ? " with-facets" : ""}">
<div class="list-main">
<h1 data-search-body>${heading}</h1>
${p.pageNumber === 1 && p.intro ? p.intro(ctx) : p.description ? html`<p class="lead" data-search-body>${p.description}</p>` : ""}
${rows(ctx, p.style, p.items)}
${pagination(ctx, p.base, p.pageNumber, p.pageCount, p.total)}
</div>
${p.facets?.length ? html`<aside class="facets" aria-label="分类浏览">${facetNav(ctx, p.facets, p.base)}</aside>` : ""}
</div>`;
  return basePage(
    ctx,
    {
      title: heading,
      url: p.url,
      section: p.section,
      breadcrumbs: p.breadcrumbs,
      description: p.description,
      column: p.column,
      feeds: p.feeds,
      bodyClass: "list-page",
    },
    main,
  );
}
