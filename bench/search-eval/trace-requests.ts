/**
 * Where a query's requests go, without a browser (as count-requests.ts): each file the Worker's modules
 * fetch, named by the Worker functions that asked for it (the call stack when the request was made),
 * with the results' data included. For one query, the files in order, runs of one kind and caller
 * counted together; with `all`, one line per query making more than MIN requests (default 40): the
 * requests by caller and kind, then the totals. Used to sort the retyped queries over 40 by what they
 * spend requests on (docs/search.md, req41).
 *
 *   npx tsx bench/search-eval/trace-requests.ts SITE QUERIES N…       (N: the query's number, from 0)
 *   npx tsx bench/search-eval/trace-requests.ts SITE QUERIES all [MIN]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import * as indexModule from "../../src/assets/search-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { planQuery } from "../../src/assets/search-query.js";
import { parseQueries } from "./query-file.ts";
import { fetchIndexFrom } from "./index-fetch.ts";

/** Results whose data the page asks for (count-requests.ts). */
const PAGE_SIZE = 10;
/** The Worker's functions a request is told by, the first on its stack that is one of them. */
const CALLERS = [
  "dataOf",
  "probeOne",
  "lackingFirst",
  "checkOnText",
  "holdsAt",
  "settleTiers",
  "proveAcross",
  "useLongGrams",
  "narrowAcross",
  "fetchBatch",
  "firstOfPairs",
  "prefetchGram",
  "verify",
  "positionsOn",
];

const [site, file, ...which] = process.argv.slice(2);
if (!site || !file || !which.length)
  throw new Error("用法：trace-requests.ts 站点 查询文件 (序号… | all [最少请求数])");
const folder = path.join(path.resolve(site), "pagefind");
const queries = parseQueries(await readFile(file, "utf8")).filter((q) => planQuery(q).kind !== "empty");

// The stack when a request is made: the Worker's callers are on it before the request's first await.
const callerOf = new Map<string, string>();
type Fetched = (this: unknown, rel: string, ticket: unknown) => Promise<Uint8Array>;
// IndexFiles (search-index.js) is not in its types: the Worker's own code never names it from outside.
const files = (indexModule as unknown as { IndexFiles: { prototype: { fetched: Fetched } } }).IndexFiles
  .prototype;
const fetched = files.fetched;
files.fetched = function (rel, ticket) {
  const stack = new Error().stack ?? "";
  callerOf.set(rel, CALLERS.find((name) => new RegExp(`\\b${name} `).test(stack)) ?? "?");
  return fetched.call(this, rel, ticket);
};
const log: { kind: string; caller: string }[] = [];
fetchIndexFrom(folder, (f) => log.push({ kind: f.replace(/\/.*/, ""), caller: callerOf.get(f) ?? "?" }));

/** The query's requests, results' data included, and its plan and results. */
async function run(query: string) {
  log.length = 0;
  const index = await new SiteIndex("/pagefind/").open();
  const { terms, passage } = planQuery(query) as { terms: string[]; passage: string };
  const match = await matchPages(index, terms, {}, passage);
  const shown = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, PAGE_SIZE);
  await Promise.all(shown.map((id) => index.dataOf(id, terms, match.first.get(id))));
  return { terms, results: match.ids.length, requests: log.slice() };
}

const tally = (list: { kind: string; caller: string }[]) => {
  const by = new Map<string, number>();
  for (const { kind, caller } of list) by.set(`${caller} ${kind}`, (by.get(`${caller} ${kind}`) ?? 0) + 1);
  return [...by].sort((a, b) => b[1] - a[1]);
};

if (which[0] === "all") {
  const least = Number(which[1] ?? 40);
  const total: { kind: string; caller: string }[] = [];
  for (const [n, query] of queries.entries()) {
    const { terms, results, requests } = await run(query);
    if (requests.length <= least) continue;
    total.push(...requests);
    const longest = Math.max(...terms.map((t) => [...t].length));
    const by = tally(requests).map(([k, v]) => `${k} ${v}`);
    console.log(
      `#${n}\t${requests.length}\t结果 ${results}\t词 ${terms.length}\t最长 ${longest}\t${by.join(", ")}`,
    );
  }
  console.log(
    `合计\t${tally(total)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
} else {
  for (const n of which) {
    const query = queries[Number(n)];
    if (query === undefined) throw new Error(`没有第 ${n} 个查询`);
    const { terms, results, requests } = await run(query);
    console.log(`#${n} ${JSON.stringify(query).slice(0, 100)}：结果 ${results}，请求 ${requests.length}`);
    console.log(`  词：${terms.map((t) => `${t}（${[...t].length}）`).join(" | ")}`);
    const runs: [string, number][] = [];
    for (const { kind, caller } of requests) {
      const key = `${caller} ${kind}`;
      if (runs.at(-1)?.[0] === key) runs.at(-1)![1]++;
      else runs.push([key, 1]);
    }
    for (const [key, count] of runs) console.log(`  ${key} ${count}`);
  }
}
