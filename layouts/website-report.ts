/**
 * 政府网站工作年度报表 of one year (国办函〔2018〕12号): one table per section of the template.
 * Counted rows link to the items they count; the rest come from site config or the report file.
 */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { interactionUrls } from "../src/portal/interaction-urls.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { WebsiteFigure, WebsiteSection } from "../src/tallies/website-report.ts";
import { basePage } from "./base.ts";

const SOURCE = { computed: "自动统计", config: "站点配置", manual: "填报" } as const;

const labelOf = (row: WebsiteFigure) =>
  row.spec.unit ? `${row.spec.label}（单位：${row.spec.unit}）` : row.spec.label;

function valueCell(ctx: LayoutContext, year: number, row: WebsiteFigure): Html {
  if (row.value === undefined) return html`<td class="not-entered">未填报</td>`;
  if (row.source === "computed")
    return html`<td><a href="${ctx.href(interactionUrls.websiteReportAudit(year, row.spec.key))}" aria-label="${row.spec.label} ${row.value}，查看所统计的信息">${row.value}</a></td>`;
  return html`<td>${row.value}</td>`;
}

function sectionTable(ctx: LayoutContext, year: number, section: WebsiteSection, n: number): Html {
  return html`<div class="table-scroll" role="region" aria-labelledby="wr-${n}" tabindex="0"><table class="stats-table website-report">
<caption id="wr-${n}">${section.title}</caption>
<thead><tr><th scope="col">指标</th><th scope="col">数值</th><th scope="col">来源</th></tr></thead>
<tbody>${section.rows.map(
    (row) =>
      html`<tr><th scope="row"${row.spec.indent ? html` class="indent"` : ""}>${labelOf(row)}</th>${valueCell(ctx, year, row)}<td>${SOURCE[row.source]}</td></tr>`,
  )}</tbody>
</table></div>`;
}

/** The 年度报表's heading, as its page and its search result show it. */
export const websiteReportTitle = (site: { name: string }, year: number): string =>
  `${site.name}${year}年政府网站工作年度报表`;

export function websiteReportPage(
  ctx: LayoutContext,
  year: number,
  sections: readonly WebsiteSection[],
): string {
  const title = websiteReportTitle(ctx.site, year);
  const main = html`<h1>${title}</h1>
<p class="lead">按《国务院办公厅关于做好政府网站年度报表发布工作的通知》（国办函〔2018〕12号）编制。“自动统计”的数字在生成网站时根据已发布的信息和全部来信统计，点击可查看所统计的信息；“填报”的数字由编辑根据工作台账填写在 content/reports/${year}.md 中。</p>
${sections.map((section, n) => sectionTable(ctx, year, section, n))}
<p><a href="${ctx.href(interactionUrls.websiteReportJson)}">年度报表数据（JSON）</a> · <a href="${ctx.href(talliesUrls.statistics)}">政务公开统计</a></p>`;
  return basePage(
    ctx,
    {
      title,
      url: interactionUrls.websiteReport(year),
      section: "statistics",
      breadcrumbs: [
        { label: "政务公开统计", url: talliesUrls.statistics },
        { label: `${year}年政府网站工作年度报表` },
      ],
      column: { name: "政府网站工作年度报表", type: "统计" },
    },
    main,
  );
}

/** On the statistics index: every year's 年度报表. */
export function websiteReportLinks(ctx: LayoutContext, years: readonly number[]): Html | string {
  if (!years.length) return "";
  return html`<section aria-labelledby="stats-website"><h2 id="stats-website">政府网站工作年度报表</h2>
<ul class="year-list">${[...years].reverse().map((year) => html`<li><a href="${ctx.href(interactionUrls.websiteReport(year))}">${year}年政府网站工作年度报表</a></li>`)}</ul></section>`;
}

/** The home page in January (国办函〔2018〕12号: 于每年1月31日前在本网站首页显著位置发布): last year's 年度报表. */
export function websiteReportNotice(ctx: LayoutContext, year: number): Html {
  return html`<section class="website-report-notice" aria-labelledby="h-website-report">
<h2 id="h-website-report" class="visually-hidden">政府网站工作年度报表</h2>
<p><a href="${ctx.href(interactionUrls.websiteReport(year))}">${ctx.site.name}${year}年政府网站工作年度报表</a></p>
</section>`;
}
