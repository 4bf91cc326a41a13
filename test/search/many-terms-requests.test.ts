/**
 * A pasted table or form (issue 14: "no request storms"): its line breaks are spaces, so it is
 * dozens of AND terms, every one on the same few pages. Fetching each term's bucket cost a request
 * a term (held-out 3k: 45 terms on 39 pages, 164 requests); once the first terms leave few pages,
 * the others are looked for in those pages' text instead (search-match.js `textIsCheaper`). Run on a
 * synthetic portal of 1,500 items with a 32-line table added to twelve news items, the Worker's own
 * modules and `fetch` answered from disk and counted (as count-requests.ts does); the results and
 * their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems, pagesHoldingAll } from "../helpers/counted-gram-site.ts";

/** A form's cells, one a line: labels the portal's text has and values it has not. */
const CELLS = [
  "序号",
  "材料名称",
  "形式",
  "份数",
  "是否必要",
  "备注",
  "1",
  "申请表",
  "原件",
  "必要",
  "2",
  "身份证明",
  "复印件",
  "非必要",
  "办理地点",
  "鹭洲市民中心三号窗口",
  "办理时间",
  "工作日上午",
  "咨询电话",
  "0592-7654321",
  "监督投诉电话",
  "12345",
  "收费标准",
  "不收费",
  "法定办结时限",
  "二十个工作日",
  "承诺办结时限",
  "五个工作日",
  "审批结果",
  "准予许可决定书",
  "其他说明",
  "逐项核对",
];
const PAGES = 12;
/** The Worker's fetches for the query and its first ten results' data, index.json included. */
const MOST_REQUESTS = 40;

const { root, folder, fetched } = await countedGramSite("gongkai-many-terms-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    const table = `\n\n${CELLS.join("\n\n")}\n`;
    for (let i = 0; i < PAGES; i++) appendFileSync(files[Math.floor((i * files.length) / PAGES)], table);
  },
});

test("a pasted form of 32 terms on twelve pages: found exactly, in a bounded number of requests", async () => {
  const { terms } = planQuery(CELLS.join("\n")) as { terms: string[] };
  assert.equal(terms.length, CELLS.length);
  // Every page holding every term, and its tier: the furthest of the terms' first occurrences.
  const holding = await pagesHoldingAll(folder, terms);
  assert.ok(holding.size >= PAGES, `the form on ${holding.size} pages`);

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, terms, {});
  assert.deepEqual(match.ids, [...holding.keys()], "exactly the pages whose text holds every term");
  for (const [id, tier] of holding) assert.equal(match.tier[id], tier, `page ${id}'s tier`);
  // As the page asks: the first ten results' data (records and excerpts) in the same count.
  const shown = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, 10);
  await Promise.all(shown.map((id) => fresh.dataOf(id, terms, match.first.get(id))));
  assert.ok(
    fetched.length <= MOST_REQUESTS,
    `${fetched.length} requests for ${terms.length} terms: ${fetched.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
