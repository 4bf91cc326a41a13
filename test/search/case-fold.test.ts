/**
 * Case folding as search compares text (search-query.js `foldText`): Unicode's full case folding
 * (CaseFolding.txt's C and F, not T), the same for a text and for any of its pieces, and the marks
 * of a result (search-result.js) on the page's own characters when folding changes the length.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { foldText, termsOf, textMatches } from "../../src/assets/search-query.js";
import { excerptOf, matchRanges } from "../../src/assets/search-result.js";

const UNASSIGNED = /\p{Cn}/u;
/** Node's own Unicode data: a character the full case folding would change. */
const FOLDS = /\p{Changes_When_Casefolded}/u;

test("every character folds to a text that case folding leaves alone, and folding it again changes nothing", () => {
  const wrong: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (UNASSIGNED.test(char)) continue;
    const folded = foldText(char);
    if (FOLDS.test(folded) || foldText(folded) !== folded) wrong.push(cp.toString(16));
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} characters`);
});

test("NFKC once more after lower case is needed only where foldText looks for it", () => {
  // search-query.js skips the second NFKC unless the text holds a mark of U+0300–036F (or a
  // character of its own table): so every letter lower-cased must be NFKC alone or hold such a mark,
  // and every composition whose base is a cased letter must be made of such marks.
  const MARK = /[\u0300-\u036F]/;
  const CASED = /\p{Cased}/u;
  const wrong: string[] = [];
  for (let cp = 0; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const char = String.fromCodePoint(cp);
    if (char.normalize("NFKC") === char) {
      const lower = char.toLowerCase();
      if (lower.normalize("NFKC") !== lower && !MARK.test(lower)) wrong.push(`lower ${cp.toString(16)}`);
    }
    if (char.normalize("NFC") !== char) continue;
    const [base, ...marks] = char.normalize("NFD");
    if (CASED.test(base) && marks.some((m) => !MARK.test(m))) wrong.push(`composed ${cp.toString(16)}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} characters`);
});

test("the F mappings of CaseFolding.txt, and the C ones lower case does not give", () => {
  const cases: [string, string][] = [
    ["ß", "ss"],
    ["ẞ", "ss"],
    ["ŉ", "ʼn"],
    ["ﬃ", "ffi"],
    ["ᾳ", "αι"],
    ["ᾼ", "αι"],
    ["ᾈ", "ἀι"],
    ["ᾷ", "ᾶι"],
    ["Σ", "σ"],
    ["ς", "σ"],
    ["\u0345", "ι"],
    ["ꭰ", "Ꭰ"],
    ["Ꭰ", "Ꭰ"],
    ["ᏸ", "Ᏸ"],
    ["ᲀ", "в"],
    // NFKC again after folding, as NFKC_Casefold: Ϊ́ lowered is ΐ, which composes to ΐ.
    ["Ϊ́", "ΐ"],
    ["ǰ", "ǰ"],
    ["J̌", "ǰ"],
    // Not the Turkic mappings, ı stays ı; İ is i and a combining dot, which foldText drops (held39).
    ["İ", "i"],
    ["ı", "ı"],
  ];
  for (const [text, folded] of cases) assert.equal(foldText(text), folded, text);
});

test("a final sigma folds as any sigma: a lower-case query finds ΟΔΟΣ, and strasse finds straße", () => {
  assert.ok(textMatches("ΟΔΟΣ ΑΘΗΝΩΝ", termsOf("οδοσ")), "οδοσ in ΟΔΟΣ ΑΘΗΝΩΝ");
  assert.ok(textMatches("ΟΔΟΣ ΑΘΗΝΩΝ", termsOf("οδος")), "οδος in ΟΔΟΣ ΑΘΗΝΩΝ");
  assert.ok(textMatches("η οδος", termsOf("ΟΔΟΣ")), "ΟΔΟΣ in η οδος");
  assert.ok(textMatches("Straße", termsOf("strasse")), "strasse in Straße");
  assert.ok(textMatches("STRASSE", termsOf("straße")), "straße in STRASSE");
  assert.ok(textMatches("straße", termsOf("STRASSE")), "STRASSE in straße");
  assert.ok(textMatches("STRAẞE", termsOf("Strasse")), "Strasse in STRAẞE");
  assert.ok(!textMatches("Strase", termsOf("straße")), "straße in Strase");
});

test("a text folds as its pieces do: no letter folds by what stands beside it", () => {
  const letters = [..."ΑΣΟΔσςΣßẞSsᾳᾼΙιꭰᎠİIiKkǅǄ"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 400; n++) {
    const text = Array.from(
      { length: 2 + Math.floor(next() * 12) },
      () => letters[Math.floor(next() * letters.length)],
    ).join("");
    for (let at = 1; at < text.length; at++)
      assert.equal(
        foldText(text.slice(0, at)) + foldText(text.slice(at)),
        foldText(text),
        `${text} at ${at}`,
      );
  }
});

test("marks and excerpts cover the page's own characters where folding changes the length", () => {
  const text = "Die Straße der Einheit, ΟΔΟΣ ΑΘΗΝΩΝ, Büro-Oﬃce, ŉ";
  const shown = (query: string) => matchRanges(text, termsOf(query)).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(shown("strasse"), ["Straße"]);
  assert.deepEqual(shown('"STRASSE der"'), ["Straße der"]);
  assert.deepEqual(shown("οδος"), ["ΟΔΟΣ"]);
  assert.deepEqual(shown("office"), ["Oﬃce"]);
  assert.deepEqual(shown("ʼn"), ["ŉ"]);
  // A term that is part of one character's folding marks that character (s of ß).
  assert.deepEqual(shown("aßs"), []);
  assert.deepEqual(shown("as"), ["aß"]);
  // Characters that fold longer before the match move nothing: the excerpt is around it.
  const long = `${"ß".repeat(60)}ΟΔΟΣ${"ß".repeat(200)}`;
  const excerpt = excerptOf(long, termsOf("οδοσ"));
  const [[a, b]] = matchRanges(excerpt, termsOf("οδοσ"));
  assert.equal(excerpt.slice(a, b), "ΟΔΟΣ");
  assert.equal(excerpt, `…${"ß".repeat(40)}ΟΔΟΣ${"ß".repeat(116)}…`);
});
