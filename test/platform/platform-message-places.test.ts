/**
 * On a platform whose sites keep their content in folders not called content (sites/edu/texts,
 * data/town/src-pages), every problem `check --platform` and `build --platform` print names a
 * file or folder there is, from the folder the command runs in: the empty and stale columns, the
 * home page, media files, and the content folder's paths in a message's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { news } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/cli.ts";

const EDU = "sites/edu/texts";
const TOWN = "data/town/src-pages";

function platform(): string {
  const { root } = createPlatformProject();
  renameSync(path.join(root, "sites/edu/content"), path.join(root, EDU));
  mkdirSync(path.join(root, "data/town"), { recursive: true });
  renameSync(path.join(root, "sites/town/content"), path.join(root, TOWN));
  const config = path.join(root, "platform.config.ts");
  writeFileSync(
    config,
    readFileSync(config, "utf8")
      .replace('"sites/edu/content"', JSON.stringify(EDU))
      .replace('"sites/town/content"', JSON.stringify(TOWN)),
  );
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  write(
    `${EDU}/news/2026/picture.md`,
    news("教育局图片新闻", "2026-06-20 09:00", { column: "教育动态" }).replace(
      "正文。",
      "![图](/media/none.png)",
    ),
  );
  write(`${TOWN}/media/orphan.pdf`, "x");
  return root;
}

const problemLines = (stderr: string) => stderr.split("\n").filter((l) => /^\S+ (?:错误|警告)/.test(l));
const fileOf = (line: string) => /^(\S+?)(?::\d+){0,2} (?:错误|警告)/.exec(line)![1];

test("check and build --platform name each site's files under its own content folder", () => {
  const root = platform();
  for (const command of ["check.ts", "build.ts"]) {
    const run = runCommand(command, ["--platform", "platform.config.ts", "--no-cache"], root);
    assert.equal(run.code, 1, run.stderr);
    const lines = problemLines(run.stderr);
    assert.ok(lines.length > 0, run.stderr);
    for (const line of lines) {
      const named = path.join(root, fileOf(line));
      // An empty column names the folder of the content folder its items go in.
      const toMake = line.includes("没有任何已发布") && existsSync(path.dirname(named));
      assert.ok(existsSync(named) || toMake, `${command} names no file: ${line}`);
    }
    const expected = [
      `${EDU}/news/2026/picture.md:8 错误 字段「正文」：图片“/media/none.png”无效：文件 ${EDU}/media/none.png 不存在；请把文件放到 ${EDU}/media/ 中，或改正路径`,
    ];
    if (command === "check.ts")
      // The build stops at the error; the check also lists the warnings.
      expected.push(
        `${EDU}/policies 警告 字段「政府信息公开目录」：没有任何已发布的政策文件；空栏目会被网站检查认定为问题`,
        `${TOWN} 警告 字段「首页」：全站最近一条内容发布于 2026-06-01（${TOWN}/news/2026/harvest.md）；首页超过 2 周没有新内容会被网站检查认定为更新不及时`,
        `${TOWN}/news 警告 字段「column（栏目）“部门动态”」：最近一条新闻发布于 2026-06-01（${TOWN}/news/2026/harvest.md）；动态类栏目超过 2 周未更新会被网站检查认定为更新不及时`,
        `${TOWN}/media/orphan.pdf 警告：没有任何内容引用此文件；它仍会发布在 /media/orphan.pdf。如果是为尚未写好的草稿准备的，请先写好草稿再放入，以免提前公开`,
      );
    for (const line of expected)
      assert.ok(lines.includes(line), `${command}: missing ${line}\n${lines.join("\n")}`);
  }
});
