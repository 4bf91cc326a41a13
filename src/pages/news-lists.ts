/** News lists: all news, each column, and each column's year archives. */
import type { ListPageData } from "../view/list-data.ts";
import type { Portal } from "../portal/portal.ts";
import { urls } from "../portal/urls.ts";
import { byYear, paginate } from "./paginate.ts";

export function newsLists(portal: Portal): ListPageData[] {
  const { site } = portal;
  const columnFacet = {
    label: "新闻栏目",
    links: site.columns.map((c) => ({
      label: c.name,
      url: urls.column(c.key),
      count: portal.newsByColumn.get(c.name)?.length ?? 0,
    })),
  };
  const pages = paginate(
    {
      base: urls.news,
      title: "新闻中心",
      section: "news",
      breadcrumbs: [{ label: "新闻中心" }],
      style: "news",
      facets: [columnFacet],
      feeds: [{ title: "全部新闻", url: "/feeds/news.xml" }],
    },
    portal.byType.news,
    site.pageSize,
  );
  for (const column of site.columns) {
    const items = portal.newsByColumn.get(column.name) ?? [];
    const base = urls.column(column.key);
    const years = byYear(items);
    const yearFacet = {
      label: "按年份",
      links: years.map(([year, list]) => ({
        label: `${year}年`,
        url: urls.year(base, year),
        count: list.length,
      })),
    };
    const meta = {
      name: column.name,
      description: column.description,
      keywords: column.keywords,
      type: column.kind === "通知公告" ? "通知公告" : "新闻动态",
    };
    const feeds = [{ title: column.name, url: `/feeds/news-${column.key}.xml` }];
    const crumbs = [{ label: "新闻中心", url: urls.news }];
    pages.push(
      ...paginate(
        {
          base,
          title: column.name,
          section: "news",
          breadcrumbs: [...crumbs, { label: column.name }],
          style: "news",
          description: column.description,
          facets: [columnFacet, yearFacet],
          column: meta,
          feeds,
        },
        items,
        site.pageSize,
      ),
    );
    for (const [year, list] of years) {
      pages.push(
        ...paginate(
          {
            base: urls.year(base, year),
            title: `${column.name}（${year}年）`,
            section: "news",
            breadcrumbs: [...crumbs, { label: column.name, url: base }, { label: `${year}年` }],
            style: "news",
            facets: [columnFacet, yearFacet],
            column: meta,
            feeds,
          },
          list,
          site.pageSize,
        ),
      );
    }
  }
  return pages;
}
