/**
 * An organ's 政府信息公开工作年度报告 in the national template (国办公开办函〔2021〕30号): the text
 * of sections 一 to 六 and the manual tables from its report file (content/reports/<organ>/<year>.md),
 * the computed rows from the items it published, each linking to the list of exactly those items.
 * Without a file the page still has every section and the computed figures; the rest says 未填报.
 */
import { html, type Html } from "../../src/html/html.ts";
import type { LayoutContext } from "../../src/view/context.ts";
import type { Organ } from "../../src/organs/platform.ts";
import { organFigure, organReportFile, type OrganReports } from "../../src/organs/tallies.ts";
import { manualTablesOf } from "../../src/organs/report-sums.ts";
import { organUrls } from "../../src/organs/urls.ts";
import { REPORT_SECTIONS } from "../../src/content/report-tables.ts";
import { reportSections } from "../../src/tallies/report-body.ts";
import { tableFour, tableThree, tableTwo, UNFILLED } from "../annual-report-tables.ts";
import { platformCrumbs } from "./platform.ts";
import { figureTables, reportPage } from "./report.ts";

const unfilledBlock = html`<p class="unfilled-block">${UNFILLED}</p>`;

/** The 年报's heading, as its page and its search result show it: the file's title, or the organ's and the year's. */
export function organReportTitle(organ: Organ, reports: OrganReports, year: number): string {
  const file = organReportFile(reports, organ.key, year);
  return file?.fields.title ?? `${organ.record.fields.title}${year}年政府信息公开工作年度报告`;
}

export function organReportPage(
  ctx: LayoutContext,
  organ: Organ,
  reports: OrganReports,
  year: number,
): string {
  const name = organ.record.fields.title;
  const file = organReportFile(reports, organ.key, year);
  const title = organReportTitle(organ, reports, year);
  const rows = new Map(reports.rows.map((r) => [r.key, r]));
  const linked = (key: string) => {
    const value = organFigure(reports, organ.key, year, rows.get(key)!);
    return html`<a href="${ctx.href(organUrls.audit(organ.key, year, key))}">${value}</a>`;
  };
  const sections = file ? reportSections(file.body) : [];
  const text = (heading: string): Html | Html[] =>
    file
      ? sections
          .filter((s) => s.heading === heading)
          .map((s) => html`<div class="article-body">${ctx.markdown(s.markdown)}</div>`)
      : unfilledBlock;
  const manual = file && manualTablesOf(file);
  const tables: Record<number, Html> = {
    // The 主动公开 counts by type come first: they are this portal's own, computed for every organ.
    1: html`${figureTables(ctx, reports.sections.slice(0, 1), (key) => ({
      value: organFigure(reports, organ.key, year, rows.get(key)!),
      url: organUrls.audit(organ.key, year, key),
    }))}
${tableTwo(manual?.table2, (kind, measure) => linked(`${kind}-${measure}`))}`,
    2: manual ? tableThree(manual.table3) : html``,
    3: manual ? tableFour(manual.table4) : html``,
  };
  const main = html`<article class="annual-report">
<h1>${title}</h1>
${file?.fields.published ? html`<p class="meta">发布日期：<time datetime="${file.fields.published}">${file.fields.published}</time></p>` : ""}
${
  file
    ? html`<p class="lead">带链接的数字由网站根据${name}${year}年发布的信息自动统计，点击可查看所统计的每一条信息；其余数字和文字由${name}填报。</p>
${text("")}`
    : html`<p class="notice">${name}尚未填报${year}年政府信息公开工作年度报告。本页只有网站根据其发布的信息自动统计的数字（点击可查看所统计的每一条信息）；需由机关填报的文字和数字标为“未填报”。</p>`
}
${REPORT_SECTIONS.map(
  (heading, i) => html`<section aria-labelledby="report-s${i + 1}"><h2 id="report-s${i + 1}">${heading}</h2>
${text(heading)}
${tables[i] ?? ""}</section>`,
)}
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
    file?.fields.summary,
  );
}
