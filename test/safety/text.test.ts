/**
 * Text is sane (issue 12, defect 10): control characters are errors wherever they are, format
 * characters are errors in titles, 发文字号 and 索引号 and ignored by duplicate checks elsewhere, a
 * title has visible text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { failedBuildErrors } from "../helpers/safety.ts";
import { validateSite } from "../../src/config/load.ts";
import { FIXTURE_SITE } from "../helpers/fixture.ts";
import { ContentError } from "../../src/problems/problems.ts";

const policy = (title: string, indexNo: string, docNo: string) =>
  md({
    title,
    index_no: indexNo,
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: docNo,
    written: "2026-01-01",
    date: "2026-01-02 09:00",
    kind: "行政规范性文件",
    department: "市政府办公室",
  });

test("control characters fail the build, literal or escaped, in any field or the body, with line and field", async () => {
  const site = createFixture({ "news/2026/ok.md": news("正常", "2026-06-01 09:00") });
  await site.build();
  site.write("news/2026/escaped.md", news('"通知\\b"', "2026-06-01 09:00"));
  site.write(
    "news/2026/literal.md",
    news("通知", "2026-06-01 09:00", { summary: "摘要\u0085下一行" }).replace(
      "正文。",
      "第一行\n第二\u0001行\u007f",
    ),
  );
  site.write(
    "news/2026/nested.md",
    news("通知", "2026-06-01 09:00", {
      attachments: '\n  - { title: "附件\\x1b", file: /media/a.pdf }',
    }),
  );
  site.write("media/a.pdf", "%PDF-1.4\n");
  assert.deepEqual(await failedBuildErrors(site), [
    "content/news/2026/escaped.md:2 错误 字段「title」：含有不可见的控制字符 U+0008（可能来自引号中的 \\b、\\x01 等转义）；请删除",
    "content/news/2026/literal.md:7 错误 字段「summary」：含有不可见的控制字符 U+0085；请删除（它们会使 RSS、网站地图等 XML 文件无法读取）",
    "content/news/2026/literal.md:10 错误 字段「正文」：含有不可见的控制字符 U+0001、U+007F；请删除（它们会使 RSS、网站地图等 XML 文件无法读取）",
    "content/news/2026/nested.md:8 错误 字段「attachments[0].title」：含有不可见的控制字符 U+001B（可能来自引号中的 \\b、\\x01 等转义）；请删除",
  ]);
});

test("format characters are errors in titles, 发文字号 and 索引号; a title needs visible text", async () => {
  const site = createFixture({
    "news/2026/zwsp.md": news("\u200B", "2026-06-01 09:00"),
    "news/2026/rlo.md": news("通知\u202Efdp.exe", "2026-06-01 09:00"),
    "news/2026/filler.md": news("\u3164", "2026-06-01 09:00"),
    "news/2026/escaped.md": news('"关于\\u2066通知"', "2026-06-01 09:00"),
    "policies/2026/a.md": policy("文件", "11150000MB0000001X/2026-00001", "测\u200B政发〔2026〕1号"),
    "policies/2026/b.md": policy("文件", "11150000MB0000001X/2026-\u202D00002", "测政发〔2026〕2号"),
  });
  assert.deepEqual(await failedBuildErrors(site), [
    "content/news/2026/escaped.md:2 错误 字段「title（标题）」：含有不可见的格式字符 U+2066（零宽字符或文字方向控制符）；请删除后重新输入标题",
    "content/news/2026/filler.md:2 错误 字段「title（标题）」：标题没有可见的文字",
    "content/news/2026/rlo.md:2 错误 字段「title（标题）」：含有不可见的格式字符 U+202E（零宽字符或文字方向控制符）；请删除后重新输入标题",
    "content/news/2026/zwsp.md:2 错误 字段「title（标题）」：含有不可见的格式字符 U+200B（零宽字符或文字方向控制符）；请删除后重新输入标题",
    "content/policies/2026/a.md:6 错误 字段「doc_no（发文字号）」：含有不可见的格式字符 U+200B（零宽字符或文字方向控制符）；请删除后重新输入发文字号",
    "content/policies/2026/b.md:3 错误 字段「index_no（索引号）」：索引号格式不对，应匹配站点配置的 indexNoPattern（^[0-9A-Z]{9,18}/\\d{4}-\\d{5}$），例如 11152200MB0000001X/2025-00012",
    "content/policies/2026/b.md:3 错误 字段「index_no（索引号）」：含有不可见的格式字符 U+202D（零宽字符或文字方向控制符）；请删除后重新输入索引号",
  ]);
});

test("format characters elsewhere are allowed and ignored by duplicate checks", async () => {
  const site = createFixture({
    "news/2026/a.md": news("通知", "2026-06-01 09:00", { summary: "零宽\u200B空格" }).replace(
      "正文。",
      "正文\u200D连接\u2069。",
    ),
  });
  await site.build();
  assert.match(site.read("/news/2026/a/"), /零宽\u200B空格/);
  assert.throws(
    () =>
      validateSite({
        ...FIXTURE_SITE,
        departments: [...FIXTURE_SITE.departments, { key: "gov2", name: "测试市人民\u200B政府" }],
      }),
    (err: unknown) =>
      err instanceof ContentError &&
      err.problems.some((p) => p.message.startsWith("“测试市人民\u200B政府”重复")),
  );
});
