/** 留言办理统计 of one year: by month, by 类型 and by 受理单位, every count linked to the letters it counts. */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { interactionUrls } from "../src/portal/interaction-urls.ts";
import { talliesUrls } from "../src/tallies/urls.ts";
import {
  activeDepartments,
  auditCell,
  figuresOf,
  MEASURE_LABELS,
  type LetterMeasure,
  type LetterScope,
  type LetterYear,
} from "../src/tallies/letters.ts";
import { basePage } from "./base.ts";

function countCell(ctx: LayoutContext, year: number, scope: LetterScope, measure: LetterMeasure): Html {
  const n = scope[measure].length;
  return html`<td class="num"><a href="${ctx.href(interactionUrls.letterAudit(year, auditCell(scope, measure)))}" aria-label="${scope.label}${MEASURE_LABELS[measure]} ${n} 件，查看所统计的来信">${n}</a></td>`;
}

const days = (n: number | undefined) => (n === undefined ? "—" : String(n));

function scopeTable(
  ctx: LayoutContext,
  y: LetterYear,
  caption: string,
  head: string,
  scopes: readonly LetterScope[],
): Html {
  const zone = ctx.site.timeZone;
  return html`<div class="table-scroll" role="region" aria-label="${caption}" tabindex="0"><table class="stats-table letter-stats">
<caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col" class="num">收到来信（件）</th><th scope="col" class="num">答复来信（件）</th><th scope="col" class="num">平均答复用时（天）</th><th scope="col" class="num">最长答复用时（天）</th></tr></thead>
<tbody>${scopes.map((s) => {
    const f = figuresOf(s, zone);
    return html`<tr${s === y.total ? html` class="section-row"` : ""}><th scope="row">${s.label}</th>${countCell(ctx, y.year, s, "received")}${countCell(ctx, y.year, s, "answered")}<td class="num">${days(f.averageDays)}</td><td class="num">${days(f.longestDays)}</td></tr>`;
  })}</tbody>
</table></div>`;
}

export function letterStatisticsPage(ctx: LayoutContext, y: LetterYear, years: readonly number[]): string {
  const title = `${y.year}年留言办理统计`;
  const departments = activeDepartments(y);
  const main = html`<h1>${title}</h1>
<p class="lead">根据全部来信（含来信人不同意公开的来信）在每次生成网站时自动统计。收到来信按受理日期、答复来信按答复日期计入所在月份；答复用时为受理日期到答复日期的自然日天数。点击数字可查看所统计的来信。</p>
${scopeTable(ctx, y, `${y.year}年各月留言办理情况`, "月份", [y.total, ...y.months])}
${scopeTable(ctx, y, `${y.year}年按类型统计`, "类型", y.kinds)}
${departments.length ? scopeTable(ctx, y, `${y.year}年按受理单位统计`, "受理单位", departments) : ""}
<p><a href="${ctx.href(interactionUrls.lettersJson)}">留言办理统计数据（JSON）</a> · <a href="${ctx.href(interactionUrls.letters)}">留言办理</a> · <a href="${ctx.href(talliesUrls.statistics)}">政务公开统计</a></p>
${years.length > 1 ? html`<nav aria-label="其他年份"><ul class="year-list">${years.filter((year) => year !== y.year).map((year) => html`<li><a href="${ctx.href(interactionUrls.letterStatistics(year))}">${year}年留言办理统计</a></li>`)}</ul></nav>` : ""}`;
  return basePage(
    ctx,
    {
      title,
      url: interactionUrls.letterStatistics(y.year),
      section: "interaction",
      breadcrumbs: [
        { label: "政务公开统计", url: talliesUrls.statistics },
        { label: `${y.year}年留言办理统计` },
      ],
      column: { name: "留言办理统计", type: "统计" },
    },
    main,
  );
}

/** On the statistics index: the 留言办理统计 of every year that has letters. */
export function letterStatisticsLinks(ctx: LayoutContext, years: readonly number[]): Html | string {
  if (!years.length) return "";
  return html`<section aria-labelledby="stats-letters"><h2 id="stats-letters">留言办理统计</h2>
<ul class="year-list">${[...years].reverse().map((year) => html`<li><a href="${ctx.href(interactionUrls.letterStatistics(year))}">${year}年留言办理统计</a></li>`)}</ul></section>`;
}
