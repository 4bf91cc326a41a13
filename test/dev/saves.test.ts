/**
 * No save is missed: every way editors, tools and git change content/ reaches the served page
 * (issue 12, defect 9). Each test runs the whole dev loop (src/dev/dev-session.ts) on a fixture.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { news } from "../helpers/fixture.ts";
import {
  eventually,
  replaceFile,
  saveAtomically,
  saveInPlace,
  sedInPlace,
  shows,
  startSession,
} from "./session.ts";

const A = "news/2026/a.md";
const base = {
  [A]: news("春季植树活动", "2026-03-01 09:00"),
  "news/2026/b.md": news("夏季防汛部署", "2026-06-01 09:00"),
};

test("in-place saves: four sed -i edits seconds apart and rewrites of the same inode are all served", async (t) => {
  const { fixture, url, lines } = await startSession(t, base);
  const file = path.join(fixture.contentDir, A);
  let title = "春季植树活动";
  for (let edit = 1; edit <= 4; edit++) {
    const next = `春季植树活动第${edit}次修订`;
    sedInPlace(file, `title: ${title}`, `title: ${next}`);
    await shows(url("/news/2026/a/"), next);
    title = next;
    await sleep(1200); // apart, as an editor saves: longer than every window the watcher keeps
  }
  const inode = statSync(file).ino;
  for (let edit = 1; edit <= 3; edit++) {
    saveInPlace(file, news(`原地保存第${edit}次`, "2026-03-01 09:00"));
    await shows(url("/news/2026/a/"), `原地保存第${edit}次`);
  }
  assert.equal(statSync(file).ino, inode, "the same file was rewritten");
  await shows(url("/news/"), "原地保存第3次");
  assert.ok(
    // Named from the working directory, where the fixture's content folder is not.
    lines.some((line) =>
      line.startsWith(`检测到修改：${path.relative(process.cwd(), file).split(path.sep).join("/")}`),
    ),
    lines.join("\n"),
  );
  assert.ok(
    lines.some((line) => line.startsWith("已更新：1 个内容文件有变化")),
    lines.join("\n"),
  );
  // The empty columns' warnings name the fixture's news folder, not the project's content/news.
  const content = path.relative(process.cwd(), fixture.contentDir).split(path.sep).join("/");
  assert.ok(
    lines.some((line) =>
      line.startsWith(`${content}/news 警告 字段「column（栏目）“转载”」：栏目没有任何已发布的新闻`),
    ),
    lines.join("\n"),
  );
});

test("saves in quick succession: the page ends with the last one", async (t) => {
  const { fixture, url } = await startSession(t, base);
  const file = path.join(fixture.contentDir, A);
  for (let edit = 1; edit <= 5; edit++) {
    saveInPlace(file, news(`快速连续保存第${edit}次`, "2026-03-01 09:00"));
    await sleep(edit * 15); // 15 … 75 ms apart: inside and around the watcher's windows
  }
  await shows(url("/news/2026/a/"), "快速连续保存第5次");
});

test("atomic saves (temporary file renamed over the original) and git's unlink-and-create are served", async (t) => {
  const { fixture, url } = await startSession(t, base);
  const file = path.join(fixture.contentDir, A);
  for (let edit = 1; edit <= 3; edit++) {
    saveAtomically(file, news(`原子保存第${edit}次`, "2026-03-01 09:00"));
    await shows(url("/news/2026/a/"), `原子保存第${edit}次`);
  }
  for (let edit = 1; edit <= 2; edit++) {
    replaceFile(file, news(`检出第${edit}次`, "2026-03-01 09:00"));
    await shows(url("/news/2026/a/"), `检出第${edit}次`);
  }
  const response = await fetch(url("/news/2026/a.md.tmp-0/"));
  assert.equal(response.status, 404, "the temporary file made no page");
});

test("a file and a folder moved into content/ from outside are served, and so are later edits to them", async (t) => {
  const { fixture, url } = await startSession(t, base);
  const outside = mkdtempSync(path.join(tmpdir(), "gongkai-outside-"));
  writeFileSync(path.join(outside, "c.md"), news("秋季招聘会", "2026-06-20 09:00"));
  renameSync(path.join(outside, "c.md"), path.join(fixture.contentDir, "news/2026/c.md"));
  await shows(url("/news/2026/c/"), "秋季招聘会");
  const moved = path.join(fixture.contentDir, "news/2026/c.md");
  sedInPlace(moved, "秋季招聘会", "秋季招聘会（延期）");
  await shows(url("/news/2026/c/"), "秋季招聘会（延期）");
  saveInPlace(moved, news("秋季招聘会（新时间）", "2026-06-20 09:00"));
  await shows(url("/news/2026/c/"), "秋季招聘会（新时间）");

  mkdirSync(path.join(outside, "2025"));
  writeFileSync(path.join(outside, "2025/d.md"), news("冬季供暖保障", "2025-12-01 09:00"));
  renameSync(path.join(outside, "2025"), path.join(fixture.contentDir, "news/2025"));
  await shows(url("/news/2025/d/"), "冬季供暖保障");
  saveAtomically(
    path.join(fixture.contentDir, "news/2025/d.md"),
    news("冬季供暖保障（更新）", "2025-12-01 09:00"),
  );
  await shows(url("/news/2025/d/"), "冬季供暖保障（更新）");
});

test("100 files changed at once, as by git pull, are all served", async (t) => {
  const files: Record<string, string> = {};
  const day = (i: number) => `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")} 09:00`;
  for (let i = 0; i < 100; i++) files[`news/2026/n${i}.md`] = news(`第${i}号通知`, day(i));
  const { fixture, url } = await startSession(t, files);
  for (let i = 0; i < 100; i++) {
    const file = path.join(fixture.contentDir, `news/2026/n${i}.md`);
    const text = news(`第${i}号通知（已更新）`, day(i));
    if (i % 2) replaceFile(file, text);
    else saveAtomically(file, text);
  }
  for (let i = 0; i < 100; i++) await shows(url(`/news/2026/n${i}/`), `第${i}号通知（已更新）`);
});

test("an edit made while the server starts is served", async (t) => {
  const { fixture, url, session } = await startSession(t, base, { awaitFirstBuild: false });
  saveInPlace(path.join(fixture.contentDir, A), news("启动时的修改", "2026-03-01 09:00"));
  const duringFirstBuild = session.site() === undefined;
  await shows(url("/news/2026/a/"), "启动时的修改");
  assert.ok(duringFirstBuild, "the edit landed while the first build ran");
  await session.started;
  assert.ok(session.site());
  await eventually(url("/news/"), (body) => body.includes("启动时的修改"), "the list updated too");
});
