/** The page shell: head, header, breadcrumbs, main, footer. Every page goes through it. */
import { html, type Html } from "../src/html/html.ts";
import { absoluteUrl } from "../src/portal/urls.ts";
import type { LayoutContext, PageMeta } from "../src/view/context.ts";
import { stableMeta } from "../src/view/stable-meta.ts";
import { head } from "./parts/head.ts";
import { header } from "./parts/header.ts";
import { footer } from "./parts/footer.ts";

function breadcrumbs(ctx: LayoutContext, page: PageMeta): Html | string {
  if (!page.breadcrumbs?.length) return "";
  const crumbs = [{ label: "首页", url: "/" }, ...page.breadcrumbs];
  return html`<nav class="breadcrumbs wrap" aria-label="当前位置"><span>当前位置：</span><ol>${crumbs.map(
    (c, i) =>
      i === crumbs.length - 1 || !c.url
        ? html`<li><span aria-current="page">${c.label}</span></li>`
        : html`<li><a href="${ctx.href(c.url)}">${c.label}</a></li>`,
  )}</ol></nav>`;
}

export function basePage(ctx: LayoutContext, page: PageMeta, main: Html): string {
  // Our per-page parts read one shape (stable-meta.ts); header and footer, which a site may
  // override, get the page's meta as the layout made it.
  const meta = stableMeta(page);
  return `<!doctype html>
${html`<html lang="zh-CN">
${head(ctx, meta)}
<body class="${meta.bodyClass ?? ""}">
${ctx.preview ? html`<p class="preview-banner" role="note">预览版本：包含草稿和定时发布的内容，仅供内部审核，不得对外发布。</p>` : ""}
${header(ctx, page)}
${breadcrumbs(ctx, meta)}
<main id="main" class="wrap" tabindex="-1">
<p class="print-only print-url">本页网址：${absoluteUrl(ctx.site, meta.url)}</p>
${main}
</main>
${footer(ctx, page)}
</body>
</html>`.toString()}\n`;
}
