/** Page links for a paginated list: first, previous, a window around the current page, next, last. */
import { html, type Html } from "../../src/html/html.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";

export function pagination(
  ctx: LayoutContext,
  base: string,
  current: number,
  count: number,
  total: number,
): Html {
  const link = (n: number, label: string | number, rel?: string) =>
    n === current
      ? html`<li><span aria-current="page">${label}</span></li>`
      : html`<li><a href="${ctx.href(urls.page(base, n))}"${rel ? html` rel="${rel}"` : ""}>${label}</a></li>`;
  const pages: number[] = [];
  for (let n = Math.max(1, current - 2); n <= Math.min(count, current + 2); n++) pages.push(n);
  return html`<nav class="pagination" aria-label="分页">
  <p>共 ${total} 条，第 ${current} / ${count} 页</p>
  ${
    count > 1
      ? html`<ul>
    ${current > 1 ? [link(1, "首页"), link(current - 1, "上一页", "prev")] : ""}
    ${pages.map((n) => link(n, n))}
    ${current < count ? [link(current + 1, "下一页", "next"), link(count, "尾页")] : ""}
  </ul>`
      : ""
  }
</nav>`;
}
