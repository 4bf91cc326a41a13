/** Ground truth, scores and the printed report of the search harness (run.ts). */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { BuildState } from "../../src/eleventy/state.ts";
import { normalizeText, planQuery } from "../../src/search/tokens.ts";
import { pageText } from "../../src/search/page-text.ts";
import type { ProcessStats } from "./process-stats.ts";
import type { QueryOutcome } from "./measure-queries.ts";

interface TruthPage {
  url: string;
  text: string;
}

/** Every indexed page's published URL and text, normalized as search compares them. */
export function groundTruth(state: BuildState): TruthPage[] {
  return state.details.map((r) => ({
    url: state.ctx.href(r.url),
    text: normalizeText(pageText(r, state.portal.site.allowHtml, state.portal.types)),
  }));
}

export interface QueryScore {
  query: string;
  /** False when nothing in the query is searchable (punctuation only). */
  searchable: boolean;
  hits: number;
  /** Pages whose text literally contains the query. */
  truth: number;
  recall: number;
  precision: number;
  /** The page's shown count equals the number of results it returned. */
  consistent: boolean;
  ms: number;
}

export function scoreQuery(outcome: QueryOutcome, pages: readonly TruthPage[]): QueryScore {
  const plan = planQuery(outcome.query);
  const needle = normalizeText(outcome.query).trim();
  const truth = new Set(pages.filter((p) => p.text.includes(needle)).map((p) => p.url));
  const hits = new Set(outcome.urls);
  const right = [...hits].filter((u) => truth.has(u)).length;
  return {
    query: outcome.query,
    searchable: plan.kind === "search",
    hits: hits.size,
    truth: truth.size,
    recall: truth.size ? right / truth.size : 1,
    precision: hits.size ? right / hits.size : 1,
    consistent: outcome.shown === outcome.urls.length && hits.size === outcome.urls.length,
    ms: outcome.ms,
  };
}

export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export interface Report {
  size: number;
  pages: number;
  timings: Record<string, number>;
  pagefind: ProcessStats;
  indexBytes: number;
  scores: QueryScore[];
  firstQuery?: QueryOutcome;
}

export function printReport(r: Report): void {
  console.log(`\n== ${r.size} 条内容，${r.pages} 个索引页面 ==`);
  if (r.scores.length) {
    console.log(["查询", "命中", "实际包含", "召回率", "精确率", "耗时"].join("\t"));
    for (const s of r.scores) {
      console.log(
        [s.query, s.hits, s.truth, pct(s.recall), pct(s.precision), `${Math.round(s.ms)} ms`].join("\t") +
          (s.consistent ? "" : "\t(显示数与结果数不一致)"),
      );
    }
    const bad = r.scores.filter((s) => s.searchable && (s.recall < 0.99 || s.precision < 0.99));
    console.log(
      bad.length
        ? `未达标：${bad.map((s) => s.query).join("、")}`
        : "全部查询（含单字）：召回率和精确率 ≥ 99%",
    );
  }
  console.log(
    `索引：用时 ${(r.timings["search index"] / 1000).toFixed(1)} s（墙钟），Pagefind 进程 CPU ${(r.pagefind.cpuMs / 1000).toFixed(1)} s，峰值内存（单个进程）${mb(r.pagefind.peakRss)}，同时运行的进程合计 ${mb(r.pagefind.peakTotalRss ?? 0)}，索引文件 ${mb(r.indexBytes)}`,
  );
  console.log(
    `其他阶段：${Object.entries(r.timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join("，")}`,
  );
  if (r.firstQuery)
    console.log(
      `首次查询“${r.firstQuery.query}”：共下载 ${kb(r.firstQuery.bytes)}，其中搜索索引与脚本（pagefind/）${kb(r.firstQuery.indexBytes)}`,
    );
}
