/**
 * The file a message names is the one the operator opens: with `--content a/b/texts` (a content
 * folder not called content, two levels down) every problem `check`, `build`, `inspect` and `new`
 * print names a path that exists from the folder the command runs in, the content folder's paths
 * in a message's text too, and the site config by the file `--config` named. An editor's title
 * with a line break or ESC stays on its problem's line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FIXTURE_SITE, md, news } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/cli.ts";

const CONTENT = "a/b/texts";
const CONFIG = "a/b/site.config.ts";
const SITE_OPTIONS = ["--content", CONTENT, "--config", CONFIG];

/** A project whose content folder is a/b/texts and whose settings are a/b/site.config.ts. */
function project(files: Record<string, string>, overrides: object = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-places-"));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write(CONFIG, `export default ${JSON.stringify({ ...FIXTURE_SITE, ...overrides })};\n`);
  mkdirSync(path.join(root, CONTENT), { recursive: true });
  for (const [rel, text] of Object.entries(files)) write(`${CONTENT}/${rel}`, text);
  return root;
}

const FORGED = "content/news/2026/fake.md:1 错误：标题伪造的一行";

const MISTAKES: Record<string, string> = {
  "news/2026/good.md": news("春耕备耕工作会议召开", "2026-06-01 09:00").replace(
    "正文。",
    "见![图](/media/none.png)。",
  ),
  "news/2026/photo.jpg": "x",
  "media/orphan.pdf": "x",
  "news/2026/column.md": news("栏目写错", "2026-06-02 09:00", {
    column: JSON.stringify(`要闻\u001b[2K\n${FORGED}`),
  }),
  "policies/2026/rule.md": md({
    title: JSON.stringify(`关于印发办法的通知\n${FORGED}`),
    index_no: "11150000MB00000001/2026-00001",
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: "测政发〔2026〕1号",
    written: "2025-11-28",
    date: "2025-12-01 09:00",
    kind: "行政规范性文件",
    department: "市政府办公室",
  }),
};

/** The problem lines of a command's output: `file[:line[:column]] 错误|警告 …`. */
const problemLines = (stderr: string) => stderr.split("\n").filter((l) => /^\S+ (?:错误|警告)/.test(l));
const fileOf = (line: string) => /^(\S+?)(?::\d+){0,2} (?:错误|警告)/.exec(line)![1];

/** Every line names a file or folder there is, or (an empty column) a folder of the content folder to make. */
function assertPlaced(root: string, lines: string[]): void {
  assert.ok(lines.length > 0);
  for (const line of lines) {
    const named = path.join(root, fileOf(line));
    const toMake = path.dirname(named) === path.join(root, CONTENT) && line.includes("没有任何已发布");
    assert.ok(existsSync(named) || toMake, `names no file: ${line}`);
  }
}

test("check and build with --content a/b/texts name the files and folders as seen from where they run", () => {
  const root = project(MISTAKES, { review: { types: ["newz"] } });
  for (const command of ["check.ts", "build.ts"]) {
    const run = runCommand(command, [...SITE_OPTIONS, "--out", "_site"], root);
    assert.equal(run.code, 1, run.stderr);
    const lines = problemLines(run.stderr);
    assertPlaced(root, lines);
    const expected = [
      // Empty and stale columns (src/content-types/news.ts, policy.ts) and the home page (src/check/inspection.ts).
      `${CONTENT}/news 警告 字段「column（栏目）“部门动态”」：栏目没有任何已发布的新闻；空栏目会被网站检查认定为问题`,
      `${CONTENT}/news 警告 字段「column（栏目）“市级新闻”」：最近一条新闻发布于 2026-06-01（${CONTENT}/news/2026/good.md）；动态类栏目超过 2 周未更新会被网站检查认定为更新不及时`,
      `${CONTENT}/policies 警告 字段「政府信息公开目录」：最近一份政策文件发布于 2025-12-01（${CONTENT}/policies/2026/rule.md）；政策文件栏目超过 6 个月未更新会被网站检查认定为更新不及时`,
      `${CONTENT} 警告 字段「首页」：全站最近一条内容发布于 2026-06-01（${CONTENT}/news/2026/good.md）；首页超过 2 周没有新内容会被网站检查认定为更新不及时`,
      // Media (src/check/media-index.ts, src/media/embargo.ts) and a stray file (src/content/loader.ts).
      `${CONTENT}/news/2026/good.md:8 错误 字段「正文」：图片“/media/none.png”无效：文件 ${CONTENT}/media/none.png 不存在；请把文件放到 ${CONTENT}/media/ 中，或改正路径`,
      `${CONTENT}/media/orphan.pdf 警告：没有任何内容引用此文件；它仍会发布在 /media/orphan.pdf。如果是为尚未写好的草稿准备的，请先写好草稿再放入，以免提前公开`,
      `${CONTENT}/news/2026/photo.jpg 错误：内容目录中只能放 .md 文件；图片、PDF 等附件请放在 ${CONTENT}/media/ 中`,
      // A setting checked with the content (src/check/signoff.ts): the file --config named.
      `${CONFIG} 错误 字段「review.types」：不认识的内容类型“newz”；应为 all 或：news、policy、video、guide、periodical、topic、page、report、letter、consultation、interview、organ`,
    ];
    for (const line of expected)
      assert.ok(lines.includes(line), `${command}: missing ${line}\n${lines.join("\n")}`);
    // An editor's line break and ESC are written out: no forged problem line, no terminal escape.
    assert.ok(!run.stderr.includes("\u001b"), command);
    assert.ok(!run.stderr.split("\n").some((l) => l.startsWith(FORGED)), command);
    const rule = lines.find((l) => l.startsWith(`${CONTENT}/policies/2026/rule.md:`))!;
    assert.ok(rule.includes(`“关于印发办法的通知\\n${FORGED}”发布于 2025-12-01`), rule);
    const column = lines.find((l) => l.startsWith(`${CONTENT}/news/2026/column.md:4 `))!;
    assert.ok(column.includes(`“要闻\\u001B[2K\\n${FORGED}”未在站点配置中声明`), column);
  }
});

test("inspect and new with --content a/b/texts name files as seen from where they run", () => {
  const root = project({ "news/2026/good.md": news("春耕备耕工作会议召开", "2026-06-01 09:00") });
  const inspected = runCommand("inspect.ts", [...SITE_OPTIONS, "--no-links", "--horizon", "0"], root);
  assert.equal(inspected.signal, null, inspected.stderr);
  const report = JSON.parse(readFileSync(path.join(root, "inspection-report/report.json"), "utf8")) as {
    columns: { name: string; newest?: { file: string } }[];
  };
  const newest = report.columns.find((c) => c.name === "市级新闻")!.newest!.file;
  assert.equal(newest, `${CONTENT}/news/2026/good.md`);
  const made = runCommand("new.ts", ["news", "再来一条", "--name", "good", ...SITE_OPTIONS], root);
  assert.equal(made.code, 1);
  assert.match(made.stderr, /^a\/b\/texts\/news\/2026\/good\.md 已存在；请换一个 --name$/m);
});

test("a shallow clone's honest-dates warning names the content folder the clone has", () => {
  const root = project({ "news/2026/good.md": news("春耕备耕工作会议召开", "2026-06-29 09:00") });
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=测试", "-c", "user.email=t@example.org", ...args], {
      cwd,
      stdio: "ignore",
    });
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "first");
  const clone = `${root}-shallow`;
  git(tmpdir(), "clone", "-q", "--depth", "1", `file://${root}`, clone);
  const run = runCommand("check.ts", SITE_OPTIONS, clone);
  const lines = problemLines(run.stderr);
  assertPlaced(clone, lines);
  assert.ok(
    lines.includes(
      `${CONTENT} 警告 字段「date（发布时间）」：这是浅克隆（git clone --depth），看不到文件的首次提交时间，本次没有检查发稿日期；CI 中请给 actions/checkout 设置 fetch-depth: 0`,
    ),
    lines.join("\n"),
  );
});
