/** How one record appears in a list, by list style. */
import { html, type Html } from "../../src/html/html.ts";
import { CONTENT_TYPES, type ContentRecord, type RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { previewBadge } from "./article.ts";
import { formatDay } from "../../src/portal/dates.ts";
import type { ListStyle } from "../../src/view/list-data.ts";

function newsRows(ctx: LayoutContext, items: readonly ContentRecord[], showType: boolean): Html {
  return html`<ul class="item-list">${items.map(
    (r) =>
      html`<li><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}${showType ? html`<span class="item-kind">${CONTENT_TYPES[r.type].label}</span>` : ""}<time>${r.day}</time></li>`,
  )}</ul>`;
}

/*
 * The catalogue and guide tables are tables on wide screens and one card per row on phones
 * (site.css, `.cards`): each cell carries its column's name in data-label for the card's labels.
 */
function policyRows(ctx: LayoutContext, items: readonly RecordOf<"policy">[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="文件列表" tabindex="0"><table class="catalogue">
<caption class="visually-hidden">政府信息公开目录</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发文字号</th><th scope="col">生成日期</th><th scope="col">有效性</th></tr></thead>
<tbody>${items.map(
    // 生成日期 is the document's 成文日期 (条例 第十二条), not the day it was put online.
    (r) =>
      html`<tr><td class="index-no" data-label="索引号">${r.fields.index_no}</td><td class="title" data-label="名称"><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}${r.fields.summary ? html`<p class="row-summary">${r.fields.summary}</p>` : ""}</td><td data-label="发文字号">${r.fields.doc_no ?? "—"}</td><td data-label="生成日期"><time>${formatDay(r.fields.written, ctx.site.timeZone)}</time></td><td data-label="有效性">${r.fields.validity}</td></tr>`,
  )}</tbody></table></div>`;
}

function guideRows(ctx: LayoutContext, items: readonly RecordOf<"guide">[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="事项列表" tabindex="0"><table class="guide-list">
<caption class="visually-hidden">办事指南列表</caption>
<thead><tr><th scope="col">事项名称</th><th scope="col">事项类型</th><th scope="col">实施主体</th><th scope="col">承诺时限</th></tr></thead>
<tbody>${items.map(
    (r) =>
      html`<tr><td class="title" data-label="事项名称"><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}</td><td data-label="事项类型">${r.fields.item_type}</td><td data-label="实施主体">${r.fields.department}</td><td data-label="承诺时限">${r.fields.promised_days} 个工作日</td></tr>`,
  )}</tbody></table></div>`;
}

export function rows(ctx: LayoutContext, style: ListStyle, items: readonly ContentRecord[]): Html {
  if (!items.length) return html`<p class="empty">本栏目暂无内容。</p>`;
  if (style === "policy") return policyRows(ctx, items as RecordOf<"policy">[]);
  if (style === "guide") return guideRows(ctx, items as RecordOf<"guide">[]);
  return newsRows(ctx, items, style === "mixed");
}
