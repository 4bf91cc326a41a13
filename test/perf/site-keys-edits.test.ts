/**
 * The site-wide keys after one edit, with the build cache: a 发文字号 made a duplicate of an unchanged
 * file's and a file added at a generated list's URL (src/check/site-urls.ts: its common case looks
 * outputs up in the portal's map) stop the build with exactly the problems of a build without the
 * cache; taken back, the build passes and writes what a clean build writes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../../src/problems/problems.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { numberedPolicy } from "../helpers/policy-fixture.ts";

test("a duplicate 发文字号 and a generated list's URL made and taken back: a clean build's problems", async () => {
  const fixture = createFixture({
    "policies/2026/one.md": numberedPolicy(1, "关于春季植树的通知"),
    "policies/2026/two.md": numberedPolicy(2, "关于夏季防汛的通知"),
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
  });
  const { edit, sameProblems: same, sameAsClean } = cachedBuilds(fixture, "2026-06-30 12:00");
  const errors = (problems: Problem[]) => problems.filter((p) => p.severity === "error");
  const first = await same("first build");
  assert.deepEqual(errors(first), []);
  assert.deepEqual(await same("second build, from the store"), first);

  edit("policies/2026/two.md", "测政发〔2026〕2号", "测政发〔2026〕1号");
  const doubled = errors(await same("duplicate 发文字号"));
  assert.deepEqual(
    doubled.map((p) => [p.file, p.field, p.message]),
    [
      [
        "content/policies/2026/two.md",
        "doc_no（发文字号）",
        "发文字号“测政发〔2026〕1号”与 content/policies/2026/one.md 重复；发文字号必须全站唯一",
      ],
    ],
  );
  edit("policies/2026/two.md", "测政发〔2026〕1号", "测政发〔2026〕2号");
  assert.deepEqual(await same("duplicate taken back"), first);

  fixture.write("news/city-news.md", news("标题", "2026-03-01 09:00"));
  const taken = errors(await same("a generated list's URL"));
  assert.deepEqual(
    taken.map((p) => [p.file, p.message]),
    [["content/news/city-news.md", "网址 /news/city-news/ 与系统生成的列表页冲突；请给文件换一个名字"]],
  );
  rmSync(path.join(fixture.contentDir, "news/city-news.md"));
  assert.deepEqual(await same("file removed"), first);
  await sameAsClean("after the edits");
});
