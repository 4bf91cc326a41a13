/** A policy document's page (the catalogue metadata table, the text, 解读 linked both ways) and its catalogue rows. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { formatDay } from "../../src/portal/dates.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";
import { formLabel, interpretationForm } from "./interpretation.ts";
import { articleHeader, attachmentList, previewBadge, topicTags } from "../parts/article.ts";
import { policyHistory, RELATION_WORDS, type PolicyHistory } from "../../src/portal/policy-history.ts";

const day = (ms: number | undefined, ctx: LayoutContext) =>
  ms === undefined ? "" : formatDay(ms, ctx.site.timeZone);

function related(ctx: LayoutContext, r: RecordOf<"policy">): Html | string {
  const doc = ctx.portal.interpretedDocOf.get(r.fields.index_no);
  if (doc) {
    return html`<section class="related" aria-labelledby="related-h"><h2 id="related-h">解读的文件</h2><ul><li><a href="${ctx.href(doc.url)}">${doc.fields.title}</a>${doc.fields.doc_no ? html`（${doc.fields.doc_no}）` : ""}</li></ul></section>`;
  }
  const interpretations = ctx.portal.interpretationsOf.get(r.fields.index_no) ?? [];
  if (!interpretations.length) return "";
  return html`<section class="related" aria-labelledby="related-h"><h2 id="related-h">相关解读</h2><ul>${interpretations.map((i) => html`<li><a href="${ctx.href(i.url)}">${i.fields.title}</a>${formLabel(i)} <time>${i.day}</time></li>`)}</ul></section>`;
}

/** 《标题》（发文字号）as a link. */
const docLink = (ctx: LayoutContext, doc: RecordOf<"policy">) =>
  html`<a href="${ctx.href(doc.url)}">${doc.fields.title}</a>${doc.fields.doc_no ? html`（${doc.fields.doc_no}）` : ""}`;

/** The marking on the earlier document ("在已发布的原文件上作出明确标注"), above its text. */
function historyNotice(ctx: LayoutContext, history: PolicyHistory): Html | string {
  if (!history.by.length) return "";
  return html`<div class="validity-notice history-notice" role="note"><ul>${history.by.map(
    (h) =>
      html`<li>本文件${RELATION_WORDS[h.relation].by}：${docLink(ctx, h.doc)}，<time>${h.doc.day}</time>发布。</li>`,
  )}</ul></div>`;
}

/** Both directions as a section after the text: what this document changed, what changed it. */
function historySection(ctx: LayoutContext, history: PolicyHistory): Html | string {
  if (!history.did.length && !history.by.length) return "";
  return html`<section class="related policy-history" aria-labelledby="history-h"><h2 id="history-h">文件变更</h2><ul>${history.did.map(
    (h) => html`<li>本文件${RELATION_WORDS[h.relation].done}：${docLink(ctx, h.doc)}</li>`,
  )}${history.by.map(
    (h) => html`<li>本文件${RELATION_WORDS[h.relation].by}：${docLink(ctx, h.doc)}</li>`,
  )}</ul></section>`;
}

// A module function, not a closure per page: under tsx's keepNames each named closure costs a defineProperty.
const row = (label: string, value: string | undefined) =>
  html`<th scope="row">${label}</th><td>${value ?? "—"}</td>`;

export function policyBody(ctx: LayoutContext, r: RecordOf<"policy">, bodyHtml: string): Html {
  const f = r.fields;
  const history = policyHistory(ctx.portal, r);
  const validity = f.validity === "有效" ? "有效" : `${f.validity}（${day(f.validity_changed, ctx)}起）`;
  return html`<article class="article policy">
<table class="policy-meta">
  <caption>文件信息</caption>
  <tbody>
    <tr>${row("索引号", f.index_no)}${row("主题分类", f.category)}</tr>
    <tr>${row("发文机关", f.issuer)}${row("成文日期", day(f.written, ctx))}</tr>
    <tr>${row("发文字号", f.doc_no)}${row("发布日期", r.day)}</tr>
    <tr>${row("有效性", validity)}${row("文件类型", f.kind)}</tr>
    <tr><th scope="row">标题</th><td colspan="3">${f.title}</td></tr>
    <tr><th scope="row">主题词</th><td colspan="3">${f.keywords.join("　") || "—"}</td></tr>
  </tbody>
</table>
${articleHeader(f.title, f.department, r.dateText)}
${f.validity !== "有效" ? html`<p class="validity-notice" role="note">本文件已${f.validity}，仅供查阅。</p>` : ""}
${historyNotice(ctx, history)}
${f.summary ? html`<p class="summary"><strong>内容概述：</strong>${f.summary}</p>` : ""}
${interpretationForm(ctx, r)}
<div class="article-body">${raw(bodyHtml)}</div>
${attachmentList(ctx, f.attachments)}
${historySection(ctx, history)}
${related(ctx, r)}
${topicTags(ctx, f.topics)}
</article>`;
}

/**
 * The catalogue table of the policy lists: 索引号, 名称, 发文字号, 生成日期, 有效性. A table on wide
 * screens and one card per row on phones (site.css, `.cards`): each cell carries its column's name
 * in data-label for the card's labels.
 */
export function policyRows(ctx: LayoutContext, items: readonly RecordOf<"policy">[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="文件列表" tabindex="0"><table class="catalogue">
<caption class="visually-hidden">政府信息公开目录</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发文字号</th><th scope="col">生成日期</th><th scope="col">有效性</th></tr></thead>
<tbody>${sharedRows(ctx, "policy", items, policyRow)}</tbody></table></div>`;
}

// 生成日期 is the document's 成文日期 (条例 第十二条), not the day it was put online. Made once per
// record and build (sharedRows): a policy is in several lists (its category, year, organ …).
const policyRow = (ctx: LayoutContext, r: RecordOf<"policy">): Html =>
  html`<tr><td class="index-no" data-label="索引号">${r.fields.index_no}</td><td class="title" data-label="名称"><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}${r.fields.summary ? html`<p class="row-summary">${r.fields.summary}</p>` : ""}</td><td data-label="发文字号">${r.fields.doc_no ?? "—"}</td><td data-label="生成日期"><time>${formatDay(r.fields.written, ctx.site.timeZone)}</time></td><td data-label="有效性">${r.fields.validity}</td></tr>`;
