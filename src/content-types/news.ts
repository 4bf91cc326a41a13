/** 新闻: items of the site's columns (市级新闻, 部门动态, 通知公告 …), with a feed per column. */
import { html } from "../html/html.ts";
import { newsSchema, type NewsFields } from "../content/news.ts";
import { byName, urls } from "../portal/urls.ts";
import { PLACEHOLDER as TODO } from "../content/placeholders.ts";
import { byYear, paginate } from "../pages/paginate.ts";
import type { ListPageData } from "../view/list-data.ts";
import { newsBody } from "../../layouts/detail/news.ts";
import { homeBlock } from "../../layouts/parts/home-block.ts";
import { choices, dateLine, first, q } from "../editors/scaffold-lines.ts";
import type { TypeSpec } from "./spec.ts";
import { dayIn, STALE_DYNAMIC_DAYS, STALE_NOTICE_MONTHS, warn } from "../check/inspection.ts";

const feedUrls = {
  all: "/feeds/news.xml",
  column: (key: string) => `/feeds/news-${key}.xml`,
};

export const news: TypeSpec<"news", NewsFields> = {
  type: "news",
  folder: "news",
  label: "新闻",
  schema: newsSchema,
  section: "news",
  nav: { label: "新闻中心", url: urls.news, order: 1 },
  detail: {
    layout: newsBody,
    crumbs(ctx, r) {
      const column = byName(ctx.site.columns, r.fields.column);
      return [
        { label: "新闻中心", url: urls.news },
        { label: column.name, url: urls.column(column.key) },
      ];
    },
    article: (r) => ({ source: r.fields.source, keywords: r.fields.topics, author: r.fields.author }),
  },
  lists(portal) {
    const { site } = portal;
    const columnFacet = {
      label: "新闻栏目",
      links: site.columns.map((c) => ({
        label: c.name,
        url: urls.column(c.key),
        count: portal.newsByColumn.get(c.name)?.length ?? 0,
      })),
    };
    const pages: ListPageData[] = paginate(
      {
        base: urls.news,
        title: "新闻中心",
        section: "news",
        breadcrumbs: [{ label: "新闻中心" }],
        style: "news",
        facets: [columnFacet],
        feeds: [{ title: "全部新闻", url: feedUrls.all }],
      },
      portal.byType.news,
      site.pageSize,
      true,
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
      const common = {
        section: "news",
        style: "news",
        facets: [columnFacet, yearFacet],
        column: {
          name: column.name,
          description: column.description,
          keywords: column.keywords,
          type: column.kind === "通知公告" ? "通知公告" : "新闻动态",
        },
        feeds: [{ title: column.name, url: feedUrls.column(column.key) }],
      };
      const crumbs = [{ label: "新闻中心", url: urls.news }];
      pages.push(
        ...paginate(
          {
            ...common,
            base,
            title: column.name,
            breadcrumbs: [...crumbs, { label: column.name }],
            description: column.description,
          },
          items,
          site.pageSize,
          true,
        ),
      );
      for (const [year, list] of years) {
        pages.push(
          ...paginate(
            {
              ...common,
              base: urls.year(base, year),
              title: `${column.name}（${year}年）`,
              breadcrumbs: [...crumbs, { label: column.name, url: base }, { label: `${year}年` }],
            },
            list,
            site.pageSize,
            true,
          ),
        );
      }
    }
    return pages;
  },
  feeds: (portal) => [
    { url: feedUrls.all, title: "全部新闻", pageUrl: urls.news, records: portal.byType.news },
    ...portal.site.columns.map((c) => ({
      url: feedUrls.column(c.key),
      title: c.name,
      pageUrl: urls.column(c.key),
      records: portal.newsByColumn.get(c.name) ?? [],
      subtitle: c.description || undefined,
    })),
  ],
  feedCategory: (r) => r.fields.column,
  inspect(portal, clock, contentFolder) {
    const day = dayIn(portal.site.timeZone);
    const folder = `${contentFolder}/${news.folder}`;
    return portal.site.columns.flatMap((column) => {
      const newest = portal.newsByColumn.get(column.name)?.[0];
      const field = `column（栏目）“${column.name}”`;
      if (!newest) return [warn(folder, field, "栏目没有任何已发布的新闻；空栏目会被网站检查认定为问题")];
      const notice = column.kind === "通知公告";
      const limit = notice
        ? clock.minus({ months: STALE_NOTICE_MONTHS })
        : clock.minus({ days: STALE_DYNAMIC_DAYS });
      if (newest.publishedAt >= limit.toMillis()) return [];
      const rule = notice ? "通知公告类栏目超过 6 个月未更新" : "动态类栏目超过 2 周未更新";
      return [
        warn(
          folder,
          field,
          `最近一条新闻发布于 ${day(newest.publishedAt)}（${newest.file}）；${rule}会被网站检查认定为更新不及时`,
        ),
      ];
    });
  },
  search: {
    facets: [{ key: "column", label: "栏目", order: 20, value: (r) => r.fields.column }],
  },
  tally: { color: "#1f5fa8", dimension: { name: "columns", value: (r) => r.fields.column } },
  sitemap: ({ site }) => ({
    title: "新闻中心",
    url: urls.news,
    children: site.columns.map((c) => ({ label: c.name, url: urls.column(c.key) })),
  }),
  home: {
    blocks: (ctx) =>
      html`${ctx.site.columns.map((c) =>
        homeBlock(
          ctx,
          `col-${c.key}`,
          c.name,
          urls.column(c.key),
          (ctx.portal.newsByColumn.get(c.name) ?? []).slice(0, 8),
        ),
      )}`,
    feeds: [{ title: "全部新闻", url: feedUrls.all }],
  },
  scaffold: {
    lines: ({ site, stamp }) => [
      dateLine(stamp),
      `column: ${first(site.columns, "栏目")}${choices(site.columns)}`,
      `source: ${q(`${TODO}来源，如 ${site.departments[0]?.name ?? "市政府办公室"}`)}`,
      `department: ${first(site.departments, "部门")}${choices(site.departments)}`,
      `topics: []${site.topics.length ? choices(site.topics) : ""}`,
      `# summary: 一两句话摘要`,
      `# author: 编辑姓名`,
      `# cover: { src: /media/images/example.jpg, alt: 图片内容说明 }`,
      `# attachments:`,
      `#   - { title: 附件名称, file: /media/attachments/example.pdf }`,
    ],
    folder: ({ stamp }) => String(stamp.year),
  },
};
