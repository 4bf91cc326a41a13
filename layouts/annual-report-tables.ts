/** The annual report's tables 二, 三 and 四 in the national template's layout (国办公开办函〔2021〕30号). */
import { html, type Html } from "../src/html/html.ts";
import type { ReportFields } from "../src/content/report.ts";
import {
  TABLE2_MANUAL,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_ROWS,
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  type Table3Group,
} from "../src/content/report-tables.ts";

/** A cell of table 二's 第二十条第（一）项: a count (with a link to its list where the page has one). */
export type PolicyCell = (
  kind: "rules" | "normative",
  measure: "issued" | "repealed" | "valid",
) => Html | number;

/** What a manual cell shows when the report has not been filed. */
export const UNFILLED = html`<span class="unfilled">未填报</span>`;

function subTable(
  caption: string,
  columns: readonly string[],
  rows: readonly (readonly (string | number | Html)[])[],
): Html {
  // In its own scroll region: on the narrowest phones even four short columns may not fit (WCAG 1.4.10).
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="report-table">
<caption>${caption}</caption>
<thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

/** Table 二: the 规章 and 行政规范性文件 rows are counted from policy documents; the rest is entered. */
export function tableTwo(
  t2: Omit<ReportFields["table2"], "rules" | "normative"> | undefined,
  policyCell: PolicyCell,
): Html {
  const policyRow = (label: string, kind: "rules" | "normative") => [
    label,
    ...(["issued", "repealed", "valid"] as const).map((m) => policyCell(kind, m)),
  ];
  const manual = (key: keyof typeof TABLE2_MANUAL) => (t2 ? t2[key] : UNFILLED);
  return html`<div class="report-tables">
${subTable("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], [policyRow("规章", "rules"), policyRow("行政规范性文件", "normative")])}
${subTable("第二十条第（五）项", ["信息内容", TABLE2_MANUAL.permits.column], [[TABLE2_MANUAL.permits.label, manual("permits")]])}
${subTable(
  "第二十条第（六）项",
  ["信息内容", TABLE2_MANUAL.penalties.column],
  [
    [TABLE2_MANUAL.penalties.label, manual("penalties")],
    [TABLE2_MANUAL.coercions.label, manual("coercions")],
  ],
)}
${subTable("第二十条第（八）项", ["信息内容", TABLE2_MANUAL.fees.column], [[TABLE2_MANUAL.fees.label, manual("fees")]])}
<p class="note">规章、行政规范性文件的件数由网站根据政策文件的发布日期和有效性自动统计（失效与废止均计入“本年废止件数”）。</p>
</div>`;
}

export function tableThree(t3: ReportFields["table3"]): Html {
  const line = (label: string, cells: readonly number[], cls = "") =>
    html`<tr${cls ? html` class="${cls}"` : ""}><th scope="row">${label}</th>${cells.map((v) => html`<td>${v}</td>`)}</tr>`;
  // Each group of rows is its own <tbody>, so its header (scope="rowgroup") applies to exactly those rows.
  const groupHead = (label: string) =>
    html`<tr class="group-row"><th scope="rowgroup" colspan="8">${label}</th></tr>`;
  const groups = (Object.keys(TABLE3_GROUPS) as Table3Group[]).map(
    (group) => html`<tbody>${groupHead(TABLE3_GROUPS[group].label)}
${Object.entries(TABLE3_GROUPS[group].rows).map(([key, label]) => line(label, (t3[group] as Record<string, number[]>)[key], "indent"))}</tbody>`,
  );
  return html`<div class="table-scroll" role="region" aria-label="收到和处理政府信息公开申请情况" tabindex="0"><table class="report-table wide">
<caption>收到和处理政府信息公开申请情况</caption>
<thead>
<tr><th scope="col" rowspan="3">本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和</th><th scope="colgroup" colspan="7">申请人情况</th></tr>
<tr><th scope="col" rowspan="2">${TABLE3_COLUMNS[0]}</th><th scope="colgroup" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">${TABLE3_COLUMNS[6]}</th></tr>
<tr>${TABLE3_COLUMNS.slice(1, 6).map((c) => html`<th scope="col">${c}</th>`)}</tr>
</thead>
<tbody>
${line(TABLE3_ROWS.received, t3.received)}
${line(TABLE3_ROWS.carried_in, t3.carried_in)}
</tbody>
<tbody>${groupHead("三、本年度办理结果")}
${line(TABLE3_ROWS.disclosed, t3.disclosed, "indent")}
${line(TABLE3_ROWS.partly, t3.partly, "indent")}
</tbody>
${groups}
<tbody>
${line(TABLE3_ROWS.total, t3.total, "indent total")}
${line(TABLE3_ROWS.carried_forward, t3.carried_forward)}
</tbody></table></div>`;
}

export function tableFour(t4: ReportFields["table4"]): Html {
  const blocks = Object.entries(TABLE4_BLOCKS) as [keyof typeof TABLE4_BLOCKS, string][];
  return html`<div class="table-scroll" role="region" aria-label="政府信息公开行政复议、行政诉讼情况" tabindex="0"><table class="report-table wide">
<caption>政府信息公开行政复议、行政诉讼情况</caption>
<thead><tr><th scope="col">类别</th>${TABLE4_CELLS.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${blocks.map(([key, label]) => html`<tr><th scope="row">${label}</th>${t4[key].map((v) => html`<td>${v}</td>`)}</tr>`)}</tbody>
</table></div>`;
}
