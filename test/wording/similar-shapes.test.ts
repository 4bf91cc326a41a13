/**
 * 形近字 data (data/wording/similar/characters.tsv): the shipped file parses without a problem,
 * every group has a source, no group is a pair of homophones (those are found already, and the
 * file is for what sounds different), and a malformed line is an error naming file and line.
 * A look-alike in a short declared name is an error, with the same rule in a 2-character name not firing.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSimilar, isSimilarShape, SIMILAR_FILE } from "../../src/check/wording/similar-shapes.ts";
import { isHomophone } from "../../src/check/wording/homophones.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { problemsIn } from "./helpers.ts";
import { ROOT } from "../helpers/sample-portal.ts";

test("the shipped look-alike groups parse, each with a source, none of them homophones", () => {
  const text = readFileSync(path.join(ROOT, SIMILAR_FILE), "utf8");
  const { groups, problems } = parseSimilar(text, SIMILAR_FILE);
  assert.deepEqual(problems, []);
  assert.ok(groups.length >= 25, `${groups.length} groups`);
  for (const group of groups)
    for (const a of group)
      for (const b of group)
        if (a !== b) assert.ok(!isHomophone(a, b), `${a}/${b} sound alike: not a 形近字 entry`);
  assert.ok(isSimilarShape("土", "士") && isSimilarShape("士", "土"), "pairs count both ways");
  assert.ok(isSimilarShape("戍", "戊"), "every pair in a group of three");
  assert.ok(!isSimilarShape("土", "王"));
});

test("a malformed line of the file is an error with file and line", () => {
  const { problems } = parseSimilar("chars\tsource\n土士\t字形\n土\t只有一个字\n甲乙丙\nab\t字母\n", "x.tsv");
  assert.deepEqual(problems.map(formatProblem), [
    "x.tsv:3 错误：“土”应为两个或更多互不相同的汉字",
    "x.tsv:4 错误：形近字表每行应为两列，用 Tab 分隔：形近的一组字、依据",
    "x.tsv:5 错误：“ab”应为两个或更多互不相同的汉字",
  ]);
});

test("a look-alike in a 3-character leader's name is an error; in a 2-character name it is not", () => {
  const site = createFixture(
    {
      "news/2026/hit.md": news("标题", "2026-06-01 09:00").replace("正文。", "王土杰同志出席。"),
      "news/2026/miss.md": news("标题", "2026-06-01 09:00").replace(
        "正文。",
        "王士杰同志出席，末明同志未到；士兵和土兵不同。",
      ),
    },
    {
      wording: {
        leaders: [
          { name: "王士杰", title: "副市长", from: "2021-01-01" },
          { name: "未明", title: "秘书长", from: "2021-01-01" },
        ],
      },
    },
  );
  assert.deepEqual(problemsIn(site, "news/2026/hit.md"), [
    "content/news/2026/hit.md:8:1 错误 字段「正文」：领导姓名“王土杰”应为“王士杰”（“土”应为形近的“士”；站点声明的名称）",
  ]);
  assert.deepEqual(problemsIn(site, "news/2026/miss.md"), []);
});
