/**
 * The index files each search fetches, without a browser: the Worker's own modules run in Node over
 * a built site's index, `fetch` answered from disk and counted, the data of the ten results the page
 * shows included. Requests and bytes are the Worker's share of what `npm run search:eval` counts (the
 * page itself adds 5 requests since the sixteenth round: its HTML, its first script with site.js,
 * its one stylesheet, its module and the Worker; about 100 KB; 10 before) and do not depend on the
 * machine's load, so a change to the matching can be compared exactly. With
 * `--truth` every query's results are also scored against the rendered text (as run.ts does).
 *
 *   npx tsx bench/search-eval/count-requests.ts SITE [--queries FILE] [--truth] [--write-queries FILE]
 *
 * SITE built with pathPrefix /portal/. Without --queries: the default list for that site
 * (default-queries.ts, which reads every page's text).
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { addressQueryOf, planQuery } from "../../src/assets/search-query.js";
import { indexedUrls } from "./fragments.ts";
import { groundTruth, scoreQuery, type TruthPage } from "./report.ts";
import { defaultQueries } from "./default-queries.ts";
import { parseQueries } from "./query-file.ts";
import { fetchIndexFrom } from "./index-fetch.ts";

const PREFIX = "/portal/";
/** The results the page shows (search-start.js `PAGE_SIZE`): the first six with the answer, four after. */
const PAGE_SIZE = 10;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: "string" },
    truth: { type: "boolean", default: false },
    "write-queries": { type: "string" },
  },
});
const [site] = positionals;
if (!site) throw new Error("用法：count-requests.ts 站点 [--queries 文件] [--truth] [--write-queries 文件]");
const folder = path.join(path.resolve(site), "pagefind");
const urlOf = indexedUrls(folder, PREFIX);
let truth: TruthPage[] | undefined;
if (values.truth || !values.queries) truth = groundTruth(path.resolve(site), PREFIX, urlOf.values());
const queries = values.queries
  ? parseQueries(await readFile(values.queries, "utf8"))
  : defaultQueries(truth ?? []);
if (values["write-queries"]) await writeFile(values["write-queries"], `${queries.join("\n")}\n`);

const fetched: { file: string; bytes: number }[] = [];
fetchIndexFrom(folder, (file, bytes) => fetched.push({ file, bytes }));

let most = 0;
let wrong = 0;
console.log("查询\t命中\t召回率\t精确率\t请求\t下载\t文件（类）");
for (const query of queries) {
  fetched.length = 0;
  // A fresh index per query: nothing cached, as the harness's fresh page per query.
  const index = await new SiteIndex("/pagefind/").open();
  // As the page: a query longer than the forms allow is cut (search-start.js).
  const plan = planQuery(addressQueryOf(query));
  if (plan.kind === "empty") continue;
  const match = await matchPages(index, plan.terms, {}, plan.passage);
  await Promise.all(
    // In the page's order (search-worker.js `orderOne`, relevance: by tier, newest first, ids ascending).
    [...match.ids]
      .sort((a, b) => match.tier[a] - match.tier[b] || a - b)
      .slice(0, PAGE_SIZE)
      .map((id) => index.dataOf(id, plan.terms, match.first.get(id))),
  );
  const kinds = new Map<string, number>();
  for (const { file } of fetched) {
    const kind = /^x\/\d+-\d+-\d+/.test(file) ? "pos" : file.replace(/\/.*/, "");
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const kb = fetched.reduce((n, f) => n + f.bytes, 0) / 1024;
  most = Math.max(most, fetched.length);
  let scores = "\t";
  if (values.truth && truth) {
    const urls = match.ids.map((id) => urlOf.get(id) ?? `?${id}`);
    const s = scoreQuery({ query, shown: urls.length, urls } as Parameters<typeof scoreQuery>[0], truth);
    if (s.recall < 1 || s.precision < 1) wrong++;
    scores = `${(s.recall * 100).toFixed(1)}%\t${(s.precision * 100).toFixed(1)}%`;
  }
  // Tabs and line breaks shown as marks, so each line keeps its columns.
  const flat = query.replace(/\t/g, "␉").replace(/\r?\n|\r/g, "↵");
  const shown = flat.length > 30 ? `${flat.slice(0, 24)}…（${query.length} 字）` : flat;
  console.log(
    `${shown}\t${match.ids.length}\t${scores}\t${fetched.length}\t${kb.toFixed(0)} KB\t${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
}
console.log(`请求数最多 ${most}${values.truth ? `；召回率或精确率不足 100% 的查询 ${wrong} 个` : ""}`);
