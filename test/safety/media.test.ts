/**
 * content/ is a trust boundary (issue 12, defects 3, 4 and 5): only regular files are read or
 * published, media types are on an allow-list, SVGs that run or load anything are refused, and a
 * file that only unpublished items refer to is not published.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFixture, news, type Fixture } from "../helpers/fixture.ts";
import { failedBuildErrors } from "../helpers/safety.ts";
import { checkSite } from "../../src/build/load-state.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const SVG = (inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${inner}</svg>`;

test("symbolic links, FIFOs and linked folders anywhere under content/ fail the build, each named", async () => {
  const site = createFixture({
    "news/2026/ok.md": news("正常", "2026-06-01 09:00"),
    "media/a.pdf": "%PDF-1.4\n",
  });
  await site.build();
  const outside = path.join(site.root, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "secret.md"), news("外部", "2026-06-01 09:00"));
  symlinkSync("/etc/passwd", path.join(site.contentDir, "media/passwd.pdf"));
  symlinkSync("../../.git/config", path.join(site.contentDir, "media/config.txt"));
  symlinkSync(outside, path.join(site.contentDir, "media/folder"));
  symlinkSync(path.join(outside, "secret.md"), path.join(site.contentDir, "news/2026/linked.md"));
  execFileSync("mkfifo", [path.join(site.contentDir, "media/pipe.pdf")]);
  const message = (kind: string) =>
    `是${kind}，不是普通文件；content/ 中只能放普通文件（发布时不会跟随链接），请换成文件本身`;
  assert.deepEqual(await failedBuildErrors(site), [
    `content/media/config.txt 错误：${message("符号链接")}`,
    `content/media/folder 错误：${message("符号链接")}`,
    `content/media/passwd.pdf 错误：${message("符号链接")}`,
    `content/media/pipe.pdf 错误：${message("命名管道（FIFO）")}`,
    `content/news/2026/linked.md 错误：${message("符号链接")}`,
  ]);
});

test("a linked media folder is refused, not followed", async () => {
  const site = createFixture({ "news/2026/ok.md": news("正常", "2026-06-01 09:00") });
  const outside = path.join(site.root, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "a.pdf"), "%PDF-1.4\n");
  symlinkSync(outside, path.join(site.contentDir, "media"));
  assert.deepEqual(await failedBuildErrors(site), [
    "content/media 错误：是符号链接，不是普通文件；content/ 中只能放普通文件（发布时不会跟随链接），请换成文件本身",
  ]);
});

test("pages, scripts and other active types in media are refused; the allow-list is site config", async () => {
  const site = createFixture({
    "news/2026/ok.md": news("正常", "2026-06-01 09:00"),
    "media/x.html": "<script>alert(1)</script>",
    "media/x.js": "alert(1)",
    "media/m.MJS": "alert(1)",
    "media/p.xhtml": "<html/>",
    "media/f.swf": "FWS",
    "media/README": "no extension",
    "media/data.exe.pdf": "%PDF-1.4\n",
    "media/w.xyz": "?",
  });
  const errors = await failedBuildErrors(site);
  const active = (ext: string) =>
    `不能发布“.${ext}”文件：网页、脚本等文件会在本站域名下运行，可能被用来攻击访问者；请改用 PDF 等文档格式`;
  assert.deepEqual(errors.slice(0, 4), [
    "content/media/README 错误：文件没有扩展名，无法确定类型；允许的类型见站点配置 mediaTypes（" +
      site.site.mediaTypes.join("、") +
      "）",
    `content/media/f.swf 错误：${active("swf")}`,
    `content/media/m.MJS 错误：${active("mjs")}`,
    `content/media/p.xhtml 错误：${active("xhtml")}`,
  ]);
  assert.ok(
    errors[4].startsWith(
      "content/media/w.xyz 错误：不允许的文件类型“.xyz”；允许的类型见站点配置 mediaTypes（jpg、",
    ),
  );
  assert.deepEqual(errors.slice(5), [
    `content/media/x.html 错误：${active("html")}`,
    `content/media/x.js 错误：${active("js")}`,
  ]);

  const pdfOnly = createFixture({ "media/a.png": PNG, "media/b.pdf": "%PDF-1.4\n" }, { mediaTypes: ["pdf"] });
  assert.deepEqual(await failedBuildErrors(pdfOnly), [
    "content/media/a.png 错误：不允许的文件类型“.png”；允许的类型见站点配置 mediaTypes（pdf）",
  ]);
  assert.throws(() => createFixture({}, { mediaTypes: ["pdf", "html"] }), /“html”是网页或脚本类型/);
});

test("SVGs with scripts, handlers, foreignObject or external references are refused; plain SVGs publish", async () => {
  const site = createFixture({
    "news/2026/ok.md": news("正常", "2026-06-01 09:00"),
    "media/plain.svg": `<?xml version="1.0" encoding="UTF-8"?>\n${SVG('<rect width="10" height="10" fill="url(#g)"/><linearGradient id="g"/>')}`,
  });
  await site.build();
  assert.ok(site.exists("/media/plain.svg"));
  const cases: Record<string, string> = {
    "script.svg": SVG("<ScRiPt>alert(1)</ScRiPt>"),
    "cdata.svg": SVG("<script><![CDATA[alert(1)]]></script>"),
    "prefixed.svg": `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`,
    "handler.svg": SVG('<rect ONLOAD="alert(1)"/>'),
    "foreign.svg": SVG("<foreignObject><p>x</p></foreignObject>"),
    "xhtml.svg": SVG('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>'),
    "entity-js.svg": SVG('<a href="&#x6A;avascript:alert(1)"><text>x</text></a>'),
    "use.svg": SVG(
      '<use xlink:href="https://evil.example/a.svg#x" xmlns:xlink="http://www.w3.org/1999/xlink"/>',
    ),
    "slashes.svg": SVG('<image href="//evil.example/p.png"/>'),
    "data-html.svg": SVG('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'),
    "import.svg": SVG("<style>@import 'https://evil.example/a.css';</style>"),
    "css-url.svg": SVG('<rect style="fill:\\75 rl(https://evil.example/x)"/>'),
    "entity-decl.svg": `<!DOCTYPE svg [<!ENTITY e "<script>alert(1)</script>">]>${SVG("&e;")}`,
  };
  for (const [name, text] of Object.entries(cases)) site.write(`media/${name}`, text);
  const errors = await failedBuildErrors(site);
  const reason = (name: string) =>
    errors.find((e) => e.startsWith(`content/media/${name} 错误：SVG 图像不能发布：`));
  for (const name of Object.keys(cases)) assert.ok(reason(name), `${name} is refused`);
  assert.equal(errors.length, Object.keys(cases).length);
  assert.equal(
    reason("script.svg"),
    "content/media/script.svg 错误：SVG 图像不能发布：含有 <ScRiPt> 元素（可运行脚本或嵌入网页）。请用图像软件重新导出为普通 SVG（不含脚本和外部引用），或改用 PNG",
  );
  assert.match(reason("handler.svg")!, /含有事件处理属性 ONLOAD（会运行脚本）/);
  assert.match(reason("use.svg")!, /引用了外部资源“https:\/\/evil\.example\/a\.svg#x”/);
  assert.match(reason("entity-js.svg")!, /含有脚本链接“javascript:alert\(1\)”/);
  assert.match(reason("css-url.svg")!, /样式中引用了外部资源 url\(https:\/\/evil\.example\/x\)/);
  assert.match(reason("entity-decl.svg")!, /DOCTYPE 内部声明/);
});

const video = (date: string, captions: string) => `---
title: 视频
date: ${date}
kind: 视频新闻
department: 市政府办公室
source: 市政府办公室
video: /media/v.webm
poster: { src: /media/poster.png, alt: 封面 }
duration: "01:00"
captions: ${captions}
---
正文。
`;

/** Every output file that mentions `name`, and whether manifest.json lists it. */
function traces(site: Fixture, name: string): string[] {
  return site
    .files()
    .filter((f) => f === `media/${name}` || readFileSync(path.join(site.outDir, f)).includes(name));
}

test("media only drafts and scheduled items refer to are not published until one of them is", async () => {
  const attachment = (file: string) => `\n  - { title: 附件, file: ${file} }`;
  const site = createFixture({
    "news/2026/draft.md": news("草稿", "2026-06-01 09:00", {
      draft: true,
      attachments: attachment("/media/draft.pdf"),
    }),
    "news/2026/draft-body.md": news("草稿", "2026-06-01 09:00", { draft: true }).replace(
      "正文。",
      "见[附件](/media/body.pdf)。",
    ),
    "news/2026/both.md": news("草稿", "2026-06-01 09:00", {
      draft: true,
      attachments: attachment("/media/both.pdf"),
    }),
    "news/2026/published.md": news("已发布", "2026-06-01 09:00", {
      attachments: attachment("/media/both.pdf"),
    }).replace("正文。", "见[附件](/media/linked.pdf)。"),
    "videos/2026/later.md": video("2026-08-01 09:00", "/media/later.vtt"),
    "media/draft.pdf": "%PDF-1.4 draft\n",
    "media/body.pdf": "%PDF-1.4 body\n",
    "media/both.pdf": "%PDF-1.4 both\n",
    "media/linked.pdf": "%PDF-1.4 linked\n",
    "media/later.vtt": "WEBVTT\n",
    "media/v.webm": "webm",
    "media/poster.png": PNG,
    "media/loose.pdf": "%PDF-1.4 loose\n",
  });
  await site.build();
  for (const name of ["draft.pdf", "body.pdf", "later.vtt", "v.webm", "poster.png"])
    assert.deepEqual(traces(site, name), [], `${name} leaks`);
  for (const name of ["both.pdf", "linked.pdf", "loose.pdf"]) assert.ok(site.exists(`/media/${name}`), name);
  const manifest = JSON.parse(site.read("/manifest.json")).files.map((f: { path: string }) => f.path);
  assert.deepEqual(
    manifest.filter((p: string) => p.startsWith("media/")),
    ["media/both.pdf", "media/linked.pdf", "media/loose.pdf"],
  );

  // npm run check: a warning for the file no item refers to.
  const now = parseLocalDate("2026-06-30 12:00", site.site.timeZone)!.toMillis();
  const warnings = checkSite({ site: site.site, contentDir: site.contentDir, now })
    .problems.filter((p) => p.file.startsWith("content/media/"))
    .map(formatProblem);
  assert.deepEqual(warnings, [
    "content/media/loose.pdf 警告：没有任何内容引用此文件；它仍会发布在 /media/loose.pdf。如果是为尚未写好的草稿准备的，请先写好草稿再放入，以免提前公开",
  ]);

  // Once the video's date has come, its files publish with it; a preview publishes everything.
  await site.build({ now: "2026-08-01 09:00" });
  for (const name of ["later.vtt", "v.webm", "poster.png"]) assert.ok(site.exists(`/media/${name}`), name);
  assert.ok(!site.exists("/media/draft.pdf"));
  await site.build({ includeDrafts: true });
  for (const name of ["draft.pdf", "body.pdf", "later.vtt"]) assert.ok(site.exists(`/media/${name}`), name);
});
