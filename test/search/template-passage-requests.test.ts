/**
 * A template pasted whole (issue 14, "no request storms"): a procedure's short lines, on hundreds of
 * pages, pasted with their line breaks, so each line is a term. Every term is on every one of those
 * pages, too many to read as text, and each term proved by its own grams cost a bucket a bigram (held-out
 * 3k: a 200-character paste on 367 pages, 76 requests). The lines joined by single spaces are the
 * pages' own text, so the passage's long grams prove them together (search-long-terms.js). Run on a
 * synthetic portal of 1,500 items, the Worker's own modules and `fetch` answered from disk and counted
 * (as count-requests.ts does); the results and their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems, pagesHoldingAll } from "../helpers/counted-gram-site.ts";

/** The template's lines: labels and values of a procedure, most of them short. */
const TEMPLATE = (
  "办事指南 事项名称 临时占用绿地审批 办理材料 申请书 原件 1 必要 占用方案图 复印件 2 非必要 " +
  "经办人身份证件 验原件后退还 办理流程 网上申请 受理 审查、决定 办结送达 办理地点 鹭洲市民中心东厅七号窗口 " +
  "办理时间 工作日上午九点至下午五点 咨询与监督 咨询电话 0599-8876 监督电话 0599-6655"
).split(" ");
/** Pages the template is on: more than reading their text allows (64), more than a long gram needs (96 in each shard of 512). */
const PAGES = 330;
/** The Worker's fetches for the query and its first ten results' data, index.json included. */
const MOST_REQUESTS = 40;
const SHOWN = 10;

const { root, folder, fetched } = await countedGramSite("gongkai-template-passage-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    for (let i = 0; i < PAGES; i++)
      appendFileSync(files[Math.floor((i * files.length) / PAGES)], `\n\n${TEMPLATE.join("\n\n")}\n`);
  },
});

test("a template's lines pasted as terms, on 330 pages: found within 40 requests", async () => {
  const { terms } = planQuery(TEMPLATE.join("\n")) as { terms: string[] };
  // Every page holding every term, and its tier: the furthest of the terms' first occurrences.
  const holding = await pagesHoldingAll(folder, terms);
  assert.equal(holding.size, PAGES, "the template on the pages it was added to alone");

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, terms, {});
  assert.deepEqual(match.ids, [...holding.keys()], "exactly the pages whose text holds every term");
  for (const [id, tier] of holding) assert.equal(match.tier[id], tier, `page ${id}'s tier`);
  // As the page asks: the first ten results' data (records and excerpts) in the same count.
  const shown = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, SHOWN);
  await Promise.all(shown.map((id) => fresh.dataOf(id, terms, match.first.get(id))));
  assert.ok(
    fetched.length <= MOST_REQUESTS,
    `${fetched.length} requests for ${terms.length} terms: ${fetched.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
