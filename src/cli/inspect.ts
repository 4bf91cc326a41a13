/**
 * `npm run inspect [-- --horizon 7 --report inspection-report]`: the self-inspection report for
 * the web team. Predicts from the build's clock (--now like build and check) when the home page and
 * each column go stale and when the site would fail the inspection (src/check/deadlines.ts), writes
 * report.json and report.html into the report folder (not the published site: keep it out of the
 * web root), prints a summary, and exits 1 when a veto falls within the horizon (days).
 * Link checking of external links, attachment hosts and 办事 online_url is not part of it yet.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { loadContent } from "../content/loader.ts";
import { buildPortal } from "../portal/portal.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { predictDeadlines, type Deadlines } from "../check/deadlines.ts";
import { escapeHtml } from "../html/html.ts";
import { readCliOptions } from "./options.ts";
import { runCli } from "./report.ts";

function reportHtml(deadlines: Deadlines, today: string): string {
  const rows = deadlines.columns
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.name)}</td><td>${c.kind}</td><td>${escapeHtml(c.newest?.day ?? "（空栏目）")}</td><td>${escapeHtml(c.staleOn ?? "已为空")}</td><td>${escapeHtml(c.newest?.file ?? "")}</td></tr>`,
    )
    .join("\n");
  const veto = deadlines.veto
    ? `<p><strong>如不更新，${escapeHtml(deadlines.veto.day)} 起将触发单项否决：${escapeHtml(deadlines.veto.reason)}</strong></p>`
    : "<p>没有可预测的单项否决风险。</p>";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>网站自查报告 ${today}</title></head>
<body><h1>网站自查报告（${today}，内部使用，不要发布）</h1>
${veto}
<table><thead><tr><th>栏目</th><th>类型</th><th>最近更新</th><th>将于此日不再及时</th><th>最近一条</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

await runCli(async () => {
  const { values, tokens } = parseArgs({
    options: {
      horizon: { type: "string", default: "7" },
      report: { type: "string", default: "inspection-report" },
    },
    strict: false,
    tokens: true,
  });
  const own = new Set(["horizon", "report"]);
  const rest = tokens.flatMap((t) =>
    t.kind === "option" && !own.has(t.name)
      ? [t.rawName, ...(t.value === undefined ? [] : [t.value])]
      : t.kind === "positional"
        ? [t.value]
        : [],
  );
  const options = await readCliOptions(rest);
  const horizon = Number(values.horizon);
  const loaded = loadContent(options);
  const portal = buildPortal(options.site, loaded.published, DEFAULT_TYPES);
  const deadlines = predictDeadlines(portal, options.now);
  const today = DateTime.fromMillis(options.now, { zone: options.site.timeZone }).toFormat("yyyy-MM-dd");
  const dir = path.resolve(String(values.report));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "report.json"),
    JSON.stringify({ today, horizon, ...deadlines }, null, 2) + "\n",
  );
  writeFileSync(path.join(dir, "report.html"), reportHtml(deadlines, today));
  for (const c of deadlines.columns)
    console.log(
      `${c.name}（${c.kind}）：最近更新 ${c.newest?.day ?? "无（空栏目）"}；${c.staleOn ? `${c.staleOn} 起不再及时` : "已为空"}`,
    );
  const limit = DateTime.fromMillis(options.now, { zone: options.site.timeZone })
    .plus({ days: horizon })
    .toFormat("yyyy-MM-dd");
  if (deadlines.veto && deadlines.veto.day <= limit) {
    console.error(`单项否决风险：如不更新，${deadlines.veto.day} 起${deadlines.veto.reason}。报告：${dir}`);
    process.exitCode = 1;
  } else console.log(`${horizon} 天内没有单项否决风险。报告：${dir}`);
});
