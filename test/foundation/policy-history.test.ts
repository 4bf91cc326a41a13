/**
 * 文件变更 on the document (issue 17; 发展指引: "在已发布的原文件上作出明确标注"): a document that
 * amends, repeals or replaces others says so and links to them, and each earlier document's page
 * says what happened to it and links to the one that did it. 有效性 stays consistent, and a
 * reference to an unknown document is an error naming file, line and field.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, md, textOf } from "../helpers/fixture.ts";
import { indexNo as no, numberedPolicy as policy } from "../helpers/policy-fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { policyHistory } from "../../src/portal/policy-history.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

test("amended, repealed and replaced documents link both ways, with the marking on the earlier one", async () => {
  const site = createFixture({
    "policies/2026/original.md": policy(1, "测试市低保办法"),
    "policies/2026/amendment.md": policy(2, "关于修改《测试市低保办法》的决定", { amends: [no(1)] }),
    "policies/2026/old-rules.md": policy(3, "测试市公租房办法", {
      validity: "失效",
      validity_changed: "2026-05-01",
    }),
    "policies/2026/old-notice.md": policy(4, "测试市旧收费通知", {
      validity: "废止",
      validity_changed: "2026-05-01",
    }),
    "policies/2026/new-rules.md": policy(5, "测试市保障房办法", {
      replaces: [no(3)],
      repeals: [no(4)],
    }),
  });
  await site.build();
  const original = site.read("/policies/2026/original/");
  assert.match(
    textOf(original),
    /本文件已被修改：关于修改《测试市低保办法》的决定（测政发〔2026〕2号），2026-02-02发布。/,
  );
  assert.ok(original.includes('href="/policies/2026/amendment/"'), "the original links to its amendment");
  assert.match(textOf(original), /有效性 有效/, "an amended document stays in force");

  const amendment = site.read("/policies/2026/amendment/");
  assert.match(textOf(amendment), /文件变更 本文件修改：测试市低保办法（测政发〔2026〕1号）/);
  assert.ok(amendment.includes('href="/policies/2026/original/"'), "the amendment links back");

  const oldRules = textOf(site.read("/policies/2026/old-rules/"));
  assert.match(oldRules, /本文件已失效，仅供查阅。/);
  assert.match(oldRules, /本文件已被替代：测试市保障房办法（测政发〔2026〕5号），2026-05-02发布。/);
  assert.match(textOf(site.read("/policies/2026/old-notice/")), /本文件已被废止：测试市保障房办法/);

  const newRules = site.read("/policies/2026/new-rules/");
  assert.match(
    textOf(newRules),
    /本文件废止：测试市旧收费通知（测政发〔2026〕4号） 本文件替代：测试市公租房办法（测政发〔2026〕3号）/,
  );
  for (const url of ["/policies/2026/old-rules/", "/policies/2026/old-notice/"])
    assert.ok(newRules.includes(`href="${url}"`), url);
  // A document with no history has no section.
  assert.ok(!site.read("/policies/2026/new-rules/").includes("本文件已被"));
});

test("a repealed or replaced document cannot be 有效; unknown, self and 解读 references are errors", () => {
  const site = createFixture({
    "policies/2026/still-valid.md": policy(1, "仍标为有效的旧文件", { validity: "有效" }),
    "policies/2026/replacing.md": policy(2, "新文件", {
      replaces: [no(1)],
      amends: ["11150000MB0000001X/2020-99999", no(2)],
    }),
    "policies/2026/reading.md": md({
      title: "新文件解读",
      index_no: no(3),
      category: "综合政务",
      issuer: "测试市人民政府",
      written: "2026-03-01",
      date: "2026-03-02 10:00",
      kind: "政策解读",
      department: "市政府办公室",
      interprets: no(2),
      repeals: [no(1)],
    }),
    "policies/2026/scheduled.md": policy(4, "下个月才生效的新文件", {
      date: "2026-12-01 10:00",
      repeals: [no(5)],
    }),
    // Repealed by a document not published yet: still in force until then, no error.
    "policies/2026/until-then.md": policy(5, "到那时才废止的文件"),
  });
  const now = parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();
  const problems = checkSite({ site: site.site, contentDir: site.contentDir, now })
    .problems.filter((p) => p.file.startsWith("content/policies"))
    .map(formatProblem);
  assert.deepEqual(problems.sort(), [
    "content/policies/2026/reading.md:11 错误 字段「repeals[0]（废止的文件）」：政策解读不能废止文件；请在被解读的文件中填写 repeals",
    "content/policies/2026/replacing.md:12 错误 字段「amends[0]（修改的文件）」：找不到索引号为“11150000MB0000001X/2020-99999”的政策文件；请填写被本文件修改的文件的索引号",
    "content/policies/2026/replacing.md:12 错误 字段「amends[1]（修改的文件）」：文件不能修改自身",
    "content/policies/2026/still-valid.md:11 错误 字段「validity（有效性）」：本文件已被 content/policies/2026/replacing.md（新文件）替代，有效性不能为“有效”；请改为“失效”或“废止”，并填写 validity_changed（变更日期）",
  ]);
});

test("the sample portal has an amended, a repealed and a replaced document, linked both ways", async () => {
  const { site, contentDir, now } = await samplePortal();
  const { portal, problems } = checkSite({ site, contentDir, now });
  assert.deepEqual(problems.filter((p) => p.file.startsWith("content/policies")).map(formatProblem), []);
  const summary = portal.byType.policy.flatMap((doc) =>
    policyHistory(portal, doc).by.map((h) => `${doc.id} ${h.relation} by ${h.doc.id}`),
  );
  assert.deepEqual(summary.sort(), [
    "policies/2025/bjf-2025-6 replaces by policies/2026/bzg-2026-2",
    "policies/2025/bjyf-2025-10 repeals by policies/2026/bjyf-2026-7",
    "policies/2025/bzg-2025-1 amends by policies/2026/bzg-2026-4",
  ]);
  for (const doc of portal.byType.policy)
    for (const h of policyHistory(portal, doc).by)
      assert.ok(
        policyHistory(portal, h.doc).did.some((d) => d.doc === doc),
        `${h.doc.id} links back to ${doc.id}`,
      );
});
