/**
 * Problems that span files, with the build cache: an edit that makes a 索引号 a duplicate of an
 * unchanged file's, or a link to a page that does not exist, and the edit that takes it back.
 * Only the edited file is read again (the record store keeps the other), and the build reports
 * exactly what a build without the cache reports: same files, lines, fields, messages, order.
 * A 行政规范性文件 without its 解读 past the window stays warned about throughout (its deadline
 * is counted on day numbers, src/tallies/interpretation.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Problem } from "../../src/problems/problems.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { indexNo, numberedPolicy } from "../helpers/policy-fixture.ts";

test("a duplicate 索引号 and a broken link made and taken back by edits: the problems of a build without the cache", async () => {
  const fixture = createFixture({
    "policies/2026/one.md": numberedPolicy(1, "关于春季植树的通知"),
    "policies/2026/two.md": numberedPolicy(2, "关于夏季防汛的通知"),
    "policies/2026/three.md": numberedPolicy(3, "测试市规范性文件管理办法", { kind: "行政规范性文件" }),
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
  });
  const { edit, sameProblems: same } = cachedBuilds(fixture, "2026-06-30 12:00");
  const late = (problems: Problem[]) =>
    problems.some((p) => p.file?.endsWith("three.md") && p.field === "政策解读");

  const first = await same("first build");
  assert.ok(late(first), "the 行政规范性文件 without a 解读 is warned about");
  assert.deepEqual(await same("second build, from the store"), first);

  // two.md takes one.md's 索引号: one.md is unchanged and kept by the store.
  edit("policies/2026/two.md", indexNo(2), indexNo(1));
  const duplicate = await same("duplicate 索引号");
  assert.ok(
    duplicate.some((p) => p.severity === "error" && p.message.includes(indexNo(1))),
    "the duplicate is an error",
  );
  edit("policies/2026/two.md", indexNo(1), indexNo(2));
  assert.deepEqual(await same("duplicate taken back"), first);

  // a.md links to a page no file makes, then to b.md's page again.
  edit("news/2026/a.md", "正文。", "详见[防汛准备](/news/2026/missing/)。");
  const broken = await same("broken link");
  assert.ok(broken.some((p) => p.file?.endsWith("a.md") && p.message.includes("/news/2026/missing/")));
  edit("news/2026/a.md", "/news/2026/missing/", "/news/2026/b/");
  const mended = await same("link mended");
  assert.ok(!mended.some((p) => p.file?.endsWith("a.md")));
  assert.ok(late(mended));
});
