/**
 * A pasted form whose lines are a template on dozens of pages, told apart only by a short line that
 * comes last in the plan (issue 14, "no request storms"): a time such as 15:47, whose bigrams are on
 * most of the template pages. Longest first, the template's lines left every template page, and then
 * their text was read (a record file per 64 pages and a text file a page; held-out 3k: a 407-character
 * paste read 30 records and 39 text files for one result). One candidate's text read first shows the
 * time is not on every candidate, so its grams are fetched next and leave one page
 * (search-probe.js `probeOne`). Run on a synthetic portal of 1,500 items, the Worker's own modules and
 * `fetch` answered from disk and counted (as count-requests.ts does); the results and their tiers are
 * checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { planQuery } from "../../src/assets/search-query.js";
import {
  countedGramSite,
  matchedWithData,
  newsItems,
  pagesHoldingAll,
} from "../helpers/counted-gram-site.ts";

/** The template's two long lines, on every one of the PAGES pages. */
const TEMPLATE = [
  "本事项按照鹭洲市政务服务中心统一受理规则和办理流程办理",
  "申请人应当对所提交的全部材料的真实性合法性有效性负责",
];
/** Labels of eight characters, on every page too: each longer than the time, so fetched before it. */
const LABELS = (
  "办理地点办理时间 咨询电话监督电话 收费标准法定时限 承诺时限审批结果 其他说明逐项核对 受理窗口申请材料 " +
  "申请条件办理流程 设定依据实施机关 服务对象办件类型 结果名称结果样本 网上办理现场办理 预约办理邮寄送达 " +
  "窗口领取材料要求 纸质材料电子材料 原件核验复印留存 签字确认加盖公章 身份证明户籍证明 婚姻证明收入证明 " +
  "住房证明社保证明 纳税证明学历证明 资格证书营业执照 法人证书授权委托 情况说明承诺书件 申请表格登记表格"
).split(" ");
const PAGES = 40;
/** The page searched for (not the middle one, which the Worker reads) and its time; the others' differ. */
const OWN = 3;
const timeOf = (i: number) => (i === OWN ? "15:47" : `1${i % 10}:4${i % 10}`);
/** The Worker's fetches for the query and its results' data, index.json included. */
const MOST_REQUESTS = 40;

const { root, folder, fetched } = await countedGramSite("gongkai-probe-one-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    for (let i = 0; i < PAGES; i++) {
      const lines = [...TEMPLATE, ...LABELS, `受理时间 ${timeOf(i)}`];
      appendFileSync(files[Math.floor((i * files.length) / PAGES)], `\n\n${lines.join("\n\n")}\n`);
    }
  },
});

test("a template on dozens of pages told apart by a short time: one page's text, then the time's grams", async () => {
  const { terms } = planQuery([...TEMPLATE, ...LABELS, `受理时间 ${timeOf(OWN)}`].join("\n")) as {
    terms: string[];
  };
  assert.equal(
    (await pagesHoldingAll(folder, TEMPLATE)).size,
    PAGES,
    "the template on the pages it was added to",
  );
  // Every page holding every term, and its tier: the furthest of the terms' first occurrences.
  const holding = await pagesHoldingAll(folder, terms);
  assert.equal(holding.size, 1, "the time on one page alone");

  const files = await matchedWithData(terms, holding, fetched);
  assert.ok(files.length <= MOST_REQUESTS, `${files.length} requests: ${files.join(" ")}`);
  rmSync(root, { recursive: true, force: true });
});
