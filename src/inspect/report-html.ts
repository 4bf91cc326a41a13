/**
 * report.html of `npm run inspect`: one page for the web team, never published (noindex, and the
 * report folder is kept out of the output folder). Problems first: the veto risk, broken links,
 * redirects, slow hosts, pages due for review; then the full tables. Everything from content is
 * escaped by the html template.
 */
import { html, raw, type Html } from "../html/html.ts";
import type { CheckedLink, InspectionReport } from "./inspection.ts";
import type { LinkStatus } from "./link-check.ts";

const STATUS_LABEL: Record<LinkStatus, string> = {
  good: "正常",
  broken: "无法访问",
  slow: "响应慢",
  redirected: "已跳转",
};

const CSS = `body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:1.5rem;max-width:80rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}.risk{background:#fde8e8;border:2px solid #b00020;padding:.5rem 1rem}.calm{background:#e8f5e9;padding:.5rem 1rem}
.broken{color:#b00020;font-weight:bold}.redirected,.slow{color:#8a4b00}td.url{word-break:break-all}`;

function uses(link: CheckedLink): Html {
  return html`${link.uses.map(
    (u, i) => html`${i ? html`<br>` : ""}${u.file}${u.line ? `:${u.line}` : ""}（${u.field}）`,
  )}`;
}

function linkRows(links: readonly CheckedLink[]): Html {
  return html`<table><thead><tr><th>状态</th><th>类别</th><th>地址</th><th>结果</th><th>用时</th><th>出现在</th></tr></thead>
<tbody>
${links.map((l) => {
  const r = l.result;
  const status = r ? r.status : undefined;
  const outcome = !r
    ? "未检查（skipHosts）"
    : r.status === "broken"
      ? (r.error ?? "")
      : r.redirects.length
        ? `HTTP ${r.httpStatus ?? ""}；跳转到 ${r.redirects[r.redirects.length - 1]}（${r.redirects.length} 次）`
        : `HTTP ${r.httpStatus ?? ""}`;
  return html`<tr><td class="${status ?? "skipped"}">${status ? STATUS_LABEL[status] : "跳过"}${r?.cached ? "（缓存）" : ""}</td><td>${l.kind}</td><td class="url">${l.url}</td><td>${outcome}</td><td>${r ? `${(r.ms / 1000).toFixed(1)} 秒` : ""}</td><td>${uses(l)}</td></tr>`;
})}
</tbody></table>`;
}

export function inspectionHtml(report: InspectionReport, siteName: string): string {
  const veto = report.veto;
  const links = report.links ?? [];
  const problems = links.filter((l) => l.result && l.result.status !== "good");
  const order: LinkStatus[] = ["broken", "redirected", "slow"];
  problems.sort((a, b) => order.indexOf(a.result!.status) - order.indexOf(b.result!.status));
  const page = html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>网站自查报告 ${report.today}</title><style>${raw(CSS)}</style></head>
<body><main>
<h1>${siteName} 网站自查报告（${report.today}，内部使用，不要发布）</h1>
${
  veto
    ? html`<p class="${report.vetoWithinHorizon ? "risk" : "calm"}"><strong>如不更新，${veto.day} 起将触发单项否决：${veto.reason}</strong>${report.vetoWithinHorizon ? `（在 ${report.horizon} 天的预警期内）` : ""}</p>`
    : html`<p class="calm">没有可预测的单项否决风险。</p>`
}
${
  report.linkCounts
    ? html`<p>外部链接 ${links.length} 个：正常 ${report.linkCounts.good}，无法访问 ${report.linkCounts.broken}，已跳转 ${report.linkCounts.redirected}，响应慢 ${report.linkCounts.slow}${report.linkCounts.skipped ? `，跳过 ${report.linkCounts.skipped}` : ""}。</p>`
    : html`<p>本次未检查外部链接（--no-links）。</p>`
}
<h2>栏目更新期限</h2>
<table><thead><tr><th>栏目</th><th>类型</th><th>最近更新</th><th>将于此日不再及时</th><th>最近一条</th></tr></thead>
<tbody>
${report.columns.map(
  (c) =>
    html`<tr><td>${c.name}</td><td>${c.kind}</td><td>${c.newest?.day ?? "（空栏目）"}</td><td>${c.staleOn ?? "已为空"}</td><td>${c.newest?.file ?? ""}</td></tr>`,
)}
</tbody></table>
${
  report.records.length
    ? html`<h2>单条内容的期限</h2>
<table><thead><tr><th>期限</th><th>类别</th><th>内容</th><th>文件</th><th>后果</th></tr></thead><tbody>
${report.records.map(
  (r) =>
    html`<tr><td>${r.day}</td><td>${r.kind}</td><td>${r.name}</td><td>${r.file}</td><td>${r.reason}${r.veto ? "（单项否决）" : ""}</td></tr>`,
)}
</tbody></table>`
    : ""
}
<h2>基本信息复核</h2>
${
  report.reviews.length
    ? html`<table><thead><tr><th>复核日期</th><th>页面</th><th>文件</th><th>状态</th></tr></thead><tbody>
${report.reviews.map(
  (r) =>
    html`<tr><td>${r.day}</td><td>${r.title}</td><td>${r.file}</td><td class="${r.overdue ? "broken" : ""}">${r.overdue ? "已过期" : "即将到期"}</td></tr>`,
)}
</tbody></table>`
    : html`<p>没有已过期或 ${report.horizon} 天内到期的复核日期。</p>`
}
${
  report.links
    ? html`<h2>需要处理的外部链接</h2>
${problems.length ? linkRows(problems) : html`<p>所有外部链接均正常。</p>`}
<h2>全部外部链接</h2>
${linkRows(links)}`
    : ""
}
</main></body></html>
`;
  return page.toString();
}
