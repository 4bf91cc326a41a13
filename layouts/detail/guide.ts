/** A procedure guide (办事指南): every required element, the materials as a printable checklist; its list rows. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import { urls } from "../../src/portal/urls.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader, previewBadge, summaryLead } from "../parts/article.ts";
import { sharedRows } from "../../src/view/shared-parts.ts";

const list = (items: readonly string[], ordered = false) =>
  ordered
    ? html`<ol>${items.map((i) => html`<li>${i}</li>`)}</ol>`
    : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;

function section(id: string, title: string, content: Html): Html {
  return html`<section class="guide-section" aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${content}</section>`;
}

export function guideBody(ctx: LayoutContext, r: RecordOf<"guide">, bodyHtml: string): Html {
  const f = r.fields;
  const fee = f.fee.charged ? html`收费。标准：${f.fee.standard}；依据：${f.fee.basis}` : "不收费";
  const online = f.online_url
    ? html`<a href="${ctx.href(f.online_url)}" rel="noopener noreferrer">${f.online_url}</a>`
    : "暂不支持网上办理";
  return html`<article class="article guide">
${articleHeader(f.title, f.department, r.dateText)}
${summaryLead(f.summary)}
${section(
  "basic-h",
  "基本信息",
  html`<table class="guide-basic"><caption class="visually-hidden">事项基本信息</caption><tbody>
  <tr><th scope="row">事项名称</th><td>${f.title}</td></tr>
  <tr><th scope="row">事项类型</th><td>${f.item_type}</td></tr>
  <tr><th scope="row">实施主体</th><td>${f.department}</td></tr>
  <tr><th scope="row">法定办结时限</th><td>${f.legal_days} 个工作日</td></tr>
  <tr><th scope="row">承诺办结时限</th><td>${f.promised_days} 个工作日</td></tr>
  <tr><th scope="row">是否收费</th><td>${fee}</td></tr>
  ${f.result ? html`<tr><th scope="row">审批结果</th><td>${f.result}</td></tr>` : ""}
  <tr><th scope="row">网办地址</th><td>${online}</td></tr>
</tbody></table>`,
)}
${section("basis-h", "设定依据", list(f.basis))}
${section("conditions-h", "申请条件", list(f.conditions))}
${section(
  "materials-h",
  "办理材料",
  html`<div class="table-scroll" role="region" aria-labelledby="materials-caption" tabindex="0"><table class="materials"><caption id="materials-caption">办理材料清单（共 ${f.materials.length} 项，可打印后逐项核对）</caption>
<thead><tr><th scope="col">核对</th><th scope="col">序号</th><th scope="col">材料名称</th><th scope="col">形式</th><th scope="col">份数</th><th scope="col">是否必要</th><th scope="col">备注</th></tr></thead>
<tbody>${f.materials.map((m, i) => html`<tr><td class="check"><span class="checkbox" aria-hidden="true"></span></td><td>${i + 1}</td><td>${m.name}</td><td>${m.form}</td><td>${m.copies}</td><td>${m.required ? "必要" : "非必要"}</td><td>${m.note ?? ""}</td></tr>`)}</tbody></table></div>`,
)}
${section("process-h", "办理流程", list(f.process, true))}
${section("where-h", "办理地点和时间", html`<dl class="guide-where"><dt>办理地点</dt><dd>${f.location}</dd><dt>办理时间</dt><dd>${f.hours}</dd></dl>`)}
${section("contact-h", "咨询与监督", html`<dl class="guide-where"><dt>咨询电话</dt><dd>${f.phone}</dd><dt>监督投诉电话</dt><dd>${f.complaint_phone}</dd></dl>`)}
${bodyHtml.trim() ? section("notes-h", "其他说明", html`<div class="article-body">${raw(bodyHtml)}</div>`) : ""}
</article>`;
}

/** The table of the guide lists (cards on phones, as the catalogue): 事项名称, 事项类型, 实施主体, 承诺时限. */
export function guideRows(ctx: LayoutContext, items: readonly RecordOf<"guide">[]): Html {
  return html`<div class="table-scroll cards" role="region" aria-label="事项列表" tabindex="0"><table class="guide-list">
<caption class="visually-hidden">办事指南列表</caption>
<thead><tr><th scope="col">事项名称</th><th scope="col">事项类型</th><th scope="col">实施主体</th><th scope="col">承诺时限</th></tr></thead>
<tbody>${sharedRows(ctx, "guide", items, guideRow)}</tbody></table></div>`;
}

// Made once per record and build (sharedRows): a guide is in its type's list and its organ's.
const guideRow = (ctx: LayoutContext, r: RecordOf<"guide">): Html =>
  html`<tr><td class="title" data-label="事项名称"><a href="${ctx.href(r.url)}">${r.fields.title}</a>${previewBadge(ctx, r)}</td><td data-label="事项类型">${r.fields.item_type}</td><td data-label="实施主体">${r.fields.department}</td><td data-label="承诺时限">${r.fields.promised_days} 个工作日</td></tr>`;

/** Its home-page block: the 事项类型 with their counts. */
export function guideHomeBlock(ctx: LayoutContext): Html {
  const { site, portal } = ctx;
  return html`<section class="home-block" aria-labelledby="home-guides">
<h2 id="home-guides">办事服务</h2>
<ul class="service-list">${site.guideTypes.map((t) => html`<li><a href="${ctx.href(urls.guideType(t.key))}">${t.name}事项 <span class="count">(${portal.byType.guide.filter((g) => g.fields.item_type === t.name).length})</span></a></li>`)}</ul>
<p class="more"><a href="${ctx.href(urls.guides)}">全部办事指南</a></p>
</section>`;
}
