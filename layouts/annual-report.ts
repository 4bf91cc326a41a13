/** 政府信息公开工作年度报告: the editor's text of sections 一 to 六 with tables 二, 三 and 四. */
import { html, type Html } from "../src/html/html.ts";
import type { RecordOf } from "../src/content/types.ts";
import { REPORT_SECTIONS } from "../src/content/report-tables.ts";
import { reportSections } from "../src/tallies/report-body.ts";
import { cellValue, type Tally } from "../src/tallies/compute.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { basePage } from "./base.ts";
import { tableFour, tableThree, tableTwo } from "./annual-report-tables.ts";

export function annualReportPage(
  ctx: LayoutContext,
  year: number,
  report: RecordOf<"report">,
  tally: Tally | undefined,
): string {
  const sections = reportSections(report.body);
  const text = (heading: string) =>
    sections.filter((s) => s.heading === heading).map((s) => ctx.markdown(s.markdown));
  const tables: Record<number, Html> = {
    1: tableTwo(report.fields.table2, (kind, measure) => cellValue(tally, `policies:${kind}:${measure}`)),
    2: tableThree(report.fields.table3),
    3: tableFour(report.fields.table4),
  };
  const main = html`<article class="annual-report">
<h1>${report.fields.title}</h1>
${report.fields.published ? html`<p class="meta">发布日期：<time datetime="${report.fields.published}">${report.fields.published}</time></p>` : ""}
<div class="article-body">${text("")}</div>
${REPORT_SECTIONS.map(
  (heading, i) => html`<section aria-labelledby="report-s${i + 1}"><h2 id="report-s${i + 1}">${heading}</h2>
<div class="article-body">${text(heading)}</div>
${tables[i] ?? ""}</section>`,
)}
<p><a href="${ctx.href(talliesUrls.statisticsYear(year))}">${year}年政务公开工作统计表</a> · <a href="${ctx.href(talliesUrls.statistics)}">历年统计</a></p>
</article>`;
  return basePage(
    ctx,
    {
      title: report.fields.title,
      url: talliesUrls.report(year),
      section: "statistics",
      description: report.fields.summary,
      breadcrumbs: [{ label: "政务公开统计", url: talliesUrls.statistics }, { label: `${year}年年度报告` }],
      column: { name: "政府信息公开工作年度报告", type: "年度报告" },
      bodyClass: "report-page",
    },
    main,
  );
}
