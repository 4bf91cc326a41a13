/**
 * A pasted passage whose two longest lines are a template on dozens of pages and whose third is on one
 * (issue 14, "no request storms"): its first batch (the two longest terms) leaves dozens of pages, and
 * reading their text (a record file per 64 pages, a text file or more a page) cost more than a query's
 * few dozen requests, where the next batch (the third line) leaves one page (held-out 3k: a
 * 400-character paste read 30 records and 47 text files). Right after the first batch, text that would
 * cost over 40 requests waits for the next batch (search-plan.js `textIsCheaper`). Run on a synthetic
 * portal of 1,500 items, the Worker's own modules and `fetch` answered from disk and counted (as
 * count-requests.ts does); the results and their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { codePoints, tierOfPosition } from "../../src/assets/search-stream.js";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, matchedWithData, newsItems } from "../helpers/counted-gram-site.ts";

/** The template's two long lines, on every one of the PAGES pages. */
const TEMPLATE = [
  "本公告所列事项均按照鹭洲市政务服务中心统一受理规则办理",
  "申请人应当对所提交材料的真实性合法性有效性负责",
];
/** The one page's own line: as long as neither template line, so it comes in the second batch. */
const OWN = "受理编号二〇二六年第〇四七号专项审查意见";
/** Labels, on every page too: terms whose grams would cost more requests than the pages' text. */
const LABELS = (
  "办理地点 办理时间 咨询电话 监督电话 收费标准 法定时限 承诺时限 审批结果 其他说明 逐项核对 受理窗口 申请材料 申请条件 办理流程 设定依据 实施机关 服务对象 办件类型 结果名称 结果样本 网上办理 现场办理 预约办理 邮寄送达 窗口领取 材料要求 纸质材料 电子材料 原件核验 复印留存 " +
  "签字确认 加盖公章 身份证明 户籍证明 婚姻证明 收入证明 住房证明 社保证明 纳税证明 学历证明 资格证书 营业执照 法人证书 授权委托 委托书件 情况说明 承诺书件 申请表格 登记表格 审核意见 公示期限 异议处理 投诉渠道 监督方式 权利救济 行政复议 行政诉讼 常见问题 温馨提示 注意事项"
).split(" ");
const PAGES = 30;
/** The Worker's fetches for the query and its first ten results' data, index.json included. */
const MOST_REQUESTS = 40;

const { root, folder, fetched } = await countedGramSite("gongkai-first-batch-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    for (let i = 0; i < PAGES; i++) {
      const lines = [...TEMPLATE, ...(i === PAGES >> 1 ? [OWN] : []), ...LABELS];
      appendFileSync(files[Math.floor((i * files.length) / PAGES)], `\n\n${lines.join("\n\n")}\n`);
    }
  },
});

test("a template on dozens of pages and one page's own line: the next batch before their text", async () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as { pages: number };
  const { terms } = planQuery([...TEMPLATE, OWN, ...LABELS].join("\n")) as { terms: string[] };
  // Every page holding every term, and its tier: the furthest of the terms' first occurrences.
  const index = await new SiteIndex("/pagefind/").open();
  const holding = new Map<number, number>();
  let template = 0;
  for (let id = 0; id < manifest.pages; id++) {
    const stream = String.fromCodePoint(...(await index.streamOf(id)));
    if (TEMPLATE.every((t) => stream.includes(t))) template++;
    const at = terms.map((t) => stream.indexOf(t));
    if (at.every((a) => a >= 0))
      holding.set(id, Math.max(...at.map((a) => tierOfPosition(codePoints(stream.slice(0, a)).length))));
  }
  assert.equal(template, PAGES, "the template on every page it was added to");
  assert.equal(holding.size, 1, "the one page's own line on it alone");

  // As the page asks: the results' data (records and excerpts) in the same count.
  const files = await matchedWithData(terms, holding, fetched);
  assert.ok(
    files.length <= MOST_REQUESTS,
    `${files.length} requests for ${terms.length} terms: ${files.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
