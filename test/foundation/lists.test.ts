import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news, textOf } from "../helpers/fixture.ts";

test("column lists paginate 20 per page, newest first, with year archives", async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 45; i++) {
    const year = i <= 30 ? 2025 : 2026;
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(Math.ceil((year === 2025 ? i : i - 30) / 3)).padStart(2, "0");
    files[`news/${year}/item-${String(i).padStart(2, "0")}.md`] = news(
      `第${i}条新闻`,
      `${year}-${month}-${day} 09:00`,
    );
  }
  files["news/2025/other.md"] = news("部门动态一条", "2025-06-01 09:00", { column: "部门动态" });
  const site = createFixture(files);
  await site.build();

  const count = (html: string) =>
    (html.match(/<ul class="item-list">([\s\S]*?)<\/ul>/)?.[1].match(/<li>/g) ?? []).length;
  assert.equal(count(site.read("/news/city-news/")), 20);
  assert.equal(count(site.read("/news/city-news/page/2/")), 20);
  assert.equal(count(site.read("/news/city-news/page/3/")), 5);
  assert.ok(!site.exists("/news/city-news/page/4/"));
  assert.match(textOf(site.read("/news/city-news/")), /共 45 条，第 1 \/ 3 页/);
  assert.match(
    site.read("/news/city-news/"),
    /<a href="\/news\/city-news\/page\/2\/" rel="next">下一页<\/a>/,
  );
  assert.match(
    site.read("/news/city-news/page/3/"),
    /<a href="\/news\/city-news\/page\/2\/" rel="prev">上一页<\/a>/,
  );

  // Newest first: the first row of page 1 is the latest 2026 item.
  const first = site.read("/news/city-news/").match(/<ul class="item-list"><li><a href="([^"]+)"/)?.[1];
  assert.equal(first, "/news/2026/item-45/");

  assert.match(textOf(site.read("/news/city-news/2025/")), /共 30 条，第 1 \/ 2 页/);
  assert.match(textOf(site.read("/news/city-news/2026/")), /共 15 条，第 1 \/ 1 页/);
  assert.match(textOf(site.read("/news/dept-news/")), /共 1 条/);
  assert.match(textOf(site.read("/news/")), /共 46 条/);
  assert.match(site.read("/news/city-news/"), /<meta name="ColumnName" content="市级新闻">/);
});

test("the policy catalogue browses by 主题分类, 发文机关, year and 有效性", async () => {
  const doc = (n: number, extra: string) => `---
title: 文件${n}
index_no: 11150000MB0000001X/2025-0000${n}
category: ${n % 2 ? "综合政务" : "民政、扶贫、救灾"}
issuer: 测试市人民政府
doc_no: 测政发〔2025〕${n}号
written: 2025-0${n}-01
date: 2025-0${n}-02 09:00
kind: 行政规范性文件
department: 市政府办公室
${extra}---
正文
`;
  const site = createFixture({
    "policies/2025/a.md": doc(1, ""),
    "policies/2025/b.md": doc(2, "validity: 失效\nvalidity_changed: 2026-01-01\n"),
    "policies/2025/c.md": doc(3, "validity: 废止\nvalidity_changed: 2026-02-01\n"),
  });
  await site.build();
  const rowsOf = (url: string) =>
    (
      site
        .read(url)
        .match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1]
        .match(/<tr>/g) ?? []
    ).length;
  assert.equal(rowsOf("/policies/"), 3);
  assert.equal(rowsOf("/policies/category/general/"), 2);
  assert.equal(rowsOf("/policies/category/civil/"), 1);
  assert.equal(rowsOf("/policies/issuer/gov/"), 3);
  assert.equal(rowsOf("/policies/year/2025/"), 3);
  assert.equal(rowsOf("/policies/validity/valid/"), 1);
  assert.equal(rowsOf("/policies/validity/expired/"), 1);
  assert.equal(rowsOf("/policies/validity/repealed/"), 1);
  assert.match(textOf(site.read("/policies/2025/c/")), /有效性 废止（2026-02-01起）/);
});
