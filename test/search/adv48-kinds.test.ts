/**
 * adv48's independent check (bench/search-eval/adv48-items.ts): text pasted from a PDF whose common
 * characters are CJK radicals (⻓ U+2ED3 for 长, ⻔ for 门 …), lines hard-wrapped after a character
 * with a variation selector (葛 + an ideographic variation selector, 👍️, ❤️), and the other new
 * shapes — 〝〞, ❶, primes, ³ in a 发文字号, reference-style links with titles, escapes, a title with
 * & < > and three kinds of quotation marks, a periodical and a single page — are indexed as Chromium shows them and found where the rendered text holds them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { ADV48_ITEMS } from "../../bench/search-eval/adv48-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { foldText, termsOf, textMatches } from "../../src/search/tokens.ts";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { matchRanges } from "../../src/assets/search-result.js";
import { piecesOf } from "../../src/search/doc-pieces.mjs";
import { codePoints } from "../../src/assets/search-stream.js";
import { pageStream } from "../../src/search/tokens.ts";
import { TITLE_SPAN } from "../../src/assets/search-query.js";

const FIXTURES = [
  "/news/2026/adv48-n/",
  "/policies/2026/adv48-p/",
  "/guides/adv48-g/",
  "/letters/2026/adv48-l/",
  "/periodicals/bhlx/2026-06/",
  "/pages/adv48-page/",
  "/news/2026/adv48-t/",
];
const site = useKindsSite("adv48", (contentDir) => {
  for (const [rel, text] of Object.entries(ADV48_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
});

test("a CJK radical a PDF gives for a common character folds to that character", () => {
  // Unicode's Equivalent_Unified_Ideograph for the CJK Radicals Supplement; the Kangxi radicals fold by NFKC.
  for (const [radical, ideograph] of [
    ["⻓效机制", "长效机制"],
    ["⻔前", "门前"],
    ["⻅效", "见效"],
    ["⻢⻥⻋⻜⻚⻛⻩⻆", "马鱼车飞页风黄角"],
    ["⻑", "長"],
    ["⺠", "民"],
    ["⻘⻄⻝", "青西食"],
    ["⺇", "\u{20628}"],
    ["⼯作⽅案", "工作方案"],
  ])
    assert.equal(foldText(radical), foldText(ideograph), radical);
  // U+2E80 and the unassigned U+2E9A have no equivalent; a unified ideograph never folds to a radical.
  assert.equal(foldText("\u2E80"), "\u2E80");
  assert.equal(foldText("长门见"), "长门见");
  assert.ok(textMatches("全市建立⻓效机制", termsOf("长效机制")));
});

test("an O or 0 typed for 〇 in a year in Chinese numerals is 〇; elsewhere a letter or digit stays", () => {
  for (const typed of [
    "二O二三年",
    "二0二三年",
    "二Ｏ二三年",
    "二０二三年",
    "二o二三年",
    "二零二三年",
    "二○二三年",
  ])
    assert.equal(foldText(typed), "二〇二三年", typed);
  assert.equal(foldText("二OO八年，二O二O年"), "二〇〇八年,二〇二〇年");
  assert.equal(foldText("〔二0二六〕8号"), "(二〇二六)8号");
  for (const kept of ["2023年", "Office一二三", "go一二", "一0", "三O", "O二三", "0年"])
    assert.equal(foldText(kept), kept.toLowerCase(), kept);
  // A mark covers the page's own characters; a piece cut never falls beside the 0 (only between Han characters).
  assert.deepEqual(matchRanges("到二O二三年底", termsOf("二〇二三年")), [[1, 6]]);
  const text = "二0二三年".repeat(2000);
  const pieces = piecesOf(text);
  assert.ok(pieces.length > 1);
  assert.deepEqual(pageStream("标题", pieces).stream.slice(TITLE_SPAN), codePoints(foldText(text)));
});

test("the circled digits NFKC leaves alone are numbers, as ① is 1", () => {
  for (const [shown, typed] of [
    ["❶❷❿", "1210"],
    ["➀➉➊➓", "110110"],
    ["⓵⓾⓫⓴⓿", "110112" + "00"],
    ["第➀批", "第①批"],
    ["增长❶个百分点", "增长1个百分点"],
  ])
    assert.equal(foldText(shown), foldText(typed), shown);
  assert.deepEqual(matchRanges("第⓫批名单", termsOf("第11批")), [[0, 3]]);
});

test("a line wrapped after a character with a variation selector shows no space", () => {
  for (const [body, shown] of [
    ["负责同志葛\u{E0100}\n村委会", "负责同志葛\u{E0100}村委会"],
    ["点赞👍\uFE0F\n继续", "点赞👍\uFE0F继续"],
    ["爱心❤\uFE0F\n传递", "爱心❤\uFE0F传递"],
  ])
    assert.equal(renderMarkdown(body, "/"), `<p>${shown}</p>\n`, body);
  // Text (VS15) presentation, or a Latin letter before the selector, keeps the break a space.
  assert.equal(renderMarkdown("Note\uFE0E\n下一行", "/"), "<p>Note\uFE0E\n下一行</p>\n");
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

const QUERIES = [
  // PDF-pasted radicals (CJK Radicals Supplement and Kangxi), typed as the common characters.
  "长效机制",
  "门前“三包”",
  "车辆停放",
  "见行见效",
  "马路保洁由黄色马甲环卫工负责",
  "鱼塘、飞鸟栖息地纳入保护",
  "页面角落不留死角",
  "山水林田湖草沙一体化保护和修复工程实施方案",
  "车辆行驶证",
  "见原件后退回",
  "门厅西侧",
  "申请人为本市长期居民",
  "门前车辆已清理",
  "长效机制专刊",
  "门户网站使用说明",
  // A wrapped line after a variation selector.
  "负责同志葛村委会主任",
  "点赞👍继续评选",
  "爱心❤️传递不停",
  "车主葛先生移走",
  "感谢您的监督👍欢迎继续反映",
  // Circled digits as numbers.
  "增长1个百分点",
  "第1批、第1批名单另行公布",
  // Years typed with O or 0 for 〇.
  "二〇二三年底完成一期",
  "二零二三年同期相比",
  "二〇二六年工作要点",
  // Shapes that already held, kept as guards.
  "〝十四五〞规划",
  "东经120°30′15″",
  "500m2与500㎡相同",
  "第XII期",
  "白政发[2026]3号",
  "温泉街 88号 三楼",
  "*不是强调*，_也不是_，# 不是标题",
  "第三部分 & 附则",
  "<!-- 不是注释 -->",
  "&lt;b&gt;",
  "总第𠀾期",
  // A title with what HTML escapes and three kinds of quotation marks.
  "《A&B<试点>项目》",
  '"名单"的公示 & 说明',
];

test("the search page finds what the rendered text holds", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);
