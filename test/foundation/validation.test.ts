import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { ContentError, formatProblem } from "../../src/problems/problems.ts";

async function problemsOf(files: Record<string, string | Buffer>): Promise<string[]> {
  const site = createFixture(files);
  try {
    await site.build();
  } catch (err) {
    assert.ok(err instanceof ContentError, String(err));
    // Errors only: the inspection warnings about empty columns are not what these tests are about.
    return err.problems.filter((p) => p.severity === "error").map(formatProblem);
  }
  assert.fail("the build should have failed");
}

test("every broken file is reported in one run, in Chinese, with file, line and field", async () => {
  const problems = await problemsOf({
    "news/2025/ok.md": news("正常新闻", "2025-03-01 09:00"),
    "news/2025/no-title.md":
      "---\ndate: 2025-03-01 09:00\ncolumn: 市级新闻\nsource: 市政府办公室\ndepartment: 市政府办公室\n---\n正文\n",
    "news/2025/typo.md":
      "---\ntitel: 标题\ntitle: 标题\ndate: 2025-03-01 09:00\ncolumn: 市级新闻\nsource: 市政府办公室\ndepartment: 市政府办公室\n---\n",
    "news/2025/column.md": news("栏目错误", "2025-03-01 09:00", { column: "市级要闻" }),
    "news/2025/date.md": news("日期错误", "2025-02-30 09:00"),
    "news/2025/中文名.md": news("中文文件名", "2025-03-01 09:00"),
    "news/2025/yaml.md": "---\ntitle: [未闭合\ndate: 2025-03-01\n---\n",
  });
  assert.deepEqual(
    problems.sort(),
    [
      "content/news/2025/column.md:4 错误 字段「column（栏目）」：“市级要闻”未在站点配置中声明；是否想写“市级新闻”？应为：市级新闻、部门动态、转载、发布会、通知公告",
      "content/news/2025/date.md:3 错误 字段「date（发布时间）」：日期“2025-02-30 09:00”不存在",
      "content/news/2025/no-title.md:2 错误 字段「title（标题）」：缺少必填字段",
      "content/news/2025/typo.md:2 错误 字段「titel」：未知字段，是否想写「title」（标题）？",
      "content/news/2025/yaml.md:4:1 错误：YAML 格式错误：方括号 [ ] 或花括号 { } 未闭合，或其中缺少逗号（missed comma between flow collection entries）",
      "content/news/2025/中文名.md 错误：文件名或目录名“中文名”不能用作网址：只能使用小写英文字母、数字和连字符（不要用中文或空格）",
    ].sort(),
  );
});

test("a file saved as GBK is named as such", async () => {
  const gbk = Buffer.from([
    0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a, 0x2d,
    0x2d, 0x2d, 0x0a,
  ]);
  const problems = await problemsOf({ "news/2025/gbk.md": gbk });
  assert.deepEqual(problems, [
    "content/news/2025/gbk.md:1 错误：文件不是 UTF-8 编码（看起来是 GBK/GB18030）；请在编辑器中用“UTF-8”编码另存",
  ]);
});

test("a BOM and CRLF line endings are accepted", async () => {
  const site = createFixture({
    "news/2025/crlf.md": "\uFEFF" + news("Windows 保存的新闻", "2025-03-01 09:00").replace(/\n/g, "\r\n"),
  });
  await site.build();
  assert.match(site.read("/news/2025/crlf/"), /<h1>Windows 保存的新闻<\/h1>/);
});

test("a failed build leaves the published folder as it was", async () => {
  const site = createFixture({ "news/2025/a.md": news("第一版", "2025-03-01 09:00") });
  await site.build();
  const before = site.files().map((f) => [f, site.read(f)]);
  site.write("news/2025/b.md", news("坏文件", "2025-13-01 09:00"));
  await assert.rejects(site.build(), ContentError);
  assert.deepEqual(
    site.files().map((f) => [f, site.read(f)]),
    before,
  );
});
