/**
 * An organ's list of 年报, and what its 年报 page and the county summary share: the page shell and
 * the tables of computed figures (each figure linking to the list of exactly the items it counts).
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { Organ } from "../../src/organs/platform.ts";
import type { StatisticsSection } from "../../src/config/statistics.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { labelWithUnit } from "../../src/tallies/statistics.ts";
import { basePage } from "../base.ts";
import { platformCrumbs, SECTION } from "./platform.ts";

export function figureTables(
  ctx: LayoutContext,
  sections: readonly StatisticsSection[],
  figure: (key: string) => { value: number; url?: string },
): Html {
  return html`${sections.map(
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

export function reportPage(
  ctx: LayoutContext,
  title: string,
  url: string,
  crumbs: { label: string; url?: string }[],
  main: Html,
  description?: string,
): string {
  return basePage(
    ctx,
    {
      title,
      url,
      section: SECTION,
      breadcrumbs: crumbs,
      description,
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
