/**
 * adv50's independent check (bench/search-eval/adv50-items.ts): Chinese punctuation NFKC leaves
 * apart from what a reader types — the midline ellipsis ⋯⋯ (drawn as ……), the two- and three-em
 * dashes ⸺ ⸻ (drawn as —— and ———), Big5's colon ︰ (drawn as ：, which NFKC makes ..) — is found as
 * typed; a line hard-wrapped beside one of them or a form's ☑ ☐ (neutral width) shows no space. The
 * other new shapes (a policy 解读, a video, a letter, a topic's and a periodical's appended text,
 * Markdown and raw HTML an editor pastes) are indexed as Chromium shows them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ADV50_APPENDS, ADV50_ITEMS } from "../../bench/search-eval/adv50-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { foldText, termsOf, textMatches } from "../../src/search/tokens.ts";
import { matchRanges } from "../../src/assets/search-result.js";
import { renderMarkdown } from "../../src/markdown/render.ts";

const FIXTURES = [
  "/policies/2026/adv50-jd/",
  "/videos/2026/adv50-v/",
  "/letters/2026/adv50-l/",
  "/topics/ecology/",
  "/periodicals/bhlx/2026-01/",
];
const site = useKindsSite("adv50", (contentDir) => {
  for (const [rel, text] of Object.entries(ADV50_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
  for (const [rel, text] of Object.entries(ADV50_APPENDS)) appendFileSync(path.join(contentDir, rel), text);
});

test("⋯ ⸺ ⸻ and ︰ fold as the punctuation they are drawn as; a mark covers them", () => {
  assert.equal(foldText("⋯⋯"), foldText("……"));
  assert.equal(foldText("⸺"), foldText("——"));
  assert.equal(foldText("⸻"), foldText("———"));
  assert.equal(foldText("时间︰九时"), foldText("时间：九时"));
  // ︰ is a colon, no longer NFKC's two-dot leader.
  assert.equal(textMatches("时间︰九时", termsOf("时间..九时")), false);
  assert.ok(textMatches("开放范围包括哪些⋯⋯哪些数据", termsOf("哪些……哪些数据")));
  assert.ok(textMatches("开放范围⸺包括交通", termsOf("开放范围——包括交通")));
  assert.deepEqual(matchRanges("问：哪些⋯⋯哪些数据", termsOf("哪些……哪些")), [[2, 8]]);
  assert.deepEqual(matchRanges("红线⸺不可", termsOf("红线——不可")), [[0, 5]]);
  // The em dash stays apart from the hyphen, and box drawing from the dash (held39's decisions).
  assert.notEqual(foldText("⸺"), foldText("--"));
  assert.equal(foldText("──"), "──");
});

test("a line wrapped beside ⋯ ⸺ ☑ ☐ shows no space between Chinese text", () => {
  const html = (md: string): string => renderMarkdown(md, "/").trim();
  assert.equal(html("数据归集⋯⋯\n确保按期完成"), "<p>数据归集⋯⋯确保按期完成</p>");
  assert.equal(html("大数据中心建设⸺\n市政务服务局"), "<p>大数据中心建设⸺市政务服务局</p>");
  assert.equal(html("勾选：☑\n同意公开☐\n不同意公开"), "<p>勾选：☑同意公开☐不同意公开</p>");
  // Beside Latin text or another ambiguous mark, whose language cannot be told, it stays a space.
  assert.equal(html("done ✓\nnext"), "<p>done ✓\nnext</p>");
  assert.equal(html("注明⸻\n“数据开放”"), "<p>注明⸻\n“数据开放”</p>");
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

const QUERIES = [
  // ⋯⋯, ⸺, ⸻ and ︰ typed as a reader's input method gives them.
  "解读……答记者问",
  "哪些……哪些数据",
  "开放范围——包括交通",
  "暂不开放的———涉及个人隐私",
  "时间：九时",
  "公共数据开放平台……上线演示",
  "即可看到——全部开放数据集",
  "开放数据接口——能否提供下载",
  "接口下载……请登录",
  "生态保护红线——不可逾越……",
  "数据开放……专栏下期刊出——敬请关注",
  "编辑部地址:文化路1号",
  // Lines wrapped beside them, typed as written.
  "数据归集……确保按期完成",
  "大数据中心建设——市政务服务局负责运营",
  "勾选：☑同意公开☐不同意公开",
  // Shapes that already held, kept as guards.
  "本文解读《白桦岭市教育局关于印发招生入学管理办法的通知》",
  "一、总体要求（编辑粘贴时带了四个空格的缩进）",
  "第一层任务 第二层任务",
  "引用在列表中的说明文字",
  "a|b",
  "竖线分隔[1]",
  "m2/‰",
  "第一行换行两个空格 第二行紧接",
  "全角缩进段落，　半角空格之后",
  '"开放范围" "隐私的数据" 环境',
  "暂不开放？答：",
];

test("the search page finds what the rendered text holds", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);
