/**
 * The search page. Results need JavaScript (src/assets/search.js and its Worker); without
 * it the page says so and offers the catalogue. No inline script or style. The script is fetched
 * from <head> and runs once the body is parsed, before the page's first layout and paint (an async
 * script Chromium holds back until the first paint), so the search in the address is under way while
 * the page is laid out; it finds the index beside the assets (`<prefix>/pagefind/`). Filters and sorting sit behind one
 * closed 筛选 disclosure (a plain <details>), so on a phone the results come first; without
 * JavaScript there is nothing to filter and the disclosure is not shown.
 */
import { html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import { searchFacets } from "../src/search/records.ts";
import { QUERY_LIMIT } from "../src/assets/search-query.js";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

/** An example in the search box from this site's own content: its newest 发文字号, if any. */
function placeholderOf(ctx: LayoutContext): string {
  const docNo = ctx.portal.byType.policy.find((p) => p.fields.doc_no)?.fields.doc_no;
  return `如：行政许可、低保${docNo ? `、${docNo}` : ""}`;
}

export function searchPage(ctx: LayoutContext): string {
  const main = html`<h1>站内搜索</h1>
<div id="search-app" class="search-app">
<form class="search-page-form" role="search" action="${ctx.href(urls.search)}" method="get">
  <div class="search-field">
    <label for="search-q">搜索关键词</label>
    <input id="search-q" type="search" name="q" maxlength="${QUERY_LIMIT}" autocomplete="off" placeholder="${placeholderOf(ctx)}">
    <button type="submit">搜索</button>
  </div>
  <p class="search-hint">查找页面上显示的文字（标题、正文、文号、附件名称、办事指南各项）完整包含所输入文字的页面。用空格分开的几个词须同时出现；用引号括起的词组按原样查找；全角半角、大小写和文号括号〔〕[]（）【】不区分；最多 ${QUERY_LIMIT} 字。</p>
  <details class="search-disclosure">
  <summary>筛选</summary>
  <fieldset class="search-controls" hidden>
    <legend>筛选和排序</legend>
    ${searchFacets(ctx.portal.types).map(({ key, label }) => html`<div class="search-filter"><label for="search-filter-${key}">${label}</label><select id="search-filter-${key}" name="${key}"><option value="">全部${label}</option></select></div>`)}
    <div class="search-filter"><label for="search-sort">排序</label><select id="search-sort" name="sort"><option value="relevance">相关度（标题匹配在前）</option><option value="desc">发布时间（最新在前）</option><option value="asc">发布时间（最早在前）</option></select></div>
  </fieldset>
  </details>
</form>
<noscript><p class="notice">站内搜索需要启用浏览器的 JavaScript。未启用时，请通过<a href="${ctx.href(urls.policies)}">政府信息公开目录</a>、<a href="${ctx.href(urls.guides)}">办事服务</a>或<a href="${ctx.href(urls.sitemap)}">网站地图</a>查找信息。</p></noscript>
<p id="search-status" class="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="search-results"></ol>
<button type="button" id="search-more" class="search-more" hidden>加载更多结果</button>
</div>
`;
  return basePage(
    ctx,
    {
      title: "站内搜索",
      url: urls.search,
      description: `搜索${ctx.site.name}门户网站的新闻、政策文件、政策解读、办事指南和视频`,
      breadcrumbs: [{ label: "站内搜索" }],
      column: { name: "站内搜索", type: "搜索" },
      bodyClass: "search-page",
      // The emblem and the badge in the page: an SVG image is a main-thread task of its own (50–70 ms
      // under load), the badge's when it scrolls into view, after the results.
      inlineImages: true,
      // site.css, search.css, theme.css and print.css in one file (layouts/search-css.ts), and the tab
      // icon a data: URL (inlineImages): every request of the page counts in a query's (issue 14).
      stylesheet: "/assets/search-page.css",
      // Starts the Worker, the manifest and the search in the address before the CSS is in; then
      // cuts the page's first layout into several tasks (search-boot.js and search-first-layout.js in
      // one file, src/assets/search-head.js, which the index step writes: one request, not two), then
      // site.js (the same file: one request, not two).
      firstScripts: ["/pagefind/search-head.js"],
      siteScriptFirst: true,
      // src/assets/search.js and the modules it imports, in one file the index step writes.
      modules: ["/pagefind/search-page.js"],
    },
    main,
  );
}
