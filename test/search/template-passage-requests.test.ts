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
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems, pagesHoldingAll, shownWithData } from "../helpers/counted-gram-site.ts";

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

  const requests = await shownWithData(terms, holding, fetched);
  assert.ok(
    requests.length <= MOST_REQUESTS,
    `${requests.length} requests for ${terms.length} terms: ${requests.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
