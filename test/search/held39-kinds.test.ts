/**
 * Text kinds an independent tester may type or publish (session 39, held39): invisible characters
 * inside words, spaces of every width, a letter and its combining mark, Turkish İ, ligatures,
 * superscripts, circled and Roman numerals, the wave dash and the middle dots, dashes, single
 * quotes, CJK compatibility ideographs, variation selectors, in a news body, a policy's fields and
 * Markdown shapes (bench/search-eval/held39-items.ts). The fold rules are checked on their own;
 * then the fixture site is built, each fixture page's indexed text is compared with what Chromium
 * shows, and the search page finds what the rendered text holds, for queries typed either way.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { foldText, termsOf, textMatches } from "../../src/search/tokens.ts";
import { matchRanges } from "../../src/assets/search-result.js";
import { HELD39_ITEMS } from "../../bench/search-eval/held39-items.ts";
import { assertFoundAsRendered, assertIndexedAsShown, useKindsSite } from "../helpers/kinds-fixture.ts";
import { noBrowser } from "../helpers/browser.ts";

/** [what a page shows, what a reader types]: each must find the other, both ways. */
const ALIKE: [string, string][] = [
  ["İstanbul", "istanbul"],
  ["İSTANBUL", "Istanbul"],
  ["i\u0307stanbul", "istanbul"],
  ["cafe\u200b\u0301", "café"],
  ["ｶ\u200bﾞｲﾄﾞ", "ガイド"],
  ["示\u034f范", "示范"],
  ["范\u3164区", "范区"],
  ["ᠮᠣ\u180bᠩ", "ᠮᠣᠩ"],
  ["9:00〜12:00", "9:00～12:00"],
  ["9:00〜12:00", "9:00~12:00"],
  ["阿卜杜勒·阿齐兹", "阿卜杜勒・阿齐兹"],
  ["阿卜杜勒·阿齐兹", "阿卜杜勒･阿齐兹"],
  ["约翰‧史密斯", "约翰·史密斯"],
  ["让•雅克", "让·雅克"],
  ["2260–2007", "2260-2007"],
  ["−3℃", "-3℃"],
  ["A‐12", "a-12"],
  ["2023―2025", "2023—2025"],
  ["Xi’an", "xi'an"],
  ["‘高效’", "'高效'"],
];

/** Typed and shown alike already on main: kept so a fold change cannot lose them. */
const STILL: [string, string][] = [
  ["乡\u200b村\u200c振\ufeff兴\u2060示\u00ad范", "乡村振兴示范"],
  ["café", "cafe\u0301"],
  ["ﬁnance", "finance"],
  ["120m²", "120m2"],
  ["第①项", "第1项"],
  ["第Ⅱ期", "第ii期"],
  ["\uf900\ufa10", "豈塚"],
  ["葛\u{e0100}藤", "葛藤"],
  ["❤️", "❤"],
  ["空格一\u00a0空格二\u3000空格三\u2009空格四", '"空格一 空格二 空格三 空格四"'],
];

test("look-alike characters, İ, and invisible characters between a letter and its mark fold alike", () => {
  for (const [shown, typed] of [...ALIKE, ...STILL]) {
    assert.ok(textMatches(shown, termsOf(typed)), `${typed} finds ${shown}`);
    assert.ok(textMatches(typed.replace(/"/g, ""), termsOf(shown)), `${shown} finds ${typed}`);
  }
  // Distinct letters stay distinct: dotless ı is not i, 〜 is not a hyphen, · is not a full stop.
  assert.ok(!textMatches("ıspanak", termsOf("ispanak")));
  assert.ok(!textMatches("9:00-12:00", termsOf("9:00~12:00")));
  assert.ok(!textMatches("阿.齐", termsOf("阿·齐")));
  assert.equal(foldText("İ"), "i");
});

test("every default-ignorable character is dropped, as NFKC_Casefold drops it, and nothing folds to one", () => {
  const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
  const kept: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (/\p{Cn}/u.test(char)) continue;
    const folded = foldText(char);
    if ((IGNORABLE.test(char) && folded !== "") || IGNORABLE.test(folded)) kept.push(cp.toString(16));
  }
  assert.deepEqual(kept, []);
});

test("a result's marks cover a letter with its mark, and what an invisible character split", () => {
  const marks = (text: string, typed: string) =>
    matchRanges(text, termsOf(typed)).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(marks("咖啡馆cafe\u0301与Café", "café"), ["cafe\u0301", "Café"]);
  assert.deepEqual(marks("店名cafe\u200b\u0301馆", "café馆"), ["cafe\u200b\u0301馆"]);
  assert.deepEqual(marks("来自İSTANBUL", "istanbul"), ["İSTANBUL"]);
  assert.deepEqual(marks("ｶ\u200bﾞｲﾄﾞ", "ガイド"), ["ｶ\u200bﾞｲﾄﾞ"]);
});

const FIXTURES = [
  "/news/2026/held39-a/",
  "/policies/2025/held39-p/",
  "/guides/held39-g/",
  "/videos/2026/held39-v/",
];
const site = useKindsSite("held39", (contentDir) => {
  for (const [rel, text] of Object.entries(HELD39_ITEMS)) writeFileSync(path.join(contentDir, rel), text);
});

test("each fixture page's indexed text is the text Chromium shows, word for word", { skip: noBrowser }, () =>
  assertIndexedAsShown(site.browser, site.url, site.shown, FIXTURES),
);

/** Typed as a reader would, each finding a fixture page (and every other page whose text holds it). */
const QUERIES = [
  "istanbul",
  "ISTANBUL 友好城市",
  "izmir友城",
  "café馆",
  "cafe\u0301",
  "9:00~12:00",
  "阿卜杜勒・阿齐兹",
  "让·雅克",
  "2260-2007",
  "-3℃",
  "xi'an",
  "'高效'",
  "区域合作办法(2023—2025年)",
  "(2023~2025年).pdf",
  "乡村振兴示范区",
  "友好城市签约仪式",
  "第ii期",
  "空格四 空格五",
  "验原件~当场退回",
  "约翰·史密斯·类",
  "护照复印件",
  "13:30～17:00",
  "9:00~21:00",
  "ISTANBUL友好城市的冰雪 大世界",
];

test("the search page finds what the rendered text holds, typed either way", { skip: noBrowser }, () =>
  assertFoundAsRendered(site.browser, site.url, site.shown, FIXTURES, QUERIES),
);

/**
 * A hash of foldText over each block of 4,096 code points, as a script to run in Node and in the
 * browser: the index folds with Node's Unicode data (NFKC, lower case, \p{Cf}), the Worker with the
 * browser's, and a character one folds and the other does not would be found on one side only.
 */
const FOLD_BLOCKS = (source: string) => `(() => { ${source.replace(/export /g, "")}
  const blocks = [];
  for (let start = 0; start < 0x110000; start += 4096) {
    let h = 0;
    for (let cp = start; cp < start + 4096; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const f = foldText(String.fromCodePoint(cp));
      for (let i = 0; i < f.length; i++) h = (Math.imul(h, 31) + f.charCodeAt(i)) | 0;
      h = (Math.imul(h, 31) + 7) | 0;
    }
    blocks.push(h);
  }
  return blocks;
})()`;

test("Chromium folds every code point as Node does", { skip: noBrowser }, async () => {
  const source = readFileSync(new URL("../../src/assets/search-query.js", import.meta.url), "utf8");
  const script = FOLD_BLOCKS(source);
  const inNode = (0, eval)(script) as number[];
  const page = await site.browser.newPage();
  const inBrowser = await page.evaluate<number[]>(script);
  await page.close();
  const differ = inNode.flatMap((h, i) => (h === inBrowser[i] ? [] : [(i * 4096).toString(16)]));
  assert.deepEqual(differ, [], `blocks folded differently (Node Unicode ${process.versions.unicode})`);
});
