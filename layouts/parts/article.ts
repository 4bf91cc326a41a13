/** Pieces shared by detail pages: the title block with 来源 and 发布时间, the summary, attachments, topic tags. */
import { html, type Html } from "../../src/html/html.ts";
import { byName, urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";

export function articleHeader(
  title: string,
  source: string,
  dateText: string,
  extra: Html | string = "",
): Html {
  // Spaces between the flex items of .article-info: not drawn, but they keep 来源 and 发布时间 apart in the page's text.
  return html`<header class="article-header">
  <h1>${title}</h1>
  <p class="article-info"><span>来源：${source}</span> <span>发布时间：<time>${dateText}</time></span> ${extra} <button type="button" class="print-button" data-print hidden>打印本页</button></p>
</header>`;
}

/** The editor's summary under the title block (search holds it as shown there). */
export function summaryLead(summary: string | undefined): Html | string {
  return summary ? html`<p class="summary">${summary}</p>` : "";
}

export function attachmentList(
  ctx: LayoutContext,
  attachments: readonly { title: string; file: string }[],
): Html | string {
  if (!attachments.length) return "";
  return html`<section class="attachments" aria-labelledby="attachments-h"><h2 id="attachments-h">附件</h2><ul>${attachments.map(
    (a) =>
      html`<li><a href="${ctx.href(a.file)}" download>${a.title}</a> <span class="file-kind">（${a.file.split(".").pop()?.toUpperCase() ?? ""}）</span></li>`,
  )}</ul></section>`;
}

export function topicTags(ctx: LayoutContext, topics: readonly string[]): Html | string {
  if (!topics.length) return "";
  // Spaces between the flex items: not drawn, but they keep the tags apart in the page's text (search).
  return html`<p class="topic-tags"><span>相关专题：</span>${topics.map((name) => html` <a href="${ctx.href(urls.topic(byName(ctx.site.topics, name).key))}">${name}</a>`)}</p>`;
}

/** In lists of a preview build: marks an item that production would not show. */
export function previewBadge(
  ctx: LayoutContext,
  r: { fields: { draft: boolean }; publishedAt: number },
): Html | string {
  if (!ctx.preview) return "";
  if (r.fields.draft) return html`<span class="preview-badge">（草稿）</span>`;
  return r.publishedAt > ctx.preview.now ? html`<span class="preview-badge">（定时发布）</span>` : "";
}

/** Shown on preview builds only, where drafts and scheduled items are published for review. */
export function previewNotice(isDraft: boolean, scheduled: boolean): Html | string {
  if (!isDraft && !scheduled) return "";
  return html`<p class="preview-notice" role="note">${isDraft ? "草稿预览：此内容尚未发布。" : "定时发布预览：此内容尚未到发布时间。"}</p>`;
}
