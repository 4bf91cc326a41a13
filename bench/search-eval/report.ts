/** Ground truth, scores and the printed report of the search harness (run.ts). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { foldText, termsOf } from "../../src/search/tokens.ts";
import { addressQueryOf } from "../../src/assets/search-query.js";
import { visibleText } from "../../src/search/visible-text.mjs";
import type { IndexStats } from "./index-stats.ts";
import type { QueryOutcome } from "./measure-queries.ts";

export interface TruthPage {
  url: string;
  /** The visible text as shown. */
  shown: string;
  /** Folded, white space as single spaces: what the documented rules compare. */
  text: string;
}

/**
 * Every indexed page's published URL and the text it shows, read from the rendered HTML in the
 * built site (not from the index or the records), folded as search compares it.
 */
export function groundTruth(siteDir: string, prefix: string, urls: Iterable<string>): TruthPage[] {
  return [...new Set(urls)].map((url) => {
    const rel = decodeURI(url.slice(prefix.length));
    const file = path.join(siteDir, rel.endsWith("/") || rel === "" ? `${rel}index.html` : rel);
    const shown = visibleText(readFileSync(file, "utf8"));
    return { url, shown, text: foldText(shown).replace(/\s+/gu, " ") };
  });
}

export interface QueryScore {
  query: string;
  /** False when nothing in the query is searchable. */
  searchable: boolean;
  hits: number;
  /** Pages whose text holds every term (folded, as docs/search.md defines a match). */
  truth: number;
  recall: number;
  precision: number;
  /** The page's shown count equals the number of results it returned. */
  consistent: boolean;
  ms: number;
  requests: number;
  failed: number;
  bytes: number;
  longestTask: number;
  longestSearchTask: number;
  /** Long animation frames' largest blocking duration (measure-queries.ts), all and after DOMContentLoaded. */
  frameBlocking: number;
  frameBlockingAfter: number;
  /** From navigation start to the results shown, on the page's own clock. */
  doneMs: number;
  loadedMs: number;
}

export function scoreQuery(outcome: QueryOutcome, pages: readonly TruthPage[]): QueryScore {
  // Scored as the page searches it: an address longer than the forms allow is cut (adv45: a
  // 1,000-character query scored on all its terms gave the page's right answer 0 % precision).
  const terms = termsOf(addressQueryOf(outcome.query));
  const truth = new Set(
    terms.length ? pages.filter((p) => terms.every((t) => p.text.includes(t))).map((p) => p.url) : [],
  );
  const hits = new Set(outcome.urls);
  const right = [...hits].filter((u) => truth.has(u)).length;
  return {
    query: outcome.query,
    searchable: terms.length > 0,
    hits: hits.size,
    truth: truth.size,
    recall: truth.size ? right / truth.size : 1,
    precision: hits.size ? right / hits.size : 1,
    consistent: outcome.shown === outcome.urls.length && hits.size === outcome.urls.length,
    ms: outcome.ms,
    requests: outcome.requests,
    failed: outcome.failed,
    bytes: outcome.bytes,
    longestTask: outcome.longestTask,
    longestSearchTask: outcome.longestSearchTask,
    frameBlocking: outcome.frameBlocking,
    frameBlockingAfter: outcome.frameBlockingAfter,
    doneMs: outcome.doneMs,
    loadedMs: outcome.loadedMs,
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
  timings?: Record<string, number>;
  index?: IndexStats;
  indexBytes: number;
  scores: QueryScore[];
  firstQuery?: QueryOutcome;
}

const short = (q: string) => (q.length > 24 ? `${q.slice(0, 22)}…（${q.length} 字）` : q);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function printReport(r: Report): void {
  console.log(`\n== ${r.size} 条内容，${r.pages} 个索引页面 ==`);
  if (r.scores.length) {
    console.log(
      [
        "查询",
        "命中",
        "实际包含",
        "召回率",
        "精确率",
        "出结果",
        "页面就绪",
        "外部计时",
        "请求",
        "失败",
        "下载",
        "最长阻塞（加载后）",
      ].join("\t"),
    );
    for (const s of r.scores) {
      console.log(
        [
          short(s.query),
          s.hits,
          s.truth,
          pct(s.recall),
          pct(s.precision),
          `${Math.round(s.doneMs)} ms`,
          `${Math.round(s.loadedMs)} ms`,
          `${Math.round(s.ms)} ms`,
          s.requests,
          s.failed,
          kb(s.bytes),
          `${Math.round(s.longestTask)}（${Math.round(s.longestSearchTask)}）ms`,
        ].join("\t") + (s.consistent ? "" : "\t(显示数与结果数不一致)"),
      );
    }
    const bad = r.scores.filter((s) => s.searchable && (s.recall < 1 || s.precision < 1));
    console.log(
      bad.length
        ? `未达 100%：${bad.map((s) => short(s.query)).join("、")}`
        : "全部查询：召回率和精确率 100%",
    );
    const ms = r.scores.map((s) => s.ms);
    const done = r.scores.map((s) => s.doneMs);
    const loaded = r.scores.map((s) => s.loadedMs);
    console.log(
      `出结果用时（从打开页面起，页面自身计时：导航开始到结果显示）：中位数 ${Math.round(median(done))} ms，最慢 ${Math.round(Math.max(...done))} ms；页面就绪（DOMContentLoaded）中位数 ${Math.round(median(loaded))} ms`,
    );
    console.log(
      `外部计时（Playwright 从打开页面到报告结果，含其往返）：中位数 ${Math.round(median(ms))} ms，最慢 ${Math.round(Math.max(...ms))} ms`,
    );
    console.log(
      `请求数最多 ${Math.max(...r.scores.map((s) => s.requests))}，失败请求合计 ${r.scores.reduce((n, s) => n + s.failed, 0)}；页面主线程最长阻塞 ${Math.round(Math.max(...r.scores.map((s) => s.longestTask)))} ms，页面就绪后 ${Math.round(Math.max(...r.scores.map((s) => s.longestSearchTask)))} ms（超过 50 ms 的任务才计）`,
    );
    // Frames too: the Long Tasks API does not count one that runs no script (task48.search.md).
    const blocked = r.scores.filter((s) => s.frameBlocking > 0);
    console.log(
      `长动画帧（含样式、布局、绘制）：${blocked.length} 次加载有超过 50 ms 的任务（页面就绪后开始的帧 ${r.scores.filter((s) => s.frameBlockingAfter > 0).length} 次），最大阻塞时长（超出 50 ms 的部分）${Math.round(Math.max(0, ...r.scores.map((s) => s.frameBlocking)))} ms`,
    );
  }
  if (r.timings) {
    const again = r.index
      ? `；单独再建一次：墙钟 ${(r.index.ms / 1000).toFixed(1)} s，CPU（全部线程）${(r.index.cpuMs / 1000).toFixed(1)} s，进程峰值内存 ${mb(r.index.peakRss)}（建索引前 ${mb(r.index.baseRss)}）`
      : "";
    console.log(
      `索引（构建中）：${(r.timings["search index"] / 1000).toFixed(1)} s${again}，索引文件 ${mb(r.indexBytes)}${r.index ? `（${r.index.files} 个）` : ""}`,
    );
    console.log(
      `其他阶段：${Object.entries(r.timings)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join("，")}`,
    );
  } else console.log(`索引文件 ${mb(r.indexBytes)}`);
  if (r.firstQuery)
    console.log(
      `首次查询“${short(r.firstQuery.query)}”：共下载 ${kb(r.firstQuery.bytes)}（${r.firstQuery.requests} 个请求），其中搜索索引与脚本（pagefind/）${kb(r.firstQuery.indexBytes)}`,
    );
}
