/**
 * Honest dates (伪造发稿日期, issue 16), in a temporary git repository with commits at chosen times:
 * an item dated well before its file entered the history is an error, an archive import with a
 * reason is not, an uncommitted file is compared with the clock, a rename keeps the first date.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createFixture, news, type Fixture } from "../helpers/fixture.ts";
import { problemsIn } from "./helpers.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

function commit(site: Fixture, when: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=测试", "-c", "user.email=t@example.org", ...args], {
      cwd: site.root,
      env,
      stdio: "ignore",
    });
  git("add", "-A");
  git("commit", "-q", "-m", message);
}

function repository(): Fixture {
  const site = createFixture({
    "news/2026/honest.md": news("当天发布", "2026-06-20 09:00"),
    "news/2026/backdated.md": news("补发", "2026-06-01 09:00"),
    "news/2026/imported.md": news("旧网站稿件", "2019-03-01 09:00", {
      archive_import: "从旧网站迁移，原发布于2019年",
    }),
    "news/2026/moved.md": news("移动过的文件", "2026-06-20 08:00"),
  });
  execFileSync("git", ["init", "-q"], { cwd: site.root });
  commit(site, "2026-06-20T15:00:00+08:00", "first");
  return site;
}

test("a backdated item is an error; same-day, archive imports and renamed files are not", () => {
  const site = repository();
  execFileSync("git", ["mv", "content/news/2026/moved.md", "content/news/2026/renamed.md"], {
    cwd: site.root,
  });
  commit(site, "2026-06-28T10:00:00+08:00", "rename");
  assert.deepEqual(problemsIn(site, "news/2026/"), [
    "content/news/2026/backdated.md:3 错误 字段「date（发布时间）」：发布时间 2026-06-01 09:00 早于文件入库时间（文件于 2026-06-20 15:00 首次提交）超过 1 天，会被认定为伪造发稿日期；发布时间应为实际发布的时间。如是从旧网站迁移的历史稿件，请填写 archive_import 说明来源",
  ]);
});

test("an uncommitted file is compared with the clock; the margin and the switch-over day are settings", () => {
  const site = repository();
  site.write("news/2026/new.md", news("未提交", "2026-06-25 09:00"));
  assert.deepEqual(
    problemsIn(site, "news/2026/new.md").map((p) => p.split("：")[1]),
    [
      "发布时间 2026-06-25 09:00 早于文件入库时间（尚未提交，按当前时间 2026-06-30 12:00）超过 1 天，会被认定为伪造发稿日期；发布时间应为实际发布的时间。如是从旧网站迁移的历史稿件，请填写 archive_import 说明来源",
    ],
  );
  const generous = createFixture({}, { honestDates: { marginDays: 30 } });
  const late = createFixture({}, { honestDates: { since: "2026-07-01" } });
  for (const other of [generous, late]) {
    other.write("news/2026/backdated.md", news("补发", "2026-06-01 09:00"));
    execFileSync("git", ["init", "-q"], { cwd: other.root });
    commit(other, "2026-06-20T15:00:00+08:00", "first");
    assert.deepEqual(problemsIn(other, "news/2026/"), []);
  }
});

test("a shallow clone (CI's default checkout) cannot tell: a warning, and no item is called backdated", () => {
  const site = repository();
  const clone = `${site.root}-shallow`;
  execFileSync("git", ["clone", "-q", "--depth", "1", `file://${site.root}`, clone], { stdio: "ignore" });
  const clock = parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();
  const problems = checkSite({ site: site.site, contentDir: `${clone}/content`, now: clock }).problems;
  assert.deepEqual(
    problems.filter((p) => p.field === "date（发布时间）").map((p) => `${p.severity} ${p.file} ${p.message}`),
    [
      "warning content 这是浅克隆（git clone --depth），看不到文件的首次提交时间，本次没有检查发稿日期；CI 中请给 actions/checkout 设置 fetch-depth: 0",
    ],
  );
});
