/**
 * `npm run search:eval -- --size 10000`: builds a synthetic portal of that size with its search
 * index, runs the query list in the real search page (headless Chromium), and prints per query
 * the hits, the pages that literally contain the query (from the records' text), recall and
 * precision; then index time, CPU, peak memory of the Pagefind process and the bytes the first
 * query fetched. Options: --size N, --seed N, --out DIR, --no-browser (index figures only).
 */
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { generateSyntheticPortal } from "../synthetic.ts";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { watchChildren } from "./process-stats.ts";
import { runQueries } from "./measure-queries.ts";
import { fragmentUrls } from "./fragments.ts";
import { groundTruth, scoreQuery, printReport, folderBytes } from "./report.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    "no-browser": { type: "boolean", default: false },
  },
});
const size = Number(values.size);
const root = path.resolve(import.meta.dirname, "../..");
const work = values.out ? path.resolve(values.out) : path.join(tmpdir(), `gongkai-search-eval-${size}`);
const PREFIX = "/portal/";

const site = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: PREFIX });
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const contentDir = path.join(work, "content");
const outDir = path.join(work, "_site");
console.log(`生成 ${size} 条合成内容 → ${contentDir}`);
generateSyntheticPortal(site, contentDir, { count: size, seed: Number(values.seed) });

const watch = watchChildren();
const { state, timings } = await buildSite({
  site,
  contentDir,
  outDir,
  now: Date.parse("2030-01-01T00:00:00Z"),
});
const pagefind = watch.stop();

const docNo = state.portal.byType.policy.find((p) => p.year === 2023 && p.fields.doc_no)?.fields.doc_no;
const queries = [
  "公务",
  "务公",
  "低保",
  "行政许可",
  "食品安全",
  "阿尔山",
  "白政发〔2023〕12号",
  ...(docNo && docNo !== "白政发〔2023〕12号" ? [docNo] : []),
  "市市场监督管理局",
  "市政务服务局",
  "疫情防控",
  "政务公开",
  "接待管理",
  "公",
  "阿",
  "税",
];

const truth = groundTruth(state);
let outcomes: Awaited<ReturnType<typeof runQueries>> = [];
if (!values["no-browser"]) {
  const server = await serveStatic(outDir, { prefix: PREFIX, headers: SECURITY_HEADERS });
  const browser = await launchBrowser();
  try {
    outcomes = await runQueries(
      browser,
      `${server.url}search/`,
      queries,
      fragmentUrls(path.join(outDir, "pagefind"), PREFIX),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
printReport({
  size,
  pages: state.details.length,
  timings,
  pagefind,
  indexBytes: folderBytes(path.join(outDir, "pagefind")),
  scores: outcomes.map((o) => scoreQuery(o, truth)),
  firstQuery: outcomes[0],
});
