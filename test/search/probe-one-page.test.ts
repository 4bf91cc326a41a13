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
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { codePoints, tierOfPosition } from "../../src/assets/search-stream.js";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems } from "../helpers/counted-gram-site.ts";

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
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as { pages: number };
  const { terms } = planQuery([...TEMPLATE, ...LABELS, `受理时间 ${timeOf(OWN)}`].join("\n")) as {
    terms: string[];
  };
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
  assert.equal(holding.size, 1, "the time on one page alone");

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, terms, {});
  assert.deepEqual(match.ids, [...holding.keys()], "exactly the pages whose text holds every term");
  for (const [id, tier] of holding) assert.equal(match.tier[id], tier, `page ${id}'s tier`);
  // As the page asks: the results' data (records and excerpts) in the same count.
  await Promise.all(match.ids.map((id) => fresh.dataOf(id, terms, match.first.get(id))));
  assert.ok(
    fetched.length <= MOST_REQUESTS,
    `${fetched.length} requests for ${terms.length} terms: ${fetched.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
