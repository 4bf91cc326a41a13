/** 404: served for any missing path, so every link is absolute (with the path prefix). */
import { html } from "../src/html/html.ts";
import { urls } from "../src/portal/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";

export function notFoundPage(ctx: LayoutContext): string {
  const main = html`<h1>页面不存在</h1>
<p>您访问的页面不存在或已被移除。您可以：</p>
<ul>
  <li>返回<a href="${ctx.href(urls.home)}">首页</a></li>
  <li>查看<a href="${ctx.href(urls.sitemap)}">网站地图</a></li>
  <li>使用页面顶部的搜索框查找</li>
</ul>`;
  return basePage(ctx, { title: "页面不存在", url: urls.notFound, noindex: true }, main);
}
