/** A procedure guide (办事指南): every required element, the materials as a printable checklist. */
import { html, raw, type Html } from "../../src/html/html.ts";
import type { RecordOf } from "../../src/content/types.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import { articleHeader } from "../parts/article.ts";

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
${f.summary ? html`<p class="summary">${f.summary}</p>` : ""}
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
