/**
 * The unique-索引号/发文字号 check's keys kept by the record store's generation
 * (src/build/cache/policy-keys-kept.ts): after edits in place only the edited policies' keys are
 * made again. Every build's problems equal a build's without the cache, whether an edit keeps the
 * keys, makes a duplicate (in case or full width only, with a draft, two at once) or takes it
 * back; a file added or removed and a kept file of another generation are not taken. The output
 * after the edits is byte for byte a clean build's.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../../src/problems/problems.ts";
import { policyKeysTaken } from "../../src/content-types/policy-keys.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";
import { indexNo, numberedPolicy } from "../helpers/policy-fixture.ts";
import { fromKeyedBytes, keyedBytes } from "../../src/build/cache/keyed-file.ts";

test("policy keys kept by generation: a clean build's problems after every edit", async () => {
  const fixture = createFixture({
    "policies/2026/one.md": numberedPolicy(1, "关于春季植树的通知"),
    "policies/2026/two.md": numberedPolicy(2, "关于夏季防汛的通知"),
    "policies/2026/three.md": numberedPolicy(3, "关于秋季防火的通知"),
    // In file order before one.md: a draft's keys count too, and it is the first of a pair.
    "policies/2026/four.md": numberedPolicy(4, "关于冬季供暖的通知", {
      draft: "true",
      doc_no: "测Ａ发〔2026〕4号",
    }),
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
  });
  const { cacheDir, edit, sameProblems, sameAsClean } = cachedBuilds(fixture, "2026-06-30 12:00");
  const errors = (problems: Problem[]) =>
    problems.filter((p) => p.severity === "error").map((p) => [p.file, p.line, p.field, p.message]);
  /** The cached build's problems (equal to a clean build's) and whether it took the kept keys. */
  const step = async (what: string) => {
    const before = policyKeysTaken();
    const problems = await sameProblems(what);
    return { problems, taken: policyKeysTaken() - before };
  };
  try {
    const first = await step("first build");
    assert.deepEqual(errors(first.problems), []);
    assert.equal(first.taken, 0, "nothing kept yet");
    const again = await step("no edit");
    assert.deepEqual(again.problems, first.problems);
    assert.equal(again.taken, 1, "taken");

    edit("news/2026/a.md", "春季植树活动", "春季植树活动（修订）");
    assert.equal((await step("a news title")).taken, 1);
    edit("policies/2026/two.md", "关于夏季防汛的通知", "关于夏季防汛工作的通知");
    const title = await step("a policy's title");
    assert.equal(title.taken, 1);
    assert.deepEqual(errors(title.problems), []);

    // The later file (three) names the first (one).
    edit("policies/2026/three.md", indexNo(3), indexNo(1));
    const index = await step("索引号 a duplicate");
    assert.equal(index.taken, 1);
    assert.deepEqual(
      errors(index.problems).map(([file, , field, message]) => [file, field, message]),
      [
        [
          "content/policies/2026/three.md",
          "index_no（索引号）",
          `索引号“${indexNo(1)}”与 content/policies/2026/one.md 重复；索引号必须全站唯一`,
        ],
      ],
    );

    // And a 发文字号 made the draft's but for case and full width (four is first in file order:
    // two names it), both at once.
    edit("policies/2026/two.md", "测政发〔2026〕2号", "测a发〔2026〕4号");
    const both = await step("two duplicates at once");
    assert.equal(both.taken, 1);
    assert.deepEqual(
      errors(both.problems).map(([file, , , message]) => [file, message]),
      [
        [
          "content/policies/2026/three.md",
          `索引号“${indexNo(1)}”与 content/policies/2026/one.md 重复；索引号必须全站唯一`,
        ],
        [
          "content/policies/2026/two.md",
          "发文字号“测a发〔2026〕4号”与 content/policies/2026/four.md 重复（“测Ａ发〔2026〕4号”，仅大小写或全角半角不同）；发文字号必须全站唯一",
        ],
      ],
    );
    edit("policies/2026/three.md", `index_no: ${indexNo(1)}`, `index_no: ${indexNo(3)}`);
    edit("policies/2026/two.md", "测a发〔2026〕4号", "测政发〔2026〕2号");
    const back = await step("both taken back");
    assert.equal(back.taken, 1);
    assert.deepEqual(errors(back.problems), []);

    // A file added (first with a duplicate 索引号), then removed: every key made again.
    fixture.write("policies/2026/five.md", numberedPolicy(5, "关于重复的通知", { index_no: indexNo(2) }));
    const added = await step("a file added");
    assert.equal(added.taken, 0);
    assert.deepEqual(
      errors(added.problems).map(([file, , field]) => [file, field]),
      [["content/policies/2026/two.md", "index_no（索引号）"]],
    );
    // (That build failed: the store is as before it.) Given its own, the build passes.
    edit("policies/2026/five.md", indexNo(2), indexNo(5));
    assert.equal((await step("a file added")).taken, 0);
    rmSync(path.join(fixture.contentDir, "policies/2026/five.md"));
    assert.equal((await step("a file removed")).taken, 0);
    assert.equal((await step("after it")).taken, 1);

    // Kept keys of another generation: not taken, written again, taken again.
    const file = path.join(cacheDir, "policy-keys.v8");
    const stored = fromKeyedBytes(readFileSync(file))!;
    writeFileSync(file, keyedBytes({ ...stored, gen: "another" }));
    edit("news/2026/a.md", "（修订）", "（再修订）");
    assert.equal((await step("another generation")).taken, 0);
    edit("news/2026/a.md", "（再修订）", "（三修订）");
    assert.equal((await step("its generation again")).taken, 1);
    await sameAsClean("after the edits");
  } finally {
    rmSync(fixture.root, { recursive: true, force: true });
  }
});
