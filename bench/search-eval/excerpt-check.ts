/**
 * Are results shown as their pages show them? The Worker's own modules run in Node over a built
 * site's index (as count-requests.ts does) and every result of every query is made as the page
 * gets it (title, excerpt, marks); each is held to the page's rendered text (the harness's truth):
 *
 * - no broken character (a lone surrogate: half of a character outside the BMP, shown as �);
 * - the excerpt, without its … ends, is text the page shows (white space collapsed): no entity
 *   left escaped (&amp;amp;), nothing cut out or added;
 * - an excerpt without a closing … ends where the page's text ends, one without an opening … starts
 *   where it starts (after the title);
 * - every mark covers text that folds to hold a term, and every term the excerpt holds is marked.
 *
 *   npx tsx bench/search-eval/excerpt-check.ts SITE --queries FILE [--most N]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { addressQueryOf, foldText, planQuery } from "../../src/assets/search-query.js";
import { plainMeta } from "../../src/assets/search-result.js";
import { indexedUrls } from "./fragments.ts";
import { groundTruth } from "./report.ts";
import { fetchIndexFrom } from "./index-fetch.ts";
import { parseQueries } from "./query-file.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { queries: { type: "string" }, most: { type: "string", default: "40" } },
});
const [site] = positionals;
if (!site || !values.queries) throw new Error("用法：excerpt-check.ts 站点 --queries 文件 [--most N]");
const folder = path.join(path.resolve(site), "pagefind");
const urlOf = indexedUrls(folder, "/portal/");
const shown = new Map(
  groundTruth(path.resolve(site), "/portal/", urlOf.values()).map((p) => [
    p.url,
    p.shown.replace(/\s+/gu, " "),
  ]),
);
const queries = parseQueries(await readFile(values.queries, "utf8"));
fetchIndexFrom(folder);

const LONE_UNITS = /(?:[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;
const index = await new SiteIndex("/pagefind/").open();
const problems = new Map<string, { count: number; example: string }>();
const note = (kind: string, example: string) => {
  const p = problems.get(kind) ?? { count: 0, example };
  p.count++;
  problems.set(kind, p);
};
let results = 0;
for (const query of queries) {
  const plan = planQuery(addressQueryOf(query));
  if (plan.kind === "empty") continue;
  const match = await matchPages(index, plan.terms, {});
  const ids = [...match.ids]
    .sort((a, b) => match.tier[a] - match.tier[b] || a - b)
    .slice(0, Number(values.most));
  for (const id of ids) {
    const data = (await index.dataOf(id, plan.terms, match.first.get(id))) as {
      url: string;
      meta: Record<string, string>;
      marks: { title: [number, number][]; text: [number, number][] };
    };
    results++;
    const meta = plainMeta(data.meta);
    const text = meta.text ?? "";
    const page = shown.get(`/portal${data.url}`) ?? "";
    const where = `${query} → ${data.url}`;
    if (LONE_UNITS.test(text) || LONE_UNITS.test(meta.title))
      note("断开的代理对（显示为 �）", `${where}: ${JSON.stringify(text)}`);
    const inner = text.replace(/^…/, "").replace(/…$/, "");
    if (!page.includes(inner))
      note("摘要不是页面显示的文字", `${where}: ${JSON.stringify(inner.slice(0, 80))}`);
    // Without a closing …, the excerpt is where the page's text ends; without an opening one, where
    // it starts (after the title).
    if (!text.endsWith("…") && !page.endsWith(inner))
      note("摘要没到正文末尾却没有省略号", `${where}: ${JSON.stringify(inner.slice(-30))}`);
    if (!text.startsWith("…") && page.indexOf(inner) > meta.title.length + 1)
      note("摘要不在正文开头却没有省略号", `${where}: ${JSON.stringify(inner.slice(0, 30))}`);
    if (/&(?:amp|lt|gt|quot|#39);/.test(inner) && !page.includes(inner))
      note("摘要里留着 HTML 转义", `${where}: ${JSON.stringify(inner.slice(0, 80))}`);
    for (const [field, ranges] of [
      [meta.title, data.marks.title],
      [text, data.marks.text],
    ] as const) {
      for (const [a, b] of ranges) {
        const marked = foldText(field.slice(a, b)).replace(/\s+/gu, " ");
        if (!plan.terms.some((t) => marked.includes(t)))
          note("标记的文字不含查询词", `${where}: ${JSON.stringify(field.slice(a, b))}`);
      }
      const folded = foldText(field).replace(/\s+/gu, " ");
      for (const t of plan.terms)
        if (folded.includes(t) && !ranges.length) note("摘要含查询词却没有标记", `${where}: ${t}`);
    }
  }
}
console.log(`查询 ${queries.length} 个，检查结果 ${results} 条`);
if (!problems.size) console.log("摘要与标记：全部与页面显示一致");
for (const [kind, p] of problems) console.log(`${kind}：${p.count} 条，例如 ${p.example}`);
process.exitCode = problems.size ? 1 : 0;
