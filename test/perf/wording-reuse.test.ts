/**
 * The wording check with the record store (src/check/wording/clean-records.ts): a record it found
 * nothing in is not scanned again by the next build while the matcher is the same. An organ file
 * that declares a new leader changes the matcher: an unchanged news file that now misspells the
 * leader's name is an error again. A record with a finding is scanned on every build.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ContentError } from "../../src/problems/problems.ts";
import { createFixture, md } from "../helpers/fixture.ts";
import { leader, organFile } from "../organs/organ-fixture.ts";

const PORTRAIT = `<svg xmlns="http://www.w3.org/2000/svg" width="12" height="16" role="img" aria-label="示意头像"><rect width="12" height="16"/></svg>\n`;
const FORMER = leader("冯旧任", "p1", "原局长", "2019-01-01", "2023-12-31");

test("records found clean are not scanned again, until the matcher changes", async () => {
  const news = (title: string, body: string, extra: Record<string, unknown> = {}) =>
    md(
      {
        title,
        date: "2026-03-01 09:00",
        column: "部门动态",
        source: "市民政局",
        department: "市民政局",
        ...extra,
      },
      body,
    );
  const fixture = createFixture(
    {
      "media/images/p1.svg": PORTRAIT,
      "organs/civil.md": organFile("测试市民政局", "政府部门", { leaders: FORMER }),
      "news/2026/w.md": news("民政工作会议", "郑守政出席会议。"),
      ...Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [
          `news/2026/n${i}.md`,
          news(`第${i}期民政简报`, "会议部署工作。"),
        ]),
      ),
      "news/2026/x.md": news("救助工作会议", "会议部署救助工作。", {
        wording_ignore: '[{ text: "无此用语", reason: "示例" }]',
      }),
    },
    {
      departments: [
        { key: "gov", name: "测试市人民政府" },
        { key: "civil", name: "市民政局" },
      ],
    },
  );
  const cacheDir = path.join(fixture.root, ".gongkai-cache");
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const build = () =>
    buildSite({
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir: fixture.outDir,
      now,
      parts: { pages: defaultPageSources, steps: [] },
      cacheDir,
    });
  const stale = (warnings: { file?: string; field?: string }[]) =>
    warnings.filter((w) => w.file?.endsWith("x.md") && w.field === "wording_ignore[0]").length;

  const first = await build();
  assert.equal(stale(first.state.warnings), 1);
  // From the store: x.md's unused suppression is reported again (it was never marked clean).
  const second = await build();
  assert.equal(stale(second.state.warnings), 1);

  // A former leader added: a new matcher, every record marked again, so the store is written
  // whole (one changed file alone would go to the delta).
  const organ = path.join(fixture.contentDir, "organs/civil.md");
  const store = path.join(cacheDir, "records.v8");
  const before = readFileSync(store);
  const former = leader("王前任", "p1", "原局长", "2015-01-01", "2018-12-31");
  writeFileSync(organ, readFileSync(organ, "utf8").replace(FORMER, [FORMER, former].join("\n")));
  await build();
  assert.ok(!readFileSync(store).equals(before));
  assert.ok(!existsSync(path.join(cacheDir, "records.delta.v8")));

  // 郑守正 becomes a current leader: w.md, unchanged and clean until now, misspells the name.
  writeFileSync(
    organ,
    readFileSync(organ, "utf8").replace(
      FORMER,
      [leader("郑守正", "p1", "局长", "2024-01-01"), FORMER].join("\n"),
    ),
  );
  await assert.rejects(build(), (err: unknown) => {
    assert.ok(err instanceof ContentError);
    assert.ok(
      err.problems.some(
        (p) => p.file?.endsWith("news/2026/w.md") && p.field === "正文" && /郑守正/.test(p.message),
      ),
      err.message,
    );
    return true;
  });
});
