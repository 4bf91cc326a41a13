/**
 * Self-inspection (issue 16): the stale dates of the home page and every column predicted from the
 * build clock, the day the site would fail (home page, or the 5th stale column), and `npm run
 * inspect` exiting 1 only when that day falls within the horizon, with its JSON and HTML report.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFixture, news } from "../helpers/fixture.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { predictDeadlines } from "../../src/check/deadlines.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ROOT } from "../helpers/sample-portal.ts";
import { commandArgs } from "../helpers/cli.ts";

test("stale dates per column and the predicted veto day, from the build clock", () => {
  const site = createFixture({
    "news/2026/a.md": news("市级", "2026-06-20 09:00"),
    "news/2026/b.md": news("部门", "2026-06-10 09:00", { column: "部门动态" }),
    "news/2026/c.md": news("转载", "2026-06-12 09:00", { column: "转载" }),
    "news/2026/d.md": news("发布会", "2026-06-25 09:00", { column: "发布会" }),
    "news/2026/e.md": news("通知", "2026-03-01 09:00", { column: "通知公告" }),
  });
  const now = parseLocalDate("2026-06-26 12:00", site.site.timeZone)!.toMillis();
  const { portal } = checkSite({ site: site.site, contentDir: site.contentDir, now });
  const deadlines = predictDeadlines(portal, now);
  assert.deepEqual(
    deadlines.columns.map((c) => `${c.name} ${c.newest?.day ?? "空"} → ${c.staleOn ?? "已为空"}`),
    [
      "首页 2026-06-25 → 2026-07-09",
      "市级新闻 2026-06-20 → 2026-07-04",
      "部门动态 2026-06-10 → 2026-06-24",
      "转载 2026-06-12 → 2026-06-26",
      "发布会 2026-06-25 → 2026-07-09",
      "通知公告 2026-03-01 → 2026-09-01",
      "政府信息公开目录 空 → 已为空",
    ],
  );
  // Stale or empty, in order: 政策(empty, today), 06-24, 06-26, 07-04, 07-09 — the 5th is 07-09,
  // the same day as the home page; the home page's reason comes first.
  assert.deepEqual(deadlines.veto, { day: "2026-07-09", reason: "首页超过 2 周没有新内容（首页不更新）" });
});

test("npm run inspect writes its report and exits 1 only for a veto within the horizon", () => {
  const run = (now: string, horizon: string) => {
    const report = mkdtempSync(path.join(tmpdir(), "gongkai-inspect-"));
    try {
      const out = execFileSync(
        process.execPath,
        commandArgs("inspect.ts", ["--no-links", "--now", now, "--horizon", horizon, "--report", report]),
        { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      return { code: 0, out, report };
    } catch (err) {
      const e = err as { status: number; stderr: string };
      return { code: e.status, out: e.stderr, report };
    }
  };
  const risky = run("2026-12-01 12:00", "30");
  assert.equal(risky.code, 1);
  assert.match(risky.out, /单项否决风险：如不更新，2026-12-\d\d 起/);
  const json = JSON.parse(readFileSync(path.join(risky.report, "report.json"), "utf8"));
  assert.equal(json.today, "2026-12-01");
  assert.ok(json.columns.some((c: { name: string }) => c.name === "首页"));
  assert.match(
    readFileSync(path.join(risky.report, "report.html"), "utf8"),
    /网站自查报告（2026-12-01，内部使用/,
  );
  const calm = run("2026-11-25 12:00", "1");
  assert.equal(calm.code, 0, calm.out);
});
