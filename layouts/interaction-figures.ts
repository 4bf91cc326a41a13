/**
 * The statistics page's 解读回应 and 互动交流 figures of a year (src/tallies/interpretation.ts,
 * src/tallies/interaction.ts), each linked to the list of what it counts; nothing when the year
 * has none of them.
 */
import { html, type Html } from "../src/html/html.ts";
import type { LayoutContext } from "../src/view/context.ts";
import { FORM_KEYS, INTERPRETATION_FORMS } from "../src/content/interpretation.ts";
import { coverageUrls, interpretationCoverage } from "../src/tallies/interpretation.ts";
import { interactionUrls } from "../src/portal/interaction-urls.ts";
import { consultationTally, interactionYears, interviewTally } from "../src/tallies/interaction.ts";

export function interactionFigures(ctx: LayoutContext, year: number): Html | string {
  const coverage = interpretationCoverage(ctx.portal).find((c) => c.year === year);
  const consultations = consultationTally(ctx.portal, year);
  const interviews = interviewTally(ctx.portal, year);
  if (!coverage && !consultations.consultations.length && !interviews.interviews.length) return "";
  // A year without consultations (or interviews) has no list of them: its 0 is plain text.
  const link = (url: string, label: string, n: number, listed = true) =>
    listed
      ? html`<a href="${ctx.href(url)}" aria-label="${label} ${n}，查看所统计的信息">${n}</a>`
      : String(n);
  const anyConsultation = interactionYears(ctx.portal).consultations.includes(year);
  const row = (label: string, value: Html | string, indent = false) =>
    html`<tr><th scope="row"${indent ? html` class="indent"` : ""}>${label}</th><td>${value}</td></tr>`;
  const title = `${year}年解读回应与互动交流`;
  return html`<h2 id="interaction-figures">${title}</h2>
<div class="table-scroll" role="region" aria-label="${title}" tabindex="0"><table class="stats-table statistics">
<caption class="visually-hidden">${title}</caption>
<thead><tr><th scope="col">指标名称</th><th scope="col">完成情况</th></tr></thead>
<tbody>
${
  coverage
    ? html`${row("应解读文件（件）", link(coverageUrls.list(year, "documents"), "应解读文件", coverage.documents.length))}
${row("已解读文件（件）", link(coverageUrls.list(year, "interpreted"), "已解读文件", coverage.interpreted.length), true)}
${row("未解读文件（件）", link(coverageUrls.year(year), "未解读文件", coverage.missing.length), true)}
${row("解读覆盖率", coverage.ratio === undefined ? "—" : `${coverage.ratio}%`, true)}
${row("发布解读（条）", link(coverageUrls.list(year, "interpretations"), "发布解读", coverage.interpretations.length))}
${INTERPRETATION_FORMS.map((form) => row(`其中：${form}解读（条）`, link(coverageUrls.form(year, FORM_KEYS[form]), `${form}解读`, coverage.byForm.get(form)!.length), true))}`
    : ""
}
${row("意见征集（期）", link(interactionUrls.consultations(year), "意见征集", consultations.consultations.length, anyConsultation))}
${row("公布征集结果（期）", link(interactionUrls.consultationFeedback(year), "公布结果", consultations.withFeedback.length, anyConsultation))}
${row("收到意见（条）", String(consultations.opinionsReceived), true)}
${row("在线访谈（期）", link(interactionUrls.interviews(year), "在线访谈", interviews.interviews.length, interviews.interviews.length > 0))}
${row("网民留言（条）", String(interviews.questionsReceived), true)}
${row("答复网民提问（条）", String(interviews.questionsAnswered), true)}
</tbody></table></div>`;
}
