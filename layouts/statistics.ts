/** 政务公开统计: the index of years with the year-over-year chart, and one year's table (指标名称 · 完成情况). */
import { html, raw, type Html } from "../src/html/html.ts";
import { interactionFigures } from "./interaction-figures.ts";
import type { Tallies } from "../src/tallies/compute.ts";
import { cellValue } from "../src/tallies/compute.ts";
import { countedTypes } from "../src/tallies/cells.ts";
import { yearChartSvg } from "../src/tallies/chart.ts";
import { labelWithUnit, type FigureRow, type FigureSection } from "../src/tallies/statistics.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";
import { letterStatisticsLinks } from "./letter-statistics.ts";
import { websiteReportLinks } from "./website-report.ts";
import { websiteReportYears } from "../src/tallies/website-report.ts";
import { interactionUrls } from "../src/portal/interaction-urls.ts";
import { letterTallies } from "../src/tallies/letters.ts";

/** One series per counted type (its spec's `tally.color`), in the order of the type list. */
function chartSeries(ctx: LayoutContext): { cell: string; label: string; color: string }[] {
  return [...countedTypes(ctx.portal.types).values()].map((t) => ({
    cell: `types:${t.type}`,
    label: t.label,
    color: t.tally!.color,
  }));
}

function yearTable(ctx: LayoutContext, tallies: Tallies, years: readonly number[]): Html {
  const columns = [{ cell: "all", label: "全部信息" }, ...chartSeries(ctx)];
  return html`<div class="table-scroll" role="region" aria-label="历年发布数量" tabindex="0"><table class="stats-table">
<caption>历年主动公开信息数量（条）</caption>
<thead><tr><th scope="col">年份</th>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${years.map((year) => html`<tr><th scope="row">${year}年</th>${columns.map((c) => html`<td>${cellValue(tallies.byYear.get(year), c.cell)}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

export function statisticsIndexPage(ctx: LayoutContext, tallies: Tallies): string {
  const years = [...tallies.years].reverse();
  const chart = yearChartSvg(
    "历年主动公开信息数量",
    tallies.years,
    chartSeries(ctx).map((s) => ({
      label: s.label,
      color: s.color,
      values: tallies.years.map((year) => cellValue(tallies.byYear.get(year), s.cell)),
    })),
  );
  const main = html`<h1>政务公开统计</h1>
<p class="lead">以下数字在每次生成网站时根据已发布的信息自动统计；每个统计数都链接到它所统计的信息列表，可逐条核对。</p>
<section aria-labelledby="stats-years"><h2 id="stats-years">各年度统计表与年度报告</h2>
${
  years.length
    ? html`<ul class="year-list">${years.map(
        (year) =>
          html`<li><a href="${ctx.href(talliesUrls.statisticsYear(year))}">${year}年政务公开工作统计表</a>${ctx.portal.reports.has(year) ? html` · <a href="${ctx.href(talliesUrls.report(year))}">${year}年政府信息公开工作年度报告</a>` : ""}</li>`,
      )}</ul>`
    : html`<p class="empty">暂无统计数据。</p>`
}
</section>
${
  years.length
    ? html`<section aria-labelledby="stats-chart"><h2 id="stats-chart">历年对比</h2>
<figure class="chart">${raw(chart)}<figcaption>图：历年主动公开信息数量（数据见下表）</figcaption></figure>
${yearTable(ctx, tallies, years)}</section>`
    : ""
}
${websiteReportLinks(ctx, websiteReportYears(ctx.portal, tallies.years))}
${letterStatisticsLinks(ctx, letterTallies(ctx.portal).years)}
<section aria-labelledby="stats-open"><h2 id="stats-open">开放数据</h2>
<ul><li><a href="${ctx.href(talliesUrls.openDataJson)}">全部统计数据（JSON）</a></li>${years.map((year) => html`<li><a href="${ctx.href(talliesUrls.openDataCsv(year))}">${year}年统计数据（CSV）</a></li>`)}</ul></section>`;
  return basePage(
    ctx,
    {
      title: "政务公开统计",
      url: talliesUrls.statistics,
      section: "statistics",
      breadcrumbs: [{ label: "政务公开统计" }],
      column: { name: "政务公开统计", type: "统计" },
    },
    main,
  );
}

function figureCell(ctx: LayoutContext, row: FigureRow): Html {
  if (row.value === undefined) return html`<td class="not-entered">未填报</td>`;
  if (row.auditUrl)
    return html`<td><a href="${ctx.href(row.auditUrl)}" aria-label="${row.label} ${row.value}，查看所统计的信息">${row.value}</a></td>`;
  return html`<td>${row.value}</td>`;
}

export function statisticsYearPage(
  ctx: LayoutContext,
  year: number,
  sections: readonly FigureSection[],
): string {
  const title = `${year}年政务公开工作统计表`;
  const main = html`<h1>${title}</h1>
<p class="lead">带链接的数字由网站自动统计，点击可查看所统计的全部信息；其余数字由编辑根据工作台账填报${ctx.portal.reports.has(year) ? html`（见<a href="${ctx.href(talliesUrls.report(year))}">${year}年政府信息公开工作年度报告</a>）` : ""}。</p>
<div class="table-scroll" role="region" aria-label="${title}" tabindex="0"><table class="stats-table statistics">
<caption>${title}</caption>
<thead><tr><th scope="col">指标名称</th><th scope="col">完成情况</th></tr></thead>
<tbody>${sections.map(
    (
      section,
    ) => html`<tr class="section-row"><th scope="row">${section.figure ? labelWithUnit(section.figure) : section.title}</th>${section.figure ? figureCell(ctx, section.figure) : html`<td></td>`}</tr>
${section.rows.map((row) => html`<tr><th scope="row" class="indent">${labelWithUnit(row)}</th>${figureCell(ctx, row)}</tr>`)}`,
  )}</tbody>
</table></div>
${interactionFigures(ctx, year)}
<p><a href="${ctx.href(talliesUrls.openDataCsv(year))}">下载本年统计数据（CSV）</a> · <a href="${ctx.href(interactionUrls.websiteReport(year))}">${year}年政府网站工作年度报表</a>${letterTallies(ctx.portal).byYear.has(year) ? html` · <a href="${ctx.href(interactionUrls.letterStatistics(year))}">${year}年留言办理统计</a>` : ""} · <a href="${ctx.href(talliesUrls.statistics)}">历年统计</a></p>`;
  return basePage(
    ctx,
    {
      title,
      url: talliesUrls.statisticsYear(year),
      section: "statistics",
      breadcrumbs: [{ label: "政务公开统计", url: talliesUrls.statistics }, { label: `${year}年` }],
      column: { name: "政务公开统计", type: "统计" },
    },
    main,
  );
}
