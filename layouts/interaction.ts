/**
 * 互动交流: the section's own page. The 咨询建言 channels (what search holds of the page:
 * src/pages/interaction-document.ts), the letters (newest, by 类型 and 办理状态,
 * and their statistics), and the lists of any other type the build puts in this section (意见征集,
 * 在线访谈 …) by their spec's `section`.
 */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { interactionUrls } from "../src/portal/interaction-urls.ts";
import { jiucuoUrl } from "../src/portal/identity-links.ts";
import { LETTER_KINDS } from "../src/content/letter.ts";
import { publicLetters } from "../src/content-types/letter-lists.ts";
import { formatLetterDay, letterStatus } from "../src/content-types/letter-status.ts";
import { basePage } from "./base.ts";

function channelList(ctx: LayoutContext): Html {
  return html`<ul class="channels">${ctx.site.interaction.channels.map(
    (c) =>
      // The name in a block of its own, as site.css shows it (its link is a block): the search index's
      // text ends a line there too (src/search/visible-text.mjs reads <a> as inline).
      html`<li><div><a href="${c.url}" rel="noopener noreferrer">${c.label}</a></div>${c.note ? html`<span>${c.note}</span>` : ""}</li>`,
  )}</ul>`;
}

function lettersSection(ctx: LayoutContext, statisticsYear: number | undefined): Html {
  const letters = publicLetters(ctx.portal);
  const answered = letters.filter((r) => letterStatus(r) === "已答复").length;
  return html`<section aria-labelledby="ix-letters"><h2 id="ix-letters">留言办理</h2>
<p>已公开来信 <strong>${letters.length}</strong> 件，其中已答复 <strong>${answered}</strong> 件、办理中 <strong>${letters.length - answered}</strong> 件。</p>
${
  letters.length
    ? html`<ul class="item-list">${letters
        .slice(0, 6)
        .map(
          (r) =>
            html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a><span class="item-kind">${r.fields.kind} · ${letterStatus(r)}</span><time>${formatLetterDay(r.fields.received, ctx.site.timeZone)}</time></li>`,
        )}</ul>`
    : html`<p class="empty">暂无公开的来信。</p>`
}
<p class="more-links"><a href="${ctx.href(interactionUrls.letters)}">全部来信</a>${LETTER_KINDS.map((kind) => html` · <a href="${ctx.href(interactionUrls.letterType(kind))}">${kind}</a>`)} · <a href="${ctx.href(interactionUrls.letterStatus("已答复"))}">已答复</a> · <a href="${ctx.href(interactionUrls.letterStatus("办理中"))}">办理中</a>${statisticsYear === undefined ? "" : html` · <a href="${ctx.href(interactionUrls.letterStatistics(statisticsYear))}">留言办理统计</a>`}</p>
</section>`;
}

/** Types other than letters that put themselves in this section: a link to each one's first list. */
function otherSections(ctx: LayoutContext): Html | string {
  const entries = ctx.portal.types
    .filter((t) => t.section === "interaction" && t.type !== "letter")
    .flatMap((t) => {
      const first = t.lists?.(ctx.portal)[0];
      return first ? [{ label: t.label, url: first.base, total: first.total }] : [];
    });
  if (!entries.length) return "";
  return html`<section aria-labelledby="ix-more"><h2 id="ix-more">更多互动</h2><ul class="channels">${entries.map(
    (e) => html`<li><a href="${ctx.href(e.url)}">${e.label}</a><span>共 ${e.total} 项</span></li>`,
  )}</ul></section>`;
}

export function interactionPage(ctx: LayoutContext, statisticsYear: number | undefined): string {
  const { site } = ctx;
  // The heading is searched with the 咨询建言 section: it is the result's title, and a title search
  // cannot find a page whose indexed text lacks it (adv49: 互动 found the page, the text did not hold it).
  const main = html`<h1 data-search-body>互动交流</h1>
<section aria-labelledby="ix-channels" data-search-body><h2 id="ix-channels">咨询建言</h2>
<p>咨询、投诉、建议和求助，请通过以下渠道提交；答复后在“留言办理”中公开（来信人不同意公开的除外）。</p>
${channelList(ctx)}
<p>市民服务热线：<a href="tel:${site.hotline}">${site.hotline}</a>　网站纠错：<a href="${jiucuoUrl(site, interactionUrls.index)}" rel="noopener noreferrer">我为政府网站找错</a></p>
</section>
${lettersSection(ctx, statisticsYear)}
${otherSections(ctx)}`;
  return basePage(
    ctx,
    {
      title: "互动交流",
      url: interactionUrls.index,
      section: "interaction",
      breadcrumbs: [{ label: "互动交流" }],
      column: { name: "互动交流", description: "咨询建言渠道、留言办理和有关统计数据", type: "互动交流" },
    },
    main,
  );
}
