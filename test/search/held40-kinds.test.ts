/**
 * Kinds neither held36's nor held39's lists held (session 40, held40): NFKC's compatibility forms,
 * characters outside the BMP, emoji sequences, what an editor writes in Markdown, and a line wrapped
 * next to Chinese punctuation of ambiguous width (bench/search-eval/held40-items.ts). The fraction
 * and ratio look-alikes and the wrapped lines are checked on their own; then the fixture site is
 * built, each fixture page's indexed text is compared with what Chromium shows, and the search page
 * finds what the rendered text holds, for queries typed as the editor wrote the text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { visibleText } from "../../src/search/visible-text.mjs";
import { renderMarkdown } from "../../src/markdown/render.ts";
import { termsOf, textMatches } from "../../src/search/tokens.ts";
import { matchRanges } from "../../src/assets/search-result.js";
import { HELD40_ITEMS, HELD40_TOPIC_TAIL } from "../../bench/search-eval/held40-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { shownTextOf, wordsOf } from "../helpers/shown-text.ts";

const shownOf = (markdown: string) => visibleText(`<main>${renderMarkdown(markdown, "/")}</main>`);

test("a bold phrase ending a wrapped line renders (it failed the build)", () => {
  assert.equal(shownOf("见**第一**\n项，a**b**\nc"), "见第一项，ab c");
  assert.equal(shownOf("**①**\n项"), "①项");
  // Inline code is text beside a break: Latin before it keeps the space, Chinese does not.
  assert.equal(shownOf("使用`cmd`\n执行，`白政发`\n文件"), "使用cmd 执行，白政发文件");
});

test("a line wrapped next to Chinese punctuation of ambiguous width shows no space", () => {
  const wrapped = [
    ["他说：“我们完成”\n然后离开。", "他说：“我们完成”然后离开。"],
    ["会议要求：\n“抓紧落实”", "会议要求：“抓紧落实”"],
    ["等等……\n后续", "等等……后续"],
    ["破折号——\n后文", "破折号——后文"],
    ["阿卜杜勒·\n阿齐兹", "阿卜杜勒·阿齐兹"],
    ["详见第①\n项", "详见第①项"],
    ["零下5℃\n左右", "零下5℃左右"],
    ["完成\n●第二项，○\n圆圈", "完成●第二项，○圆圈"],
    ["见**第①**\n项", "见第①项"],
    ["推广智慧\n农机，\u200b\nab", "推广智慧农机，\u200bab"],
    // Latin or a digit on the other side, two ambiguous marks, Hangul, a Greek letter: a space, as before.
    ["Hello “world”\nnext", "Hello “world” next"],
    ["温度3\n℃", "温度3 ℃"],
    ["……\n“引文”", "…… “引文”"],
    ["한국어“\n말”", "한국어“ 말”"],
    ["α\n射线", "α 射线"],
  ];
  for (const [markdown, text] of wrapped) assert.equal(shownOf(markdown), text, JSON.stringify(markdown));
  for (const html of [false, true]) {
    const rendered = renderMarkdown("等等……\n后续", "/", { allowHtml: html });
    assert.equal(visibleText(`<main>${rendered}</main>`), "等等……后续", `allowHtml ${html}`);
  }
});

/** [what a page shows, what a reader types]: each must find the other, both ways. */
const ALIKE: [string, string][] = [
  ["比例½", "比例1/2"],
  ["⅓", "1/3"],
  ["1∕2", "1/2"],
  ["比例尺1∶500", "比例尺1:500"],
  ["比例尺1∶500", "比例尺1：500"],
];

/** Shown and typed alike on main already (NFKC): kept so a fold change cannot lose them. */
const STILL: [string, string][] = [
  ["第⑴条", "第(1)条"],
  ["第⑴条", "第（1）条"],
  ["㈠号工程", "(一)号工程"],
  ["第Ⅷ期", "第viii期"],
  ["１２０㎡", "120m2"],
  ["２５℃", "25°C"],
  ["№7", "no7"],
  ["⼀⼆⼈", "一二人"],
  ["ｺﾝﾋﾟｭｰﾀｰ", "コンピューター"],
  ["Ⓐⓑ🄰", "aba"],
  ["㊣🈶㍿", "正有株式会社"],
  ["家庭👨\u200d👩\u200d👧", "家庭👨👩👧"],
  ["按键1\ufe0f\u20e3", "按键1\u20e3"],
  ["葛\ufe00根邉\u{e0101}家", "葛根邉家"],
  ["实体&符号\u00a0空格\u2002半角\u2003全角", "实体&符号 空格 半角 全角"],
];

test("compatibility forms, fractions and the ratio colon fold as a reader types them", () => {
  for (const [shown, typed] of [...ALIKE, ...STILL]) {
    assert.ok(textMatches(shown, termsOf(typed)), `${typed} finds ${shown}`);
    assert.ok(textMatches(typed, termsOf(shown)), `${shown} finds ${typed}`);
  }
  // ÷ and the em dash stay themselves; 﨑 (a unified ideograph in the compatibility block) is not 崎.
  assert.ok(!textMatches("1÷2", termsOf("1/2")));
  assert.ok(!textMatches("崎", termsOf("﨑")));
  const marks = (text: string, typed: string) =>
    matchRanges(text, termsOf(typed)).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(marks("比例½与⅓", "1/2"), ["½"]);
  assert.deepEqual(marks("人名王𠀀与张𡈽", "王𠀀"), ["王𠀀"]);
  assert.deepEqual(marks("第㈠项", "(一)"), ["㈠"]);
});

const FIXTURES = [
  "/news/2026/held40-a/",
  "/policies/2025/held40-p/",
  "/guides/held40-g/",
  "/topics/business/",
];
const site = useKindsSite("held40", (contentDir) => {
  for (const [rel, text] of Object.entries(HELD40_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
  appendFileSync(path.join(contentDir, "topics/business.md"), HELD40_TOPIC_TAIL);
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

test(
  "a line break beside a zero-width space or a <wbr> is no space, as Chromium shows it",
  { skip: noBrowser },
  async () => {
    const page = await site.browser.newPage();
    const snippets = [
      "<p>中\n\u200b文</p>",
      "<p>中\u200b \n 文</p>",
      "<p>中 \u200b文，a \u200bb</p>",
      "<p>中<span>\n</span>\u200b文</p>",
      "<p>甲&#13;&#8203;乙&NewLine;&ZeroWidthSpace;丙</p>",
      "<p>甲\u200b\r乙\r\u200b丙 丁&#13;\u200b戊</p>",
      "<p>……<wbr>\n①，a\n<wbr>b</p>",
      "<p>甲\n<wbr>\n乙</p>",
      "<pre>预\u200b\n格</pre><p>a\nb</p>",
    ];
    for (const html of snippets) {
      await page.setContent(`<!doctype html><meta charset="utf-8"><main>${html}</main>`);
      assert.deepEqual(wordsOf(visibleText(`<main>${html}</main>`)), wordsOf(await shownTextOf(page)), html);
    }
    await page.close();
  },
);

/** Typed as the editor wrote the text (no stray space where a line was wrapped) or as a reader types it. */
const QUERIES = [
  "等等……后续再议",
  "阿卜杜勒·阿齐兹出席",
  "第①项和第⑵项",
  "零下5℃左右",
  "○圆圈项目",
  "破折号——后文",
  "会议要求：",
  "见第①项,面积120m2",
  "比例1/2与1/3",
  "比例尺1:500",
  "(1)本市行政区域;(2)相邻区域的1/2",
  "第(1)条",
  "(一)号工程管理办法(第viii版)",
  "一二人与统一字符",
  "コンピューター",
  "王𠀀 张𡈽",
  "家庭👨👩👧",
  "场地平面图(m2)",
  "单元格 换行",
  "*星号*",
];

test("the search page finds what the rendered text holds, typed as written", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);
