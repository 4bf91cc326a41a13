/** 留言办理: a letter's page (its particulars, the letter if published with consent, the reply) and its list rows. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { formatLetterDay, letterStatus } from "../../src/content-types/letter-status.ts";
import { previewBadge } from "../parts/article.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";

type Letter = RecordOf<"letter">;

/** The letter as the writer sent it: plain text, one paragraph per line (never Markdown: it is not ours). */
function letterText(text: string): Html {
  return html`${text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => html`<p>${line}</p>`)}`;
}

export function letterBody(ctx: LayoutContext, r: Letter, bodyHtml: string): Html {
  const f = r.fields;
  const zone = ctx.site.timeZone;
  const status = letterStatus(r);
  const row = (label: string, value: Html | string) =>
    html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<article class="article letter">
<header class="article-header"><h1>${f.title}</h1></header>
<table class="letter-meta">
<caption>办理信息</caption>
<tbody>
${row("类型", f.kind)}
${row("办理状态", html`<span class="letter-status ${status === "已答复" ? "answered" : "pending"}">${status}</span>`)}
${row("受理日期", html`<time>${formatLetterDay(f.received, zone)}</time>`)}
${row("受理单位", f.received_by)}
${f.referred_to.length ? row("转办单位", f.referred_to.join("、")) : ""}
${f.replied === undefined ? "" : row("答复日期", html`<time>${formatLetterDay(f.replied, zone)}</time>`)}
${f.replied_by === undefined ? "" : row("答复单位", f.replied_by)}
</tbody>
</table>
${f.letter_text === undefined ? "" : html`<section class="letter-text" aria-labelledby="letter-text-h"><h2 id="letter-text-h">来信内容</h2>${letterText(f.letter_text)}</section>`}
<section class="letter-reply" aria-labelledby="letter-reply-h"><h2 id="letter-reply-h">答复内容</h2>
${status === "已答复" ? html`<div class="article-body">${raw(bodyHtml)}</div>` : html`<p class="empty">正在办理中，答复后将在此公开。</p>`}
</section>
</article>`;
}

/**
 * A table of letters (lists and the statistics' audit lists). A letter that is not public is a row
 * without title or link: the audit list still shows every letter a figure counts.
 */
export function letterRows(ctx: LayoutContext, items: readonly Letter[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="来信列表" tabindex="0"><table class="letter-list">
<caption class="visually-hidden">来信列表</caption>
<thead><tr><th scope="col">标题</th><th scope="col">类型</th><th scope="col">受理单位</th><th scope="col">受理日期</th><th scope="col">状态</th><th scope="col">答复日期</th></tr></thead>
<tbody>${sharedRows(ctx, "letter", items, letterRow)}</tbody></table></div>`;
}

// Made once per record and build (sharedRows).
function letterRow(ctx: LayoutContext, r: Letter): Html {
  const zone = ctx.site.timeZone;
  return html`<tr><td class="title" data-label="标题">${r.fields.public ? html`<a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}` : html`<span class="withheld">不公开的来信</span>`}</td><td data-label="类型">${r.fields.kind}</td><td data-label="受理单位">${r.fields.received_by}</td><td data-label="受理日期">${formatLetterDay(r.fields.received, zone)}</td><td data-label="状态">${letterStatus(r)}</td><td data-label="答复日期">${r.fields.replied === undefined ? "—" : formatLetterDay(r.fields.replied, zone)}</td></tr>`;
}
