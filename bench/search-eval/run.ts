/**
 * `npm run search:eval`: runs a list of queries in the real search page (headless Chromium,
 * under the path prefix /portal/ with the site's security headers) and prints per query the
 * hits, the pages whose rendered text holds every term (docs/search.md: folded, spaces = AND),
 * recall, precision, time to results, requests (and failed ones) and bytes fetched.
 *
 *   --size N [--seed N]      a synthetic portal of N items, built here with its index
 *   --corpus county          …whose text comes from the independent generator (county-corpus.ts)
 *   --corpus heldout         …or from the held-out one (heldout-corpus.ts: raw HTML kept; its
 *                            queries are heldout-queries.txt)
 *   --site DIR               an already built site (built with pathPrefix /portal/)
 *   --queries FILE           one query per line, or `@json "…"` (query-file.ts; default:
 *                            default-queries.ts)
 *   --out DIR, --no-browser  where to build; index figures only
 *   --no-index-again         skip building the index a second time on its own (its time in the
 *                            build is still printed; its memory is not)
 *   --truth-check N          open N pages spread over the site in Chromium and compare the text
 *                            they show with the ground truth, word for word (default 100; 0: none)
 *   --help                   this text
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { generateSyntheticPortal } from "../synthetic.ts";
import { serveStatic } from "../../test/helpers/serve.ts";
import { launchBrowser } from "../../test/helpers/browser.ts";
import { SECURITY_HEADERS } from "../../src/deploy/security-headers.ts";
import { measureIndex, type IndexStats } from "./index-stats.ts";
import { generateCountyCorpus } from "./county-corpus.ts";
import { generateHeldoutCorpus, heldoutSite } from "./heldout-corpus.ts";
import { runQueries } from "./measure-queries.ts";
import { indexedUrls } from "./fragments.ts";
import { groundTruth, scoreQuery, printReport, folderBytes } from "./report.ts";
import { defaultQueries } from "./default-queries.ts";
import { readQueries } from "./query-file.ts";
import { checkTruth, printTruthCheck, type TruthCheck } from "./truth-check.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    corpus: { type: "string", default: "synthetic" },
    site: { type: "string" },
    queries: { type: "string" },
    out: { type: "string" },
    "no-browser": { type: "boolean", default: false },
    "no-index-again": { type: "boolean", default: false },
    "truth-check": { type: "string", default: "100" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  // The usage is this file's opening comment (its option lines).
  const usage = /\/\*\*\n([\s\S]*?)\*\//.exec(readFileSync(import.meta.filename, "utf8"))![1];
  console.log(usage.replace(/^ \* ?/gm, ""));
  process.exit(0);
}
const PREFIX = "/portal/";
const root = path.resolve(import.meta.dirname, "../..");
let size = Number(values.size);
let outDir: string;
let timings: Record<string, number> | undefined;
let index: IndexStats | undefined;

if (values.site) {
  outDir = path.resolve(values.site);
} else {
  const work = values.out
    ? path.resolve(values.out)
    : path.join(tmpdir(), `gongkai-search-eval-${values.corpus}-${size}`);
  const sample = await loadSiteConfig(path.join(root, "site.config.ts"), { pathPrefix: PREFIX });
  const site = values.corpus === "heldout" ? heldoutSite(sample) : sample;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const contentDir = path.join(work, "content");
  outDir = path.join(work, "_site");
  const names: Record<string, string> = { county: "青禾县", heldout: "澄川市" };
  console.log(`生成 ${size} 条${names[values.corpus] ?? "合成"}内容 → ${contentDir}`);
  if (values.corpus === "county")
    generateCountyCorpus(site, contentDir, { count: size, seed: Number(values.seed) });
  else if (values.corpus === "heldout")
    generateHeldoutCorpus(site, contentDir, { count: size, seed: Number(values.seed) });
  else generateSyntheticPortal(site, contentDir, { count: size, seed: Number(values.seed) });
  let state;
  ({ timings, state } = await buildSite({
    site,
    contentDir,
    outDir,
    now: Date.parse("2030-01-01T00:00:00Z"),
  }));
  // The index step again on its own, measured: wall time, CPU of every thread, peak memory.
  if (!values["no-index-again"]) index = await measureIndex(state, path.join(work, "index-again"), outDir);
}

const urlOf = indexedUrls(path.join(outDir, "pagefind"), PREFIX);
const truth = groundTruth(outDir, PREFIX, urlOf.values());
if (values.site) size = truth.length;
const queries = values.queries ? readQueries(values.queries) : defaultQueries(truth);

let outcomes: Awaited<ReturnType<typeof runQueries>> = [];
let truthCheck: TruthCheck | undefined;
if (!values["no-browser"]) {
  const server = await serveStatic(outDir, { prefix: PREFIX, headers: SECURITY_HEADERS });
  const browser = await launchBrowser();
  try {
    outcomes = await runQueries(browser, `${server.url}search/`, queries, urlOf);
    const count = Number(values["truth-check"]);
    if (count > 0) truthCheck = await checkTruth(browser, new URL(server.url).origin, truth, count);
  } finally {
    await browser.close();
    await server.close();
  }
}
printReport({
  size,
  pages: truth.length,
  timings,
  index,
  indexBytes: folderBytes(path.join(outDir, "pagefind")),
  scores: outcomes.map((o) => scoreQuery(o, truth)),
  firstQuery: outcomes[0],
});
if (truthCheck) printTruthCheck(truthCheck);
