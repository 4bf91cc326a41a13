/**
 * An organ's 政府信息公开年报 (its figures computed from the items it published, each linking to
 * the list of exactly those items), the list of its years, and the county summary that adds up
 * the organs' figures.
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { Organ } from "../../src/organs/platform.ts";
import { organFigure, summaryFigure, type OrganReports } from "../../src/organs/tallies.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { labelWithUnit } from "../../src/tallies/statistics.ts";
import { talliesUrls } from "../../src/tallies/urls.ts";
import { basePage } from "../base.ts";
import { hubCrumb, platformCrumbs, SECTION } from "./platform.ts";

function figureTables(
  ctx: LayoutContext,
  reports: OrganReports,
  figure: (key: string) => { value: number; url?: string },
): Html {
  return html`${reports.sections.map(
    (
      section,
      i,
    ) => html`<div class="table-scroll" role="region" aria-labelledby="fig-${i}" tabindex="0"><table class="stats-table">
<caption id="fig-${i}">${section.title}</caption>
<thead><tr><th scope="col">指标名称</th><th scope="col">数量</th></tr></thead>
<tbody>${section.rows.map((row) => {
      const f = figure(row.key);
      return html`<tr><th scope="row">${labelWithUnit(row)}</th><td>${f.url ? html`<a href="${ctx.href(f.url)}">${f.value}</a>` : f.value}</td></tr>`;
    })}</tbody></table></div>`,
  )}`;
}

function reportPage(
  ctx: LayoutContext,
  title: string,
  url: string,
  crumbs: { label: string; url?: string }[],
  main: Html,
): string {
  return basePage(
    ctx,
    {
      title,
      url,
      section: SECTION,
      breadcrumbs: crumbs,
      column: { name: title, type: "年度报告" },
      bodyClass: "report-page",
    },
    main,
  );
}

export function organReportsPage(ctx: LayoutContext, organ: Organ, years: readonly number[]): string {
  const title = `${organ.record.fields.title}政府信息公开年报`;
  const main = html`<h1>${title}</h1>
${years.length ? html`<ul class="entry-list year-list">${[...years].reverse().map((y) => html`<li><a href="${ctx.href(organUrls.report(organ.key, y))}">${y}年政府信息公开工作年度报告</a></li>`)}</ul>` : html`<p>暂无信息。</p>`}`;
  return reportPage(
    ctx,
    title,
    organUrls.reports(organ.key),
    [...platformCrumbs(organ), { label: "政府信息公开年报" }],
    main,
  );
}

export function organReportPage(
  ctx: LayoutContext,
  organ: Organ,
  reports: OrganReports,
  year: number,
): string {
  const title = `${organ.record.fields.title}${year}年政府信息公开工作年度报告`;
  const rows = new Map(reports.rows.map((r) => [r.key, r]));
  const main = html`<article class="annual-report">
<h1>${title}</h1>
<p class="lead">以下数据由网站根据${organ.record.fields.title}${year}年发布的信息自动统计，点击数字可查看所统计的每一条信息。</p>
${figureTables(ctx, reports, (key) => ({
  value: organFigure(reports, organ.key, year, rows.get(key)!),
  url: organUrls.audit(organ.key, year, key),
}))}
<p><a href="${ctx.href(organUrls.summary(year))}">${year}年各机关政府信息公开数据汇总</a></p>
</article>`;
  return reportPage(
    ctx,
    title,
    organUrls.report(organ.key, year),
    [
      ...platformCrumbs(organ),
      { label: "政府信息公开年报", url: organUrls.reports(organ.key) },
      { label: `${year}年` },
    ],
    main,
  );
}

/** The county summary: every row, the organs' figures side by side, and their sum. */
export function summaryPage(ctx: LayoutContext, reports: OrganReports, year: number): string {
  const title = `${year}年各机关政府信息公开数据汇总`;
  const organs = [...reports.byOrgan.values()].map((t) => t.organ);
  const main = html`<article class="annual-report summary">
<h1>${title}</h1>
<p class="lead">合计为各机关数据之和；各机关的数字链接到所统计的信息。</p>
${reports.sections.map(
  (
    section,
    i,
  ) => html`<div class="table-scroll" role="region" aria-labelledby="sum-${i}" tabindex="0"><table class="stats-table report-table wide">
<caption id="sum-${i}">${section.title}</caption>
<thead><tr><th scope="col">指标名称</th><th scope="col">合计</th>${organs.map((o) => html`<th scope="col">${o.name}</th>`)}</tr></thead>
<tbody>${section.rows.map(
    (row) =>
      html`<tr><th scope="row">${labelWithUnit(row)}</th><td class="total">${summaryFigure(reports, year, row)}</td>${organs.map(
        (o) =>
          html`<td><a href="${ctx.href(organUrls.audit(o.key, year, row.key))}">${organFigure(reports, o.key, year, row)}</a></td>`,
      )}</tr>`,
  )}</tbody></table></div>`,
)}
<p><a href="${ctx.href(talliesUrls.statistics)}">政务公开统计</a></p>
</article>`;
  return reportPage(ctx, title, organUrls.summary(year), [hubCrumb, { label: title }], main);
}
