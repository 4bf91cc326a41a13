/** The search page. Results need JavaScript; without it the page says so and offers the catalogue. */
import { html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import type { LayoutContext } from "./context.ts";
import { basePage } from "./base.ts";

export function searchPage(ctx: LayoutContext): string {
  const main = html`<h1>站内搜索</h1>
<form class="search-page-form" role="search" action="${ctx.href(urls.search)}" method="get">
  <label for="search-q">搜索关键词</label>
  <input id="search-q" type="search" name="q" autocomplete="off">
  <button type="submit">搜索</button>
</form>
<noscript><p class="notice">站内搜索需要启用浏览器的 JavaScript。未启用时，请通过<a href="${ctx.href(urls.policies)}">政府信息公开目录</a>、<a href="${ctx.href(urls.guides)}">办事服务</a>或<a href="${ctx.href(urls.sitemap)}">网站地图</a>查找信息。</p></noscript>
<div id="search-results" aria-live="polite"></div>`;
  return basePage(ctx, { title: "站内搜索", url: urls.search, breadcrumbs: [{ label: "站内搜索" }], column: { name: "站内搜索", type: "搜索" }, bodyClass: "search-page" }, main);
}
