/**
 * The statistics year page's 解读回应 figures with the build cache: they come from
 * interpretationCoverage (every policy, memoized per portal, so a page that took the memo noted
 * no read of the policies). Found by the randomized harness (seed 103: a 解读 pointed at another
 * document, the year's 已解读文件 count stayed stale).
 */
import { test } from "node:test";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();

test("the statistics pages' 解读 coverage follows the policies with the build cache", async (t) => {
  await f.compare("first build");

  await t.test("a 解读 points at another document: one document less interpreted", async () => {
    f.edit("policies/2026/jd-bzg-2026-3.md", (s) =>
      s.replace("interprets: 11152200MB0000001X/2026-00041", "interprets: 11152200MB0000013X/2026-00045"),
    );
    await f.compare("interprets");
  });

  await t.test("a 解读 made a draft", async () => {
    f.edit("policies/2026/jd-bzg-2026-4.md", (s) =>
      s.replace(/^kind: 政策解读$/m, "kind: 政策解读\ndraft: true"),
    );
    await f.compare("a 解读 drafted");
  });
});
