/**
 * Page links for a paginated list: previous, the first page, a window of two around the current
 * page, the last page, next; "…" where pages are left out. The current page is marked, so a reader
 * always sees where they are and how far the list goes (1 … 4 5 [6] 7 8 … 20).
 */
import { html, type Html } from "../../src/html/html.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";

/** The page numbers to show, with null where a gap of more than one page is left out. */
export function pageWindow(current: number, count: number, around = 2): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const gap = i > 0 ? n - sorted[i - 1] : 1;
    if (gap === 2)
      out.push(n - 1); // a gap of one page: show the page rather than "…"
    else if (gap > 2) out.push(null);
    out.push(n);
  });
  return out;
}

function link(ctx: LayoutContext, base: string, n: number, label: string, rel?: string): Html {
  return html`<li><a href="${ctx.href(urls.page(base, n))}"${rel ? html` rel="${rel}"` : ""}>${label}</a></li>`;
}

function numberItem(
  ctx: LayoutContext,
  base: string,
  current: number,
  count: number,
  n: number | null,
): Html {
  return n === null
    ? html`<li><span class="gap" aria-hidden="true">…</span></li>`
    : n === current
      ? html`<li><span aria-current="page"><span class="visually-hidden">第 </span>${n}<span class="visually-hidden"> 页</span></span></li>`
      : html`<li><a href="${ctx.href(urls.page(base, n))}"${n === count ? html` aria-label="尾页，第 ${n} 页"` : ""}>${n}</a></li>`;
}

export function pagination(
  ctx: LayoutContext,
  base: string,
  current: number,
  count: number,
  total: number,
): Html {
  // Module functions, not closures per call: under tsx's keepNames each named closure costs a defineProperty.
  return html`<nav class="pagination" aria-label="分页">
  <p>共 ${total} 条，第 ${current} / ${count} 页</p>
  ${
    count > 1
      ? html`<ul>
    ${current > 1 ? link(ctx, base, current - 1, "上一页", "prev") : ""}
    ${pageWindow(current, count).map((n) => numberItem(ctx, base, current, count, n))}
    ${current < count ? link(ctx, base, current + 1, "下一页", "next") : ""}
  </ul>`
      : ""
  }
</nav>`;
}
