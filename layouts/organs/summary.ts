/**
 * The county summary of the organs' 年报 for one year: every computed row with the organs' figures
 * side by side and their sum; table 二's manual rows the same way; tables 三 and 四 as the sum of
 * the organs that filed. Numbers only: the text sections are each organ's own.
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { Organ } from "../../src/organs/platform.ts";
import { organFigure, organReportFile, summaryFigure, type OrganReports } from "../../src/organs/tallies.ts";
import { manualTablesOf, sumManualTables } from "../../src/organs/report-sums.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { TABLE2_MANUAL } from "../../src/content/report-tables.ts";
import { labelWithUnit } from "../../src/tallies/statistics.ts";
import { talliesUrls } from "../../src/tallies/urls.ts";
import { tableFour, tableThree, UNFILLED } from "../annual-report-tables.ts";
import { hubCrumb } from "./platform.ts";
import { reportPage } from "./report.ts";

function sideBySide(
  id: string,
  caption: string,
  organs: readonly Organ[],
  rows: readonly { label: string; total: number; cells: readonly (Html | number)[] }[],
): Html {
  return html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table class="stats-table report-table wide">
<caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">指标名称</th><th scope="col">合计</th>${organs.map((o) => html`<th scope="col">${o.name}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td class="total">${row.total}</td>${row.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody></table></div>`;
}

export function summaryPage(ctx: LayoutContext, reports: OrganReports, year: number): string {
  const title = `${year}年各机关政府信息公开数据汇总`;
  const organs = [...reports.byOrgan.values()].map((t) => t.organ);
  const filed = organs.filter((o) => organReportFile(reports, o.key, year));
  const unfiled = organs.filter((o) => !organReportFile(reports, o.key, year));
  const files = filed.map((o) => organReportFile(reports, o.key, year)!);
  const sum = sumManualTables(files);
  const manual = new Map(filed.map((o, i) => [o.key, manualTablesOf(files[i])]));
  const computed = reports.sections.map((section, i) =>
    sideBySide(
      `sum-${i}`,
      section.title,
      organs,
      section.rows.map((row) => ({
        label: labelWithUnit(row),
        total: summaryFigure(reports, year, row),
        cells: organs.map(
          (o) =>
            html`<a href="${ctx.href(organUrls.audit(o.key, year, row.key))}">${organFigure(reports, o.key, year, row)}</a>`,
        ),
      })),
    ),
  );
  const keys = Object.keys(TABLE2_MANUAL) as (keyof typeof TABLE2_MANUAL)[];
  const tableTwoManual = sideBySide(
    "sum-manual",
    "第二十条第（五）（六）（八）项（各机关填报）",
    organs,
    keys.map((key) => ({
      label: `${TABLE2_MANUAL[key].label}：${TABLE2_MANUAL[key].column}`,
      total: sum?.table2[key] ?? 0,
      cells: organs.map((o) => manual.get(o.key)?.table2[key] ?? UNFILLED),
    })),
  );
  const list = (list: readonly Organ[]) =>
    list.length
      ? list.map(
          (o, i) => html`${i ? "、" : ""}<a href="${ctx.href(organUrls.report(o.key, year))}">${o.name}</a>`,
        )
      : html`无`;
  const main = html`<article class="annual-report summary">
<h1>${title}</h1>
<p class="lead">合计为各机关数据之和。自动统计的数字链接到所统计的信息；需填报的数字只合计已填报年度报告的机关。</p>
<p>已填报${year}年年度报告的机关：${list(filed)}。</p>
${unfiled.length ? html`<p class="notice">未填报${year}年年度报告的机关：${list(unfiled)}。</p>` : ""}
<section aria-labelledby="sum-s2"><h2 id="sum-s2">二、主动公开政府信息情况</h2>
${computed}
${tableTwoManual}</section>
<section aria-labelledby="sum-s3"><h2 id="sum-s3">三、收到和处理政府信息公开申请情况（各机关合计）</h2>
${sum ? tableThree(sum.table3) : html`<p class="unfilled-block">${UNFILLED}</p>`}</section>
<section aria-labelledby="sum-s4"><h2 id="sum-s4">四、政府信息公开行政复议、行政诉讼情况（各机关合计）</h2>
${sum ? tableFour(sum.table4) : html`<p class="unfilled-block">${UNFILLED}</p>`}</section>
<p><a href="${ctx.href(talliesUrls.statistics)}">政务公开统计</a></p>
</article>`;
  return reportPage(ctx, title, organUrls.summary(year), [hubCrumb, { label: title }], main);
}
