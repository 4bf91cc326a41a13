/** The footer every government page must carry (domain.md §5): identifiers, sponsor, contacts. */
import { escapeHtml, html, raw, type Html } from "../../src/html/html.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext, PageMeta } from "../../src/view/context.ts";
import { conacUrl, jiucuoUrl } from "../../src/portal/identity-links.ts";
import { interactionUrls } from "../../src/portal/interaction-urls.ts";
import { overridesOf } from "../overrides.ts";
import { sharedPart } from "../../src/view/shared-parts.ts";
import { inlineSvg } from "./inline-svg.ts";

/** 2025—2026: from the configured first year to the build's year (one year when they are equal). */
function years(ctx: LayoutContext): string {
  const since = ctx.site.copyrightSince;
  const now = ctx.year;
  if (since && now && now > since) return `${since}—${now}`;
  return String(since ?? now ?? "");
}

export function footer(ctx: LayoutContext, page: PageMeta): Html {
  const own = overridesOf(ctx).footer;
  return own ? own(ctx, () => ourFooter(ctx, page), page) : pageFooter(ctx, page);
}

/** Stands for the page's 找错 link while the footer around it is made once (no escaping touches it). */
const MARK = "\u0000jiucuo\u0000";

/** Our footer: only the 找错 link differs from page to page, the rest is made once. */
function pageFooter(ctx: LayoutContext, page: PageMeta): Html {
  const key = page.inlineImages ? "footer:inline" : "footer";
  const [before, after] = sharedPart(ctx, key, () => ourFooter(ctx, page, MARK).value.split(MARK));
  if (after === undefined) return ourFooter(ctx, page);
  return raw(before + escapeHtml(jiucuoUrl(ctx.site, page.url)) + after);
}

/** 咨询建言: every configured channel, on every page (an online channel is a veto item of the inspection). */
function channels(ctx: LayoutContext): Html {
  const list = ctx.site.interaction.channels;
  return html`<nav class="footer-channels" aria-label="咨询建言"><a href="${ctx.href(interactionUrls.index)}">互动交流</a>：${list.map(
    (c, i) =>
      html`${i ? html`<span aria-hidden="true">|</span>` : ""}<a href="${c.url}" rel="noopener noreferrer">${c.label}</a>`,
  )}</nav>`;
}

/** 党政机关网站标识: an image, or drawn in the page where asked (`PageMeta.inlineImages`). */
function badge({ href }: LayoutContext, page: PageMeta): Html {
  if (page.inlineImages) return inlineSvg("dzjg.svg", "conac-badge", "党政机关网站标识");
  return html`<img src="${href("/assets/dzjg.svg")}" alt="党政机关网站标识" width="55" height="64" loading="lazy">`;
}

function ourFooter(ctx: LayoutContext, page: PageMeta, jiucuo = jiucuoUrl(ctx.site, page.url)): Html {
  const { site, href } = ctx;
  return html`<footer class="site-footer">
  <div class="wrap">
    <nav class="footer-links" aria-label="页脚链接">
      <a href="${href(urls.sitemap)}">网站地图</a><span aria-hidden="true">|</span>
      <a href="${href(urls.contact)}">联系我们</a><span aria-hidden="true">|</span>
      <a href="${href(urls.search)}">站内搜索</a><span aria-hidden="true">|</span>
      <a class="jiucuo" href="${jiucuo}" rel="noopener noreferrer">我为政府网站找错</a>
    </nav>
    ${channels(ctx)}
    <div class="footer-body">
      <a class="conac" href="${conacUrl(site)}" rel="noopener noreferrer">${badge(ctx, page)}</a>
      <div class="footer-text">
        <p>主办单位：${site.sponsor}　技术维护：${site.maintainer}</p>
        <p>地址：${site.address}　邮编：<span class="nowrap">${site.postcode}</span>　电子邮箱：<a href="mailto:${site.email}">${site.email}</a>　<span class="nowrap">市民服务热线：${site.hotline}</span></p>
        <p><span class="nowrap">网站标识码：${site.siteIdCode}</span>　<a class="nowrap" href="https://beian.miit.gov.cn/" rel="noopener noreferrer">${site.icp}</a>　<a class="nowrap" href="https://beian.mps.gov.cn/" rel="noopener noreferrer">${site.publicSecurityRecord}</a></p>
        <p>版权所有 © <span class="nowrap">${years(ctx)}</span> ${site.name}</p>
        ${site.theme.footerText.map((line) => html`<p>${line}</p>`)}
      </div>
    </div>
  </div>
</footer>`;
}
