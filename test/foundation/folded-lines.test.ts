/**
 * A front-matter value written over several lines: YAML joins the lines with a space, which between
 * Chinese characters showed on the page (为进一步推进 智慧农机) and kept the phrase from being found.
 * The line end vanishes between Chinese text, stays a space between Latin words, and every other
 * YAML form (literal blocks, paragraphs, escapes) reads as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import jsyaml from "js-yaml";
import { grayMatterSplit } from "../../src/content/front-matter.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { createFixture, news } from "../helpers/fixture.ts";

const dataOf = (matter: string) =>
  grayMatterSplit(`---\n${matter}---\n正文\n`).data as Record<string, unknown>;

test("values continued on indented lines and folded blocks join Chinese lines without a space", () => {
  const data = dataOf(`title: 关于推进
  智慧农机发展的通知
summary: >
  第一行中文
  第二行，
  “引号”
  Latin word
  next

  新的一段
keywords: >-
  甲
  乙
list:
  - 第一
    第二
  - a
    b
q: '单引号
  中文'
dq: "双引号
  中文"
attachments:
  - name: 附件
      一览表
`);
  assert.deepEqual(data, {
    title: "关于推进智慧农机发展的通知",
    summary: "第一行中文第二行，“引号” Latin word next\n新的一段\n",
    keywords: "甲乙",
    list: ["第一第二", "a b"],
    q: "单引号中文",
    dq: "双引号中文",
    attachments: [{ name: "附件一览表" }],
  });
});

test("a file saved with CRLF line endings folds the same way", () => {
  const data = dataOf("title: 关于推进\r\n  智慧农机\r\nsummary: >\r\n  第一行\r\n  第二行\r\n");
  assert.deepEqual(data, { title: "关于推进智慧农机", summary: "第一行第二行\n" });
});

test("forms the fold does not touch read exactly as js-yaml reads them", () => {
  const matter = `literal: |
  第一
  第二
escaped: "转义\\
  中文"
tab: "制表\\t符
  中文"
indented: >2
   缩进
  中文
more: >
  普通
    更多缩进
  中文
one: 单行 中文
`;
  assert.deepEqual(dataOf(matter), jsyaml.load(matter, { schema: jsyaml.CORE_SCHEMA }));
});

test("a title written over two lines shows, and is searched, without a stray space", async (t) => {
  const site = createFixture({
    "news/2026/a.md": news("关于推进", "2026-06-01 09:00").replace(
      "关于推进",
      "关于推进\n  智慧农机发展的通知",
    ),
  });
  t.after(() => rmSync(site.root, { recursive: true, force: true }));
  await site.build();
  assert.match(visibleText(site.read("/news/2026/a/")), /^关于推进智慧农机发展的通知\n/);
  assert.match(site.read("/news/2026/a/"), /<title>关于推进智慧农机发展的通知/);
});
