/**
 * Where an excerpt may be cut (`boundary`, search-result.js): without a segmenter between two
 * characters that join nothing, with one elsewhere — the same places as Intl.Segmenter's graphemes
 * for text that mixes the two (search31: the segmenter is made only when such text is met).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ALONE, boundary } from "../../src/assets/search-result.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "grapheme" });
const byGraphemes = (text: string, i: number) =>
  i <= 0 || i >= text.length ? i : (segmenter.segment(text).containing(i)?.index ?? i);

/** Characters that join nothing, and ones that do (marks, joiners, selectors, pairs, flags, controls). */
const PLAIN = [
  "a",
  "Z",
  "5",
  " ",
  "~",
  "—",
  "“",
  "”",
  "…",
  "‧",
  "　",
  "、",
  "〕",
  "〩",
  "〱",
  "〼",
  "一",
  "鿿",
  "！",
  "～",
  "Ⅱ",
  "①",
  "㎡",
  "μ",
  "é",
  "©",
  "‰",
  "℃",
  "○",
  "ア",
  "ㄅ",
];
const JOINING = [
  "\u0301",
  "\u200d",
  "\ufe0f",
  "\u200b",
  "\u2028",
  "\u302a",
  "\u302f",
  "〰",
  "〽",
  "\r",
  "\n",
  "\u0600",
  "𠀾",
  "👍",
  "👨‍👩‍👧",
  "🇨🇳",
  "❤️",
  "\u{1f3fb}",
  "क्",
  "ष",
  "\u0e33",
  "\uff9e",
  "ｶ",
  "\u1100",
  "\u1161",
  "\u00ad",
];

test("boundary cuts where Intl.Segmenter's graphemes do, in text mixing plain and joining characters", () => {
  let seed = 31;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = 0; round < 3000; round++) {
    let text = "";
    const length = 1 + random(24);
    for (let k = 0; k < length; k++)
      text += random(3) ? PLAIN[random(PLAIN.length)] : JOINING[random(JOINING.length)];
    for (let i = 0; i <= text.length; i++)
      assert.equal(boundary(text, i), byGraphemes(text, i), `${JSON.stringify(text)} at ${i}`);
  }
});

test("boundary between plain characters is the index itself", () => {
  const text = "污水管网“提标改造”工程——总投资1,200万元……（一）";
  for (let i = 0; i <= text.length; i++) assert.equal(boundary(text, i), i);
});

test("every unit ALONE lists joins no neighbour: Intl.Segmenter breaks on both sides of it", () => {
  // Beside an ideograph, itself, a Hangul vowel and after a Hangul lead: a mark, joiner, prepended
  // or regional character, or a jamo or syllable, would not break on one of these sides.
  const probes = (u: string) => [`一${u}`, `${u}一`, `${u}${u}`, `${u}\u1161`, `\u1100${u}`, `${u}\u11a8`];
  for (const [first, last] of ALONE)
    for (let unit = first; unit <= last; unit++) {
      const u = String.fromCharCode(unit);
      for (const text of probes(u))
        assert.equal(
          [...segmenter.segment(text)].length,
          2,
          `U+${unit.toString(16)} in ${JSON.stringify(text)}`,
        );
    }
});
