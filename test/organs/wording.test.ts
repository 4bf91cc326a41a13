/**
 * Organ files feed the wording check (issue 17): a near miss of an organ's full name or of a current
 * leader's name is an error naming file, line and column; the full name of a department without an
 * organ file (测试市财政局, one character from a declared 测试市民政局) and a former leader's name are not.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { leader, organFile } from "./organ-fixture.ts";

const PORTRAIT = `<svg xmlns="http://www.w3.org/2000/svg" width="12" height="16" role="img" aria-label="示意头像"><rect width="12" height="16"/></svg>\n`;

function wordingErrors(body: string): string[] {
  const s = createFixture(
    {
      "media/images/p1.svg": PORTRAIT,
      "organs/civil.md": organFile("测试市民政局", "政府部门", {
        leaders: [
          leader("郑守正", "p1", "局长", "2024-01-01"),
          leader("冯旧任", "p1", "原局长", "2019-01-01", "2023-12-31"),
        ].join("\n"),
      }),
      "news/2026/w.md": md(
        {
          title: "民政工作会议",
          date: "2026-03-01 09:00",
          column: "部门动态",
          source: "市民政局",
          department: "市民政局",
        },
        body,
      ),
    },
    {
      departments: [
        { key: "gov", name: "测试市人民政府" },
        { key: "civil", name: "市民政局" },
        // No organ file: only its short name is declared.
        { key: "finance", name: "市财政局" },
      ],
    },
  );
  const now = parseLocalDate("2026-06-30 12:00", s.site.timeZone)!.toMillis();
  return checkSite({ site: s.site, contentDir: s.contentDir, now })
    .problems.filter((p) => p.field === "正文")
    .map(formatProblem);
}

test("a near miss of an organ's full name or of its current leader's name is an error naming file, line and column", () => {
  assert.deepEqual(wordingErrors("测试市财政局召开会议。测试市民正局开展救助，郑守政出席。"), [
    "content/news/2026/w.md:8:12 错误 字段「正文」：机构名称“测试市民正局”应为“测试市民政局”（“正”应为同音的“政”；机关文件 content/organs/civil.md 中的名称）",
    "content/news/2026/w.md:8:23 错误 字段「正文」：领导姓名“郑守政”应为“郑守正”（“政”应为同音的“正”；机关文件 content/organs/civil.md 中的名称）",
  ]);
});

test("names written right, a department without an organ file, and a former leader raise nothing", () => {
  assert.deepEqual(
    wordingErrors("测试市财政局、测试市民政局召开会议，郑守正出席。原局长冯旧任、冯旧人曾任局长。"),
    [],
  );
});
