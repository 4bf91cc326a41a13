/**
 * The output folder is Gongkai's alone: `--out` naming the content, the project, the repository,
 * the config's folder or any other non-empty folder is refused in Chinese before anything is
 * written; an earlier output, an empty folder and a symlinked _site are published into.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { news } from "../helpers/fixture.ts";
import { projectWith, runCommand } from "../helpers/cli.ts";
import { OUTPUT_MARKER } from "../../src/build/output-guard.ts";
import { buildSite } from "../../src/build/build-site.ts";

const FILES = { "news/2026/a.md": news("春耕备耕工作会议召开", "2026-06-29 09:00") };

/** Every file below dir with its bytes, to prove a refused build touched nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      out[path.relative(dir, path.join(e.parentPath, e.name))] = readFileSync(
        path.join(e.parentPath, e.name),
        "base64",
      );
  return out;
}

test("--out naming the content, the project folder, .git or a foreign folder is refused and nothing changes", () => {
  const site = projectWith(FILES);
  spawnSync("git", ["init", "-q"], { cwd: site.root });
  mkdirSync(path.join(site.root, "notes"));
  writeFileSync(path.join(site.root, "notes", "todo.txt"), "明天开会\n");
  const before = snapshot(site.root);
  const cases: [string, RegExp][] = [
    ["content", /^输出目录 content 就是内容目录；.*请用 --out 指定一个单独的目录/],
    [".", /^输出目录 \. 就是当前工作目录；/],
    ["..", /^输出目录 .+ 包含内容目录；/],
    [".git", /^输出目录 \.git 位于 git 仓库的 \.git 目录中；/],
    ["content/news", /^输出目录 content\/news 位于内容目录之中；/],
    [
      "notes",
      /^输出目录 notes 不是空目录，也不是 Gongkai 生成的网站（没有 \.gongkai-output 标记文件），其中有 todo\.txt；/,
    ],
  ];
  for (const [out, message] of cases) {
    const run = runCommand("build.ts", ["--out", out], site.root);
    assert.equal(run.code, 1, `--out ${out}: ${run.stderr}`);
    assert.match(run.stderr.trim(), message, `--out ${out}`);
    assert.equal(run.stderr.trim().split("\n").length, 1, `one line, no stack: ${run.stderr}`);
    assert.deepEqual(snapshot(site.root), before, `--out ${out} changed files`);
  }
  assert.equal(readFileSync(path.join(site.root, "notes", "todo.txt"), "utf8"), "明天开会\n");
  // npm start refuses the same folders before it serves or writes anything.
  const start = runCommand("serve.ts", ["--out", "notes", "--port", "0"], site.root);
  assert.equal(start.code, 1, start.stderr);
  assert.match(start.stderr, /^输出目录 notes 不是空目录/);
});

test("a folder holding site.config.ts is refused, even when the working directory is elsewhere", async () => {
  const site = projectWith(FILES);
  const conf = path.join(site.root, "conf");
  mkdirSync(conf);
  writeFileSync(path.join(conf, "site.config.ts"), "export default {};\n");
  await assert.rejects(
    buildSite({
      site: site.site,
      contentDir: site.contentDir,
      outDir: conf,
      configPath: path.join(conf, "site.config.ts"),
    }),
    /输出目录 .*conf 包含站点配置文件；/,
  );
  assert.deepEqual(readdirSync(conf), ["site.config.ts"]);
});

test("an empty folder, an earlier output and an output without the marker (older Gongkai) are replaced", async () => {
  const site = projectWith(FILES);
  mkdirSync(site.outDir);
  await site.build();
  assert.ok(existsSync(path.join(site.outDir, OUTPUT_MARKER)));
  assert.match(site.read("/"), /春耕备耕工作会议召开/);
  site.write("news/2026/b.md", news("第二篇新闻", "2026-06-29 10:00"));
  await site.build();
  assert.match(site.read("/"), /第二篇新闻/);
  // Built before the marker existed: recognised by its manifest.json and _headers.
  rmSync(path.join(site.outDir, OUTPUT_MARKER));
  await site.build();
  assert.ok(existsSync(path.join(site.outDir, OUTPUT_MARKER)));
});

test("a symlinked _site is published through: its target is replaced, the link stays", async () => {
  const site = projectWith(FILES);
  const releases = path.join(site.root, "releases");
  mkdirSync(path.join(releases, "current"), { recursive: true });
  symlinkSync(path.join(releases, "current"), site.outDir);
  await site.build();
  await site.build();
  assert.ok(lstatSync(site.outDir).isSymbolicLink(), "the link is kept");
  assert.match(readFileSync(path.join(releases, "current", "index.html"), "utf8"), /春耕备耕工作会议召开/);
  assert.deepEqual(readdirSync(releases), ["current"], "no staging or old copies left next to the target");

  // A link to someone else's folder is refused like the folder itself; a dangling link too.
  const other = path.join(site.root, "other");
  mkdirSync(other);
  writeFileSync(path.join(other, "keep.txt"), "x");
  rmSync(site.outDir);
  symlinkSync(other, site.outDir);
  await assert.rejects(site.build(), /输出目录 _site 不是空目录|输出目录 .*_site 不是空目录/);
  assert.deepEqual(readdirSync(other), ["keep.txt"]);
  rmSync(site.outDir);
  symlinkSync(path.join(site.root, "missing"), site.outDir);
  await assert.rejects(site.build(), /是指向不存在位置的符号链接/);
  // A link to the project itself is refused as the project is.
  rmSync(site.outDir);
  symlinkSync(site.contentDir, site.outDir);
  await assert.rejects(site.build(), /就是内容目录/);
  assert.ok(existsSync(path.join(site.contentDir, "news/2026/a.md")));
});
