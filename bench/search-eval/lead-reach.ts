/**
 * How often a query's first results need a text file for their excerpt, and how far into a page's
 * text (after its title, white space collapsed) their first match lies: what a longer record lead
 * (doc-pieces.mjs LEAD_CHARS) would save. The Worker's modules run in Node over a built index.
 *
 *   npx tsx bench/search-eval/lead-reach.ts SITE --queries FILE [--first N]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { foldText, planQuery } from "../../src/assets/search-query.js";
import { plainMeta } from "../../src/assets/search-result.js";
import { fetchIndexFrom } from "./index-fetch.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string" }, first: { type: "string", default: "6" } },
});
const [site] = positionals;
if (!site || !values.queries) throw new Error("用法：lead-reach.ts 站点 --queries 文件 [--first N]");
const folder = path.join(path.resolve(site), "pagefind");
fetchIndexFrom(folder);
const queries = (await readFile(values.queries, "utf8"))
  .split("\n")
  .map((q) => q.trim())
  .filter(Boolean);
type Rec = { url: string; meta: Record<string, string>; p: [number, number, number][]; l?: string };
/** The parts of SiteIndex (plain JavaScript) used here, beyond its declarations. */
interface Index {
  record(id: number): Promise<Rec>;
  leadExcerpt(record: Rec, terms: readonly string[], at?: number): string | undefined;
  piece(record: Rec, i: number): Promise<string>;
}
const opened = await new SiteIndex("/pagefind/").open();
const index = opened as unknown as Index;
let results = 0;
let needText = 0;
let queriesNeeding = 0;
let queriesNeedingFirst3 = 0;
const offsets: number[] = [];
/** Per query, the first-match offsets of its results that needed a text file (-1: not found), by rank. */
const perQuery: [number, number][][] = [];
for (const query of queries) {
  const plan = planQuery(query);
  if (plan.kind === "empty") continue;
  const match = await matchPages(opened, plan.terms, {});
  const ids = [...match.ids]
    .sort((a, b) => match.tier[a] - match.tier[b] || a - b)
    .slice(0, Number(values.first));
  const mine: [number, number][] = [];
  perQuery.push(mine);
  let any = false;
  let any3 = false;
  for (const [k, id] of ids.entries()) {
    results++;
    const record = await index.record(id);
    const at = match.first.get(id);
    if (index.leadExcerpt(record, plan.terms, at) !== undefined) continue;
    needText++;
    any = true;
    if (k < 3) any3 = true;
    const title = plainMeta({ t: record.meta.title }).t;
    const pieces = await Promise.all(record.p.map((_, i) => index.piece(record, i)));
    const text = pieces.join("");
    const flat = (title && text.startsWith(title) ? text.slice(title.length) : text)
      .replace(/\s+/g, " ")
      .trimStart();
    const folded = foldText(flat);
    const found = Math.min(...plan.terms.map((t) => folded.indexOf(t)).filter((x) => x >= 0));
    offsets.push(Number.isFinite(found) ? found : -1);
    mine.push([k, Number.isFinite(found) ? found : -1]);
  }
  if (any) queriesNeeding++;
  if (any3) queriesNeedingFirst3++;
}
offsets.sort((a, b) => a - b);
const q = (p: number) => offsets[Math.floor((offsets.length - 1) * p)];
console.log(
  `查询 ${queries.length}，前 ${values.first} 条结果 ${results}，要正文文件的 ${needText}；有此需要的查询 ${queriesNeeding}（前三条里有的 ${queriesNeedingFirst3}）`,
);
console.log(`首个匹配在正文中的位置：p25 ${q(0.25)}，中位 ${q(0.5)}，p75 ${q(0.75)}，p90 ${q(0.9)}`);
for (const lead of [200, 250, 300, 400, 600, 1000, 2000]) {
  const within = offsets.filter((x) => x >= 0 && x + 120 <= lead).length;
  const still = (n: number) =>
    perQuery.filter((m) => m.some(([k, x]) => k < n && (x < 0 || x + 120 >= lead))).length;
  console.log(
    `  引文 ${lead} 字时可从记录取摘要：${within} / ${offsets.length}；仍要正文文件的查询：前三条 ${still(3)}，前六条 ${still(6)}`,
  );
}
