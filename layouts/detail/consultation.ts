/** A consultation's page (period, status at the build's clock, how to submit, the draft, 结果反馈) and its list rows. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { formatDay } from "../../src/portal/dates.ts";
import { consultationStatus, feedbackDue } from "../../src/portal/time-bound.ts";
import { periodDays } from "../../src/content/consultation.ts";
import { articleHeader, attachmentList, previewBadge, summaryLead, topicTags } from "../parts/article.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";

type Consultation = RecordOf<"consultation">;

const day = (ctx: LayoutContext, ms: number) => formatDay(ms, ctx.site.timeZone);

function channelValue(c: Consultation["fields"]["channels"][number]): Html | string {
  if (c.kind === "电子邮件") return html`<a href="mailto:${c.value}">${c.value}</a>`;
  if (c.kind === "网址") return html`<a href="${c.value}" rel="external">${c.value}</a>`;
  return c.value;
}

function feedbackSection(ctx: LayoutContext, r: Consultation, closed: boolean): Html | string {
  const fb = r.fields.feedback;
  if (!fb) {
    if (!closed) return "";
    return html`<section class="consultation-feedback" aria-labelledby="feedback-h"><h2 id="feedback-h">结果反馈</h2><p>征集已结束，意见采纳情况将于 ${feedbackDue(ctx.site, r.fields.end).day} 前公布。</p></section>`;
  }
  return html`<section class="consultation-feedback" aria-labelledby="feedback-h"><h2 id="feedback-h">结果反馈</h2>
<dl class="facts">
  <div><dt>反馈日期</dt><dd><time>${day(ctx, fb.date)}</time></dd></div>
  <div><dt>收到意见</dt><dd>${fb.received} 条</dd></div>
  <div><dt>采纳意见</dt><dd>${fb.adopted} 条</dd></div>
</dl>
<h3>采纳情况</h3>
<p>${fb.summary}</p>
${
  fb.rejected.length
    ? html`<h3>未采纳的意见及理由</h3>
<div class="table-scroll" role="region" aria-label="未采纳的意见及理由" tabindex="0"><table>
<thead><tr><th scope="col">意见</th><th scope="col">未采纳理由</th></tr></thead>
<tbody>${fb.rejected.map((x) => html`<tr><td>${x.opinion}</td><td>${x.reason}</td></tr>`)}</tbody></table></div>`
    : ""
}
</section>`;
}

export function consultationBody(ctx: LayoutContext, r: Consultation, bodyHtml: string): Html {
  const f = r.fields;
  const status = consultationStatus(f, ctx.now, ctx.site.timeZone);
  const days = periodDays(f.start, f.end, ctx.site.timeZone);
  return html`<article class="article consultation">
${articleHeader(f.title, f.department, r.dateText, html`<span class="status">状态：<strong>${status}</strong></span>`)}
<dl class="facts">
  <div><dt>征集单位</dt><dd>${f.department}</dd></div>
  <div><dt>征集时间</dt><dd><time>${day(ctx, f.start)}</time> 至 <time>${day(ctx, f.end)}</time>（${days} 日）</dd></div>
  ${f.short_period_reason ? html`<div><dt>征集期少于 ${ctx.site.consultations.minDays} 日的理由</dt><dd>${f.short_period_reason}</dd></div>` : ""}
  <div><dt>状态</dt><dd>${status}</dd></div>
</dl>
<section class="consultation-channels" aria-labelledby="channels-h"><h2 id="channels-h">意见提交方式</h2>
<ul>${f.channels.map((c) => html`<li>${c.kind}：${channelValue(c)}</li>`)}</ul>
${status === "征集中" ? html`<p>请于 ${day(ctx, f.end)} 24 时前提交意见。</p>` : ""}
</section>
${summaryLead(f.summary)}
${bodyHtml.trim() ? html`<section class="consultation-draft" aria-labelledby="draft-h"><h2 id="draft-h">征求意见稿</h2><div class="article-body">${raw(bodyHtml)}</div></section>` : ""}
${attachmentList(ctx, f.attachments)}
${feedbackSection(ctx, r, status === "已结束")}
${topicTags(ctx, f.topics)}
</article>`;
}

/** The list of consultations: 标题, 征集单位, 征集时间, 状态 (at the build's clock), 结果反馈. */
export function consultationRows(ctx: LayoutContext, items: readonly Consultation[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="意见征集列表" tabindex="0"><table class="catalogue">
<caption class="visually-hidden">意见征集</caption>
<thead><tr><th scope="col">标题</th><th scope="col">征集单位</th><th scope="col">征集时间</th><th scope="col">状态</th><th scope="col">结果反馈</th></tr></thead>
<tbody>${sharedRows(ctx, "consultation", items, consultationRow)}</tbody></table></div>`;
}

// Made once per record and build (sharedRows).
function consultationRow(ctx: LayoutContext, r: Consultation): Html {
  const f = r.fields;
  return html`<tr><td class="title" data-label="标题"><a href="${ctx.href(r.url)}">${f.title}</a>${previewBadge(ctx, r)}</td><td data-label="征集单位">${f.department}</td><td data-label="征集时间"><time>${day(ctx, f.start)}</time> 至 <time>${day(ctx, f.end)}</time></td><td data-label="状态">${consultationStatus(f, ctx.now, ctx.site.timeZone)}</td><td data-label="结果反馈">${f.feedback ? `已反馈（收到 ${f.feedback.received} 条，采纳 ${f.feedback.adopted} 条）` : "—"}</td></tr>`;
}
