/**
 * adv49's independent check (bench/search-eval/adv49-items.ts): text copied from Word, WPS, a Mac
 * or a phone holds U+FFFC where a picture or an embedded file was, which Chromium draws as nothing,
 * and the Braille blank U+2800 as a filler that draws as a space; both are found as the reader sees
 * them. The other new shapes — money, phone numbers and dates typed several ways, ℃ and Ⅲ,
 * Mongolian and Uyghur, 公文 containers, a URL as a link's text, raw HTML an editor pastes — on a
 * news item, a letter, a guide, an organ's page and its 年报, are indexed as Chromium shows them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ADV49_APPENDS, ADV49_ITEMS } from "../../bench/search-eval/adv49-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";
import { foldText, termsOf, textMatches } from "../../src/search/tokens.ts";
import { matchRanges } from "../../src/assets/search-result.js";

const FIXTURES = [
  "/news/2026/adv49-n/",
  "/letters/2026/adv49-l/",
  "/guides/adv49-g/",
  "/organs/luming/",
  "/open/luming/reports/2025/",
];
const site = useKindsSite("adv49", (contentDir) => {
  for (const [rel, text] of Object.entries(ADV49_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
  for (const [rel, text] of Object.entries(ADV49_APPENDS)) appendFileSync(path.join(contentDir, rel), text);
});

test("U+FFFC folds to nothing and the Braille blank to a space; a mark covers what they split", () => {
  assert.equal(foldText("签字\uFFFC盖章"), "签字盖章");
  assert.equal(foldText("\uFFFC"), "");
  assert.equal(foldText("盲文\u2800空白"), "盲文 空白");
  assert.deepEqual(termsOf("盲文\u2800空白"), ["盲文", "空白"]);
  assert.ok(textMatches("申请表须签字\uFFFC盖章", termsOf("签字盖章")));
  assert.ok(textMatches("盲文空白\u2800填充之后", termsOf('"盲文空白 填充之后"')));
  assert.deepEqual(matchRanges("须签字\uFFFC盖章", termsOf("签字盖章")), [[1, 6]]);
  // What looks like them stays itself: the replacement character � marks text that was lost.
  assert.equal(foldText("\uFFFD"), "\uFFFD");
});

test("Chromium draws U+FFFC as nothing and the Braille blank as a blank", { skip: noBrowser }, async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}news/2026/adv49-n/`);
  // A string, not a function: the compiled test's helper names would not exist in the page.
  const drawn = await page.evaluate<{ object: number; blank: number; ink: boolean }>(`(() => {
    const main = document.querySelector("main");
    const widthOf = (char) => {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(char);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect().width;
      }
      return -1;
    };
    // Ink of the Braille blank in the page's own font.
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 64;
    const g = canvas.getContext("2d");
    g.font = "32px " + getComputedStyle(main).fontFamily;
    g.fillText("\u2800", 8, 40);
    const ink = g.getImageData(0, 0, 64, 64).data.some((v, i) => i % 4 === 3 && v > 0);
    return { object: widthOf("\uFFFC"), blank: widthOf("\u2800"), ink };
  })()`);
  await page.close();
  assert.equal(drawn.object, 0, "U+FFFC takes no room");
  assert.ok(drawn.blank > 0, "the Braille blank takes room");
  assert.equal(drawn.ink, false, "the Braille blank draws nothing");
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

const QUERIES = [
  // U+FFFC where a picture or an embedded file was: typed as it shows, without it.
  "签字盖章",
  "见下图所示",
  "附件样式以原件为准",
  "关于公交线路数据开放的建议",
  "申请人须签字盖章",
  "签字盖章的文件以原件为准",
  "申请表须签字盖章",
  // The Braille blank, a space as it shows.
  '"盲文空白 填充之后"',
  // References to 0x80–0x9F in Markdown text, as a browser shows them.
  "0482-7121251",
  "xi'an...",
  "“十四五”。",
  // Shapes that already held, kept as guards.
  "1,000.50万元",
  "１，０００．５０万元",
  "增长12.5%",
  "0482-7121246",
  "0482‐7121247",
  "0482—7121248",
  "(0482)7121249",
  "零下3℃",
  "18°C~25°C",
  "第III季度",
  "第一行文字 第二行文字",
  "ᠮᠣᠩᠭᠣᠯ\u202Fᠤᠨ",
  "ᠬᠠᠭᠠᠨᠠ",
  "ئۇيغۇر تىلى",
  "baihualing.gov.cn/政务公开",
  "shuju＠baihualing.gov.cn",
  "原定于五月开放改为六月开放",
  "数据每季度更新一次",
  "各街道办事处，市政府各部门",
  "2. 公共数据开放申请表",
  "白桦岭市生态环境局 2026年4月12日",
  "贯彻执行。　　一、开放范围",
  "镇政府驻地海拔1020m",
  "ᠪᠤᠭᠤ ᠶᠢᠨ",
  "全年收取信息处理费1,200.00元",
  "白桦岭市政务服务中心　三楼　东侧",
  "工作日 8:30-12:00",
  "预计2026年第Ⅲ季度上线",
];

test("the search page finds what the rendered text holds", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);
