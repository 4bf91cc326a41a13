/**
 * A template pasted whole, as typed (issue 14, "no request storms"): a guide's lines on hundreds of
 * pages, some of them with a quoted name inside (可在“鹭洲通”app下载) and some repeated (原件, 1). The
 * query's terms put a quoted phrase first and drop a repeat, so the terms joined by spaces are not the
 * pages' text at those seams, and a long gram across one was looked for and not found: every line near
 * a seam was proved by its own bigrams, a bucket each. The page posts the query as typed beside its
 * terms (search-query.js `passage`), whose long grams are the pages' own. Run on a synthetic portal of
 * 1,500 items, the Worker's own modules and `fetch` answered from disk and counted (as
 * count-requests.ts does); the results and their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems, pagesHoldingAll, shownWithData } from "../helpers/counted-gram-site.ts";

/** The guide's lines: labels and values, quoted names inside some, some lines the same as others. */
const TEMPLATE = [
  "办理材料清单（共 3 项，可打印后逐项核对）",
  "材料名称",
  "份数",
  "申请表（A4纸双面打印）",
  "原件",
  "1",
  "可在“鹭洲通”app下载",
  "身份证明",
  "原件",
  "1",
  "验原件后退还",
  "委托书",
  "复印件",
  "2",
  "加盖“鹭洲市民中心”印章",
  "办理流程",
  "网上申请",
  "受理（1个工作日）",
  "审查、决定",
  "办理地点",
  "鹭洲市民中心东厅“七号”窗口",
  "办理时间",
  "工作日上午九点至下午五点",
  "咨询电话",
  "0599-8876",
  "监督投诉请拨打“12345”热线",
  "1",
  "收费标准：不收费，“零”跑腿",
  "原件",
  "办结时限：“即办”件当场办结",
  "2",
  "结果送达：“邮寄”或窗口领取",
];
/** Pages the guide is on: more than reading their text allows, more than a long gram needs (96 in each shard of 512). */
const PAGES = 330;
/** The Worker's fetches for the query and its first ten results' data, index.json included. */
const MOST_REQUESTS = 30;

const { root, folder, fetched } = await countedGramSite("gongkai-typed-passage-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    for (let i = 0; i < PAGES; i++)
      appendFileSync(files[Math.floor((i * files.length) / PAGES)], `\n\n${TEMPLATE.join("\n\n")}\n`);
  },
});

test("a guide pasted with quoted names and repeated lines, on 330 pages: found within 30 requests", async () => {
  const { terms, passage } = planQuery(TEMPLATE.join("\n")) as { terms: string[]; passage: string };
  const holding = await pagesHoldingAll(folder, terms);
  assert.equal(holding.size, PAGES, "the guide on the pages it was added to alone");

  const requests = await shownWithData(terms, holding, fetched, passage);
  assert.ok(
    requests.length <= MOST_REQUESTS,
    `${requests.length} requests for ${terms.length} terms: ${requests.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
