/**
 * `npm run inspect [-- --horizon 7 --report inspection-report --no-links --cache file]`: the
 * self-inspection for the web team (src/inspect/inspection.ts). Predicts from the build's clock
 * (--now like build and check) when the home page, each column and each record with a deadline
 * (letters) would fail the inspection, lists 基本信息 pages due for review, fetches every external
 * link, attachment on another host and 办事 online_url, writes report.json and report.html into
 * the report folder (not the published site: keep it out of the web root), prints a summary, and
 * exits 1 when a veto falls within the horizon (days; default site.config.ts inspection.horizonDays).
 * Broken links are reported, not fatal: an outside server being down is no veto of this site's
 * making, and a daily job that fails for it every day would be ignored.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadContent } from "../content/loader.ts";
import { buildPortal } from "../portal/portal.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { inspect } from "../inspect/inspection.ts";
import { inspectionHtml } from "../inspect/report-html.ts";
import { UsageError } from "./arguments.ts";
import { readCliOptions } from "./options.ts";
import { runCli } from "./report.ts";
import { placeFile } from "../problems/placed.ts";
import { oneLine } from "../problems/problems.ts";

const DEFAULT_CACHE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../node_modules/.cache/gongkai/links.json",
);

const USAGE = `用法：npm run inspect -- [选项]
网站自查：预测首页、栏目和留言的单项否决期限，列出到期的基本信息复核，检查全部外部链接、外站附件和办事入口，
把报告写入 report.json 和 report.html。预警期内有单项否决风险时退出码为 1。

选项：
  --horizon <天数>       预警期（默认 site.config.ts 的 inspection.horizonDays，7 天）
  --report <目录>        报告目录（默认 inspection-report；不要放在网站输出目录中）
  --no-links             不检查外部链接（不访问网络）
  --cache <文件>         链接检查缓存（默认 node_modules/.cache/gongkai/links.json）
  --no-cache             不读也不写缓存
  --config、--content、--now 与 npm run check 相同
  -h, --help             显示本说明`;

const STATUS_WORDS = { broken: "无法访问", redirected: "已跳转", slow: "响应慢" } as const;

await runCli(async () => {
  const { values, tokens } = parseArgs({
    options: {
      horizon: { type: "string" },
      report: { type: "string", default: "inspection-report" },
      "no-links": { type: "boolean", default: false },
      cache: { type: "string" },
      "no-cache": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: false,
    tokens: true,
  });
  // Its own usage: the options it passes on would answer --help with the build's.
  if (values.help) return void console.log(USAGE);
  const own = new Set(["horizon", "report", "no-links", "cache", "no-cache"]);
  const rest = tokens.flatMap((t) =>
    t.kind === "option" && !own.has(t.name)
      ? [t.rawName, ...(t.value === undefined ? [] : [t.value])]
      : t.kind === "positional"
        ? [t.value]
        : [],
  );
  const options = await readCliOptions(rest);
  const horizon = values.horizon === undefined ? options.site.inspection.horizonDays : Number(values.horizon);
  if (!Number.isInteger(horizon) || horizon < 0)
    throw new UsageError(`--horizon 应为不小于 0 的整数（天数），而不是“${String(values.horizon)}”`, USAGE);
  const loaded = loadContent(options);
  const portal = buildPortal(options.site, loaded.published, DEFAULT_TYPES);
  const report = await inspect({
    site: options.site,
    portal,
    now: options.now,
    horizon,
    links: !values["no-links"],
    cacheFile: values["no-cache"] ? undefined : path.resolve(String(values.cache ?? DEFAULT_CACHE)),
  });
  // Files named as seen from the working directory, wherever --content puts the content folder.
  const place = (file: string) => placeFile(file, options.contentDir);
  for (const r of [...report.records, ...report.reviews]) r.file = place(r.file);
  for (const c of report.columns) if (c.newest) c.newest.file = place(c.newest.file);
  for (const l of report.links ?? []) for (const use of l.uses) use.file = place(use.file);
  const dir = path.resolve(String(values.report));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "report.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(path.join(dir, "report.html"), inspectionHtml(report, options.site.name));
  // One line each, whatever a link or a title holds (src/problems/problems.ts `oneLine`).
  const say = (line: string) => console.log(oneLine(line));
  for (const c of report.columns)
    say(
      `${c.name}（${c.kind}）：最近更新 ${c.newest?.day ?? "无（空栏目）"}；${c.staleOn ? `${c.staleOn} 起不再及时` : "已为空"}`,
    );
  for (const r of report.records) say(`${r.kind}：${r.file} ${r.day} 起${r.reason}`);
  for (const r of report.reviews)
    say(`基本信息复核：${r.file} 复核日期 ${r.day}${r.overdue ? "（已过期）" : "（即将到期）"}`);
  if (report.links && report.linkCounts) {
    const c = report.linkCounts;
    say(
      `外部链接 ${report.links.length} 个：正常 ${c.good}，无法访问 ${c.broken}，已跳转 ${c.redirected}，响应慢 ${c.slow}${c.skipped ? `，跳过 ${c.skipped}` : ""}`,
    );
    for (const l of report.links) {
      const r = l.result;
      if (!r || r.status === "good") continue;
      const detail =
        r.status === "broken"
          ? r.error
          : r.status === "redirected"
            ? `→ ${r.redirects.at(-1)}`
            : `${(r.ms / 1000).toFixed(1)} 秒`;
      const at = l.uses[0];
      say(`${STATUS_WORDS[r.status]}：${l.url}（${detail}）${at.file}${at.line ? `:${at.line}` : ""}`);
    }
  }
  if (report.veto && report.vetoWithinHorizon) {
    console.error(`单项否决风险：如不更新，${report.veto.day} 起${report.veto.reason}。报告：${dir}`);
    process.exitCode = 1;
  } else console.log(`${horizon} 天内没有单项否决风险。报告：${dir}`);
});
