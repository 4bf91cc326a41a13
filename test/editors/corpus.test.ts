/**
 * Every broken file of the corpus stops the build with its one exact error, and the published
 * folder stays byte for byte as the last good build left it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { ContentError, formatProblem } from "../../src/problems/problems.ts";
import { FILE_CASES, policy } from "./corpus-cases.ts";
import { LINK_CASES } from "./corpus-cases-links.ts";

const BROKEN = [...FILE_CASES, ...LINK_CASES];

function snapshot(outDir: string, files: string[]): Map<string, Buffer> {
  return new Map(files.map((f) => [f, readFileSync(path.join(outDir, f))]));
}

test(`the bad-input corpus (${BROKEN.length} cases): one exact error each, _site unchanged`, async (t) => {
  assert.ok(BROKEN.length >= 30);
  const site = createFixture({
    "news/2025/good.md": news("好新闻", "2025-03-01 09:00", {
      cover: "{ src: /media/photo.jpg, alt: 封面 }",
    }),
    "policies/2025/good.md": policy(),
    "media/photo.jpg": "x",
    "media/v.webm": "x",
    "media/p.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    "media/c.vtt": "x",
    "media/x.pdf": "x",
    "periodicals/xun/first.md": md({
      title: "第1期",
      periodical: "测试讯",
      issue: 1,
      date: "2025-01-15 09:00",
      pdf: "/media/x.pdf",
    }),
  });
  await site.build();
  const before = snapshot(site.outDir, site.files());
  for (const c of BROKEN) {
    await t.test(c.name, async () => {
      for (const [rel, text] of Object.entries(c.files)) site.write(rel, text);
      try {
        const error = await site.build().then(
          () => assert.fail("the build should have failed"),
          (err: unknown) => err,
        );
        assert.ok(error instanceof ContentError, String(error));
        assert.deepEqual(error.problems.filter((p) => p.severity === "error").map(formatProblem), [c.error]);
        assert.deepEqual(snapshot(site.outDir, site.files()), before, "the published folder changed");
        assert.deepEqual(
          readdirSync(site.root).sort(),
          ["_site", "content"],
          "a staging folder was left behind",
        );
      } finally {
        for (const rel of Object.keys(c.files)) rmSync(path.join(site.contentDir, rel));
      }
    });
  }
  await site.build();
});
