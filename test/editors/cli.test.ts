/**
 * The editors' commands as they run them: `npm run check` prints every problem and a summary and
 * writes nothing; `npm run build` stops on the same problems; `npm run new` writes a file that validates.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, FIXTURE_SITE, news } from "../helpers/fixture.ts";
import { commandArgs } from "../helpers/cli.ts";

function run(script: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, commandArgs(script, args), {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GONGKAI_NOW: "2026-06-30 12:00" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function projectWith(files: Record<string, string>) {
  const site = createFixture(files);
  writeFileSync(path.join(site.root, "site.config.ts"), `export default ${JSON.stringify(FIXTURE_SITE)};\n`);
  return site;
}

test("check: every problem at once, a summary, exit 1 on errors, nothing written", () => {
  const site = projectWith({
    "news/2026/ok.md": news("正常", "2026-06-29 09:00"),
    "news/2026/a.md": news("栏目错", "2026-06-29 09:00", { column: "要闻" }),
    "news/2026/b.md": news("日期错", "2026-02-30 09:00"),
  });
  const { code, stderr } = run("check.ts", [], site.root);
  assert.equal(code, 1);
  const lines = stderr.trim().split("\n");
  assert.ok(
    lines.includes(
      "content/news/2026/a.md:4 错误 字段「column（栏目）」：“要闻”未在站点配置中声明；应为：市级新闻、部门动态、转载、发布会、通知公告",
    ),
    stderr,
  );
  assert.ok(
    lines.includes("content/news/2026/b.md:3 错误 字段「date（发布时间）」：日期“2026-02-30 09:00”不存在"),
    stderr,
  );
  assert.match(lines.at(-1) ?? "", /^已检查站点配置和 3 个内容文件。共发现 2 个错误、\d+ 个警告。$/);
  assert.ok(!existsSync(site.outDir), "check wrote output");

  const build = run("build.ts", [], site.root);
  assert.equal(build.code, 1);
  for (const line of lines.slice(0, -1))
    assert.ok(build.stderr.includes(line), `build did not report: ${line}`);
  assert.ok(!existsSync(site.outDir));
});

test("check: warnings only exit 0; a broken site config is reported in Chinese", () => {
  const site = projectWith({ "news/2026/ok.md": news("正常", "2025-06-29 09:00") });
  const ok = run("check.ts", [], site.root);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /警告 字段「column（栏目）“市级新闻”」：最近一条新闻发布于 2025-06-29/);
  writeFileSync(
    path.join(site.root, "site.config.ts"),
    `export default ${JSON.stringify({ ...FIXTURE_SITE, postcode: "1000" })};\n`,
  );
  const bad = run("check.ts", [], site.root);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /site\.config\.ts 错误 字段「postcode」：邮编应为 6 位数字/);
  assert.match(bad.stderr, /站点配置有误，未检查内容文件。共发现 1 个错误、0 个警告。/);
});

test("new: writes a dated draft under an ASCII name and prints its path", () => {
  const site = projectWith({});
  const made = run("new.ts", ["news", "春耕备耕工作会议召开", "--name", "spring"], site.root);
  assert.equal(made.code, 0, made.stderr);
  assert.equal(made.stdout.trim(), "content/news/2026/spring.md");
  const text = readFileSync(path.join(site.root, made.stdout.trim()), "utf8");
  assert.match(text, /^---\ntitle: "春耕备耕工作会议召开"\ndate: 2026-06-30 12:00\n/);
  assert.match(text, /\ndraft: true /);
  const again = run("new.ts", ["news", "再来一条", "--name", "spring"], site.root);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /content\/news\/2026\/spring\.md 已存在；请换一个 --name/);
  const chinese = run("new.ts", ["news", "标题", "--name", "春耕"], site.root);
  assert.equal(chinese.code, 1);
  assert.match(chinese.stderr, /文件名“春耕”不能用作网址/);
});

test("a preview build goes to _preview/ unless --out says otherwise; --now is read in the site's zone", async () => {
  const { readCliOptions } = await import("../../src/cli/options.ts");
  const site = projectWith({});
  const config = path.join(site.root, "site.config.ts");
  const preview = await readCliOptions(["--config", config, "--drafts", "--now", "2026-01-01 08:00"]);
  assert.equal(path.basename(preview.outDir), "_preview");
  assert.equal(preview.includeDrafts, true);
  assert.equal(preview.now, Date.parse("2026-01-01T00:00:00Z"));
  assert.equal(path.basename((await readCliOptions(["--config", config])).outDir), "_site");
  assert.equal(
    path.basename((await readCliOptions(["--config", config, "--drafts", "--out", "review"])).outDir),
    "review",
  );
});
