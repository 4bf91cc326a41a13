/** 页面: plain pages (政府信息公开指南, 概况 …), listed on 网站地图 under 政府信息公开. */
import { pageSchema, type PageFields } from "../content/page.ts";
import { plainBody } from "../../layouts/detail/page.ts";
import { dateLine } from "../editors/scaffold-lines.ts";
import type { TypeSpec } from "./spec.ts";

export const page: TypeSpec<"page", PageFields> = {
  type: "page",
  folder: "pages",
  label: "页面",
  schema: pageSchema,
  section: "",
  detail: {
    layout: (_ctx, r, bodyHtml) => plainBody(r, bodyHtml),
    crumbs: () => [],
    section: (r) => (r.fields.nav ? `page:${r.id}` : ""),
  },
  sitemapLinks: ({ portal }) => ({
    into: "policies",
    links: portal.byType.page.map((p) => ({ label: p.fields.title, url: p.url })),
  }),
  // 概况 and the like: a page with `nav` has an entry in the main navigation, after 首页.
  navEntries: (portal) =>
    portal.byType.page.flatMap((p, i) =>
      p.fields.nav
        ? [{ label: p.fields.nav, url: p.url, order: 0.5 + i / 1000, section: `page:${p.id}` }]
        : [],
    ),
  undatedYears: true,
  scaffold: { lines: ({ stamp }) => [dateLine(stamp)], folder: () => "" },
};
