/**
 * 三审三校 and 保密审查 (issue 16): with `review.types` set, an item is published only with a
 * complete sign-off in order, none of it after the publication time, 主动公开; the record never
 * reaches the public pages.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { problemsIn } from "./helpers.ts";

const REVIEW = {
  drafted: "{ name: 王小明, date: 2026-05-28 }",
  first: "{ name: 李科长, date: 2026-05-29 }",
  second: "{ name: 赵主任, date: 2026-05-30 }",
  final: "{ name: 孙副市长, date: 2026-05-31 16:00 }",
  proofreads:
    "[{ name: 校对甲, date: 2026-05-29 }, { name: 校对乙, date: 2026-05-30 }, { name: 校对丙, date: 2026-05-31 }]",
  secrecy: "{ result: 不涉密, name: 保密办, date: 2026-05-31 }",
  disclosure: "主动公开",
};

/** A news item with the review block given (steps left out or replaced), published 2026-06-01 09:00. */
function reviewed(steps: Partial<Record<keyof typeof REVIEW, string | undefined>>): string {
  const merged = { ...REVIEW, ...steps };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${k}: ${v}`);
  return news("审核测试", "2026-06-01 09:00").replace(
    "\n---\n正文",
    `\nreview:\n${lines.join("\n")}\n---\n正文`,
  );
}

const CONFIG = { review: { types: ["news"], proofreads: 3 } };

test("a complete sign-off in order publishes; the record stays out of the page", async () => {
  const site = createFixture({ "news/2026/ok.md": reviewed({}) }, CONFIG);
  assert.deepEqual(problemsIn(site, "news/2026/ok.md"), []);
  await site.build();
  const html = site.read("/news/2026/ok/");
  for (const secret of ["王小明", "李科长", "保密办", "不涉密"]) assert.ok(!html.includes(secret), secret);
});

test("no review block: the error names every step the site requires", () => {
  const site = createFixture({ "news/2026/none.md": news("无审核", "2026-06-01 09:00") }, CONFIG);
  assert.deepEqual(problemsIn(site, "news/2026/none.md"), [
    "content/news/2026/none.md 错误 字段「review」：缺少审核记录 review：站点要求新闻发布前完成三审（拟稿、初审、复审、终审/签发）、3 次校对、保密审查并确定公开属性",
  ]);
});

test("a missing step, steps out of order, a step after publication, too few proofreads, 依申请公开", () => {
  const site = createFixture(
    {
      "news/2026/missing.md": reviewed({ second: undefined, secrecy: undefined }),
      "news/2026/order.md": reviewed({ first: "{ name: 李科长, date: 2026-05-31 }" }),
      "news/2026/late.md": reviewed({ final: "{ name: 孙副市长, date: 2026-06-01 10:00 }" }),
      "news/2026/few.md": reviewed({
        proofreads: "[{ name: 校对甲, date: 2026-05-29 }]",
        disclosure: "依申请公开",
      }),
    },
    CONFIG,
  );
  assert.deepEqual(problemsIn(site, "news/2026/"), [
    "content/news/2026/few.md:12 错误 字段「review.proofreads」：校对记录只有 1 次，站点要求 3 次（review.proofreads：[{ name, date }]）",
    "content/news/2026/few.md:14 错误 字段「review.disclosure」：公开属性为“依申请公开”，不能在网站上发布；只有“主动公开”的内容才能发布（可改为草稿 draft: true）",
    "content/news/2026/late.md:11 错误 字段「review.final」：“终审/签发”日期 2026-06-01 10:00 晚于发布时间 2026-06-01 09:00；应先审核、后发布",
    "content/news/2026/missing.md:7 错误 字段「review」：审核记录缺少“复审”（review.second：{ name, date }）",
    "content/news/2026/missing.md:7 错误 字段「review」：审核记录缺少“保密审查”（review.secrecy：{ result, name, date }）",
    "content/news/2026/order.md:10 错误 字段「review.second」：“复审”日期 2026-05-30 00:00 早于“初审”日期 2026-05-31 00:00；三审应按拟稿、初审、复审、终审的顺序进行",
  ]);
});

test("types not listed need no sign-off; drafts get warnings; the same person drafting and signing is warned", () => {
  const site = createFixture(
    {
      "news/2026/draft.md": news("草稿", "2026-06-01 09:00", { draft: true }),
      "news/2026/self.md": reviewed({ final: "{ name: 王小明, date: 2026-05-31 }" }),
    },
    CONFIG,
  );
  assert.deepEqual(problemsIn(site, "news/2026/"), [
    "content/news/2026/draft.md 警告 字段「review」：缺少审核记录 review：站点要求新闻发布前完成三审（拟稿、初审、复审、终审/签发）、3 次校对、保密审查并确定公开属性",
    "content/news/2026/self.md:11 警告 字段「review.final」：拟稿人与终审/签发人都是“王小明”；谁发布、谁负责，签发应由拟稿人以外的负责人进行",
  ]);
  const other = createFixture(
    { "news/2026/a.md": news("无审核", "2026-06-01 09:00") },
    { review: { types: ["policy"] } },
  );
  assert.deepEqual(problemsIn(other, "news/2026/a.md"), []);
});
