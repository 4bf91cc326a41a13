/** Skip link, accessibility switches, site title, search box and main navigation. */
import { html, type Html } from "../../src/html/html.ts";
import { urls } from "../../src/portal/urls.ts";
import { inNavOrder } from "../../src/content-types/spec.ts";
import type { LayoutContext, PageMeta } from "../../src/view/context.ts";
import { overridden, overridesOf } from "../overrides.ts";
import { sharedPart } from "../../src/view/shared-parts.ts";
import { inlineSvg } from "./inline-svg.ts";
import { QUERY_LIMIT } from "../../src/assets/search-query.js";

/** 首页, then the content types' entries (their spec's `nav` and `navEntries`), in order. */
function mainNav(ctx: LayoutContext): { section: string; label: string; url: string }[] {
  const entries = [
    ...inNavOrder(ctx.portal.types).map((t) => ({ section: t.section, ...t.nav! })),
    ...ctx.portal.types.flatMap((t) => t.navEntries?.(ctx.portal) ?? []),
  ];
  return [{ section: "home", label: "首页", url: urls.home }, ...entries.sort((a, b) => a.order - b.order)];
}

export function header(ctx: LayoutContext, page: PageMeta): Html {
  const own = overridesOf(ctx).header;
  // Ours depends on the page's section and images only: one per pair (a site's own may read more of the page).
  return own
    ? overridden(own, ourHeader, ctx, page)
    : sharedPart(ctx, `header:${page.section}:${page.inlineImages ? "inline" : "img"}`, () =>
        ourHeader(ctx, page),
      );
}

/** The site's logo, or the generator's emblem (drawn in the page where asked: `PageMeta.inlineImages`). */
function emblem({ site, href }: LayoutContext, page: PageMeta): Html {
  if (page.inlineImages && !site.theme.logo) return inlineSvg("emblem.svg", "site-emblem");
  return html`<img src="${href(site.theme.logo ?? "/assets/emblem.svg")}" alt="" width="48" height="48">`;
}

function ourHeader(ctx: LayoutContext, page: PageMeta): Html {
  const { site, href } = ctx;
  const banner = page.section === "home";
  const tagline = banner ? site.theme.banner.tagline : "";
  return html`<a class="skip-link" href="#main">跳到主要内容</a>
<div class="toolbar" role="region" aria-label="无障碍与适老化">
  <div class="wrap toolbar-inner">
    <span class="toolbar-label">无障碍浏览：</span>
    <button type="button" class="switch" data-mode="large-font" aria-pressed="false" hidden>大字模式</button>
    <button type="button" class="switch" data-mode="high-contrast" aria-pressed="false" hidden>高对比度</button>
    <button type="button" class="switch" data-mode="big-cursor" aria-pressed="false" hidden>特大鼠标</button>
    <button type="button" class="switch" data-mode="speech" aria-pressed="false" hidden>语音阅读</button>
    <a class="switch-fallback" href="${href(urls.sitemap)}#accessibility">使用说明</a>
  </div>
  <div class="wrap speech-bar" data-speech-bar>
    <button type="button" class="switch" data-speech="start">朗读正文</button>
    <button type="button" class="switch" data-speech="stop">停止朗读</button>
    <p class="speech-status" role="status" aria-live="polite"></p>
  </div>
</div>
<header class="site-header${banner ? " banner" : ""}">
  <div class="wrap header-inner">
    <a class="site-title" href="${href(urls.home)}">${emblem(ctx, page)}<span>${site.name}</span></a>
    ${tagline ? html`<p class="tagline">${tagline}</p>` : ""}
    <form class="search-box" role="search" action="${href(urls.search)}" method="get">
      <label for="site-search-q">搜索本站</label>
      <input id="site-search-q" type="search" name="q" maxlength="${QUERY_LIMIT}" placeholder="输入政策、办事事项等关键词" autocomplete="off">
      <button type="submit">搜索</button>
    </form>
  </div>
  <nav class="main-nav" aria-label="主导航">
    <ul class="wrap">
      ${mainNav(ctx).map((item) => html`<li><a href="${href(item.url)}"${item.section === page.section ? html` aria-current="page"` : ""}>${item.label}</a></li>`)}
    </ul>
  </nav>
</header>`;
}
