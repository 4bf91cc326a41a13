/** The figures of a year's 解读 coverage (src/tallies/interpretation.ts), each linked to its audit list. */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { FORM_KEYS, INTERPRETATION_FORMS } from "../src/content/interpretation.ts";
import { coverageUrls, type InterpretationCoverage } from "../src/tallies/interpretation.ts";

/** The figures table, shown above the documents still without a 解读. */
export function coverageFigures(ctx: LayoutContext, c: InterpretationCoverage): Html {
  const kinds = ctx.site.interpretation.kinds.join("、");
  const link = (url: string, n: number) => html`<a href="${ctx.href(url)}">${n}</a>`;
  const row = (label: string, value: Html | string) =>
    html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  return html`<p class="lead" data-search-body>${c.year}年发布的${kinds}及其政策解读。解读文本最迟应在文件公开发布后 ${ctx.site.interpretation.workingDays} 个工作日内发布；每个数字链接到它所统计的条目。</p>
<div class="table-scroll" role="region" aria-label="${c.year}年政策解读情况" tabindex="0"><table class="stats-table">
<caption>${c.year}年政策解读情况</caption>
<tbody>
${row(`应解读文件（${kinds}）`, link(coverageUrls.list(c.year, "documents"), c.documents.length))}
${row("已解读文件", link(coverageUrls.list(c.year, "interpreted"), c.interpreted.length))}
${row("其中：逾期解读", link(coverageUrls.list(c.year, "late"), c.late.length))}
${row("未解读文件", html`<a href="#missing-h">${c.missing.length}</a>`)}
${row("解读覆盖率", c.ratio === undefined ? "—" : `${c.ratio}%`)}
${row("本年发布解读", link(coverageUrls.list(c.year, "interpretations"), c.interpretations.length))}
${INTERPRETATION_FORMS.map((form) =>
  row(`其中：${form}解读`, link(coverageUrls.form(c.year, FORM_KEYS[form]), c.byForm.get(form)!.length)),
)}
</tbody></table></div>
<h2 id="missing-h">未解读的文件（${c.missing.length}）</h2>`;
}
