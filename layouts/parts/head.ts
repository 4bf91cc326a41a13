/** <head>: title, the government meta tags (SiteName … ArticleTitle …), styles and scripts. */
import { html, type Html } from "../../src/html/html.ts";
import { absoluteUrl } from "../../src/portal/urls.ts";
import type { LayoutContext, PageMeta } from "../../src/view/context.ts";
import { tabIconPng } from "./inline-svg.ts";

const meta = (name: string, content: string | undefined) =>
  content === undefined ? "" : html`<meta name="${name}" content="${content}">`;

/** The SiteDomain of each site config: parsed once, not for every page. */
const domains = new WeakMap<LayoutContext["site"], string>();

function domainOf(site: LayoutContext["site"]): string {
  let domain = domains.get(site);
  if (domain === undefined) domains.set(site, (domain = new URL(site.baseUrl).host));
  return domain;
}

/** site.css, the page kind's own, the site's theme, then print (layouts/search-css.ts folds them in this order). */
const stylesheets = (
  href: LayoutContext["href"],
  page: PageMeta,
) => html`<link rel="stylesheet" href="${href("/assets/site.css")}">
${(page.styles ?? []).map((url) => html`<link rel="stylesheet" href="${href(url)}">`)}
<link rel="stylesheet" href="${href("/assets/theme.css")}">
<link rel="stylesheet" href="${href("/assets/print.css")}" media="print">`;

export function head(ctx: LayoutContext, page: PageMeta): Html {
  const { site, href } = ctx;
  const title = page.url === "/" ? site.name : `${page.title} - ${site.name}`;
  const domain = domainOf(site);
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${(page.firstScripts ?? []).map((url) => html`<script src="${href(url)}"></script>`)}
${meta("SiteName", site.name)}
${meta("SiteDomain", domain)}
${meta("SiteIDCode", site.siteIdCode)}
${page.column ? [meta("ColumnName", page.column.name), meta("ColumnDescription", page.column.description ?? ""), meta("ColumnKeywords", (page.column.keywords ?? []).join(",")), meta("ColumnType", page.column.type)] : ""}
${page.article ? [meta("ArticleTitle", page.article.title), meta("PubDate", page.article.pubDate), meta("ContentSource", page.article.source), meta("Keywords", (page.article.keywords ?? []).join(",")), meta("Author", page.article.author ?? page.article.source), meta("Url", absoluteUrl(site, page.url))] : ""}
${meta("description", page.description)}
${page.noindex || ctx.preview ? html`<meta name="robots" content="noindex">` : html`<link rel="canonical" href="${page.canonical ?? absoluteUrl(site, page.url)}">`}
${page.inlineImages ? html`<link rel="icon" href="${tabIconPng()}" type="image/png">` : html`<link rel="icon" href="${href("/assets/favicon.svg")}" type="image/svg+xml">`}
${page.stylesheet ? html`<link rel="stylesheet" href="${href(page.stylesheet)}">` : stylesheets(href, page)}
${(page.feeds ?? []).map((f) => html`<link rel="alternate" type="application/atom+xml" title="${f.title}" href="${href(f.url)}">`)}
${page.siteScriptFirst ? "" : html`<script src="${href("/assets/site.js")}"></script>`}
${(page.modules ?? []).map((url) => html`<script type="module" src="${href(url)}"></script>`)}
</head>`;
}
