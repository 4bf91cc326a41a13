/**
 * Dates are sane (issue 12, defect 6): a date before the site's earliest date is an error with file,
 * line and field; the statistics have a page per year with content, never one per year of a range.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { failedBuildErrors } from "../helpers/safety.ts";

const policy = (indexNo: string, written: string, date: string) => `---
title: 文件
index_no: ${indexNo}
category: 综合政务
issuer: 测试市人民政府
doc_no: 测政发〔2019〕1号
written: ${written}
date: ${date}
kind: 行政规范性文件
department: 市政府办公室
---
正文
`;

test("a date before the earliest date (default 1990-01-01) fails the build, naming file, line and field", async () => {
  const site = createFixture({ "news/2025/ok.md": news("正常", "2025-03-12 09:00") });
  await site.build();
  site.write("news/2025/typo.md", news("年份写错", "0025-03-12 09:00"));
  site.write(
    "policies/2019/old.md",
    policy("11150000MB0000001X/2019-00001", "1989-12-31", "2019-01-02 09:00"),
  );
  assert.deepEqual(await failedBuildErrors(site), [
    "content/news/2025/typo.md:3 错误 字段「date（发布时间）」：日期“0025-03-12 09:00”早于 1990-01-01（站点配置 earliestDate 规定的最早日期）；年份可能写错了",
    "content/policies/2019/old.md:7 错误 字段「written（成文日期）」：日期“1989-12-31”早于 1990-01-01（站点配置 earliestDate 规定的最早日期）；年份可能写错了",
  ]);
});

test("earliestDate is set in site config", async () => {
  const site = createFixture(
    {
      "policies/2019/old.md": policy("11150000MB0000001X/2019-00001", "1985-06-01", "2019-01-02 09:00"),
    },
    { earliestDate: "1980-01-01" },
  );
  await site.build();
  assert.ok(site.exists("/policies/2019/old/"));
  assert.throws(
    () => createFixture({}, { earliestDate: "1980" }),
    /字段「earliestDate」：应为 YYYY-MM-DD 形式的日期/,
  );
  assert.throws(() => createFixture({}, { earliestDate: "1990-02-30" }), /字段「earliestDate」：日期不存在/);
});

test("statistics years are the years with content, not a range; running sums carry across the gap", async () => {
  const site = createFixture({
    "policies/2019/a.md": policy("11150000MB0000001X/2019-00001", "2019-01-01", "2019-01-02 09:00"),
    "news/2025/b.md": news("新闻", "2025-03-12 09:00"),
  });
  await site.build();
  const statistics = site.files().filter((f) => /^statistics\/\d{4}\/index\.html$/.test(f));
  assert.deepEqual(statistics, ["statistics/2019/index.html", "statistics/2025/index.html"]);
  const json = JSON.parse(site.read("/open-data/tallies.json"));
  assert.deepEqual(
    json.years.map((y: { year: number }) => y.year),
    [2019, 2025],
  );
  // The 2019 document is still in force at the end of 2025.
  const y2025 = json.years.find((y: { year: number }) => y.year === 2025);
  assert.equal(y2025.counts.policies.normative.valid, 1);
});
