/**
 * A result's excerpt and marks show the page's text as the page shows it (docs/search.md, "What a
 * person gets"): found by the held-out corpus (bench/search-eval/heldout-corpus.ts, excerpt-check.ts).
 * The Worker's own functions, without a browser.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { excerptOf, matchRanges } from "../../src/assets/search-result.js";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { foldText, termsOf } from "../../src/search/tokens.ts";
import { TITLE_SPAN } from "../../src/assets/search-query.js";
import { LEAD_CHARS, escapeHtml, leadOf } from "../../src/search/doc-pieces.mjs";

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

test("an excerpt never cuts a character outside the BMP (𠀾, 👍) or an emoji sequence in two", () => {
  for (const filler of ["𠀾", "👍", "👨‍👩‍👧", "🇨🇳", "❤️"]) {
    for (let pad = 0; pad < 12; pad++) {
      const text = `${"字".repeat(pad)}${filler.repeat(80)}污水管网${filler.repeat(80)}`;
      const excerpt = excerptOf(text, termsOf("污水管网"));
      assert.ok(!LONE.test(excerpt), `${filler} ${pad}: ${JSON.stringify(excerpt.slice(0, 4))}`);
      const inner = excerpt.replace(/^…|…$/g, "");
      assert.ok(text.includes(inner), `${filler} ${pad}: the excerpt is the text's`);
      // Whole emoji sequences: the excerpt starts and ends between them.
      const ends = inner.split("污水管网");
      assert.equal(ends[0].length % filler.length, 0, `${filler} ${pad}: starts between characters`);
      assert.equal(ends[1].length % filler.length, 0, `${filler} ${pad}: ends between characters`);
    }
  }
});

test("a record's lead never ends in half a character", () => {
  for (let pad = 0; pad < 4; pad++) {
    const lead = leadOf("标题", [`标题\n${"字".repeat(pad)}${"𠀾".repeat(LEAD_CHARS)}`]);
    assert.ok(!LONE.test(lead), `${pad}: ${JSON.stringify(lead.slice(-2))}`);
    assert.ok(lead.length === LEAD_CHARS + 1 || lead.length === LEAD_CHARS + 2);
  }
});

test("an excerpt cut from a lead or a piece shows … where the page's text goes on", () => {
  const index = new SiteIndex("/pagefind/") as unknown as {
    leadExcerpt(record: unknown, terms: string[], at?: number): string | undefined;
  };
  const text = `标题\n${"开".repeat(60)}污水管网${"尾".repeat(300)}`;
  const record = { l: leadOf("标题", [text]), p: [["0", 0, TITLE_SPAN]] };
  // The match lies in the lead, its excerpt ends where the lead does: the text goes on.
  const excerpt = index.leadExcerpt(record, termsOf("污水管网"), TITLE_SPAN + 63);
  assert.ok(excerpt?.startsWith("…") && excerpt.endsWith("…"), excerpt);
  // A short page: its lead is all of its text, no … after it.
  const short = { l: leadOf("标题", ["标题\n第一条污水管网改造"]), p: [["0", 0, TITLE_SPAN]] };
  assert.equal(index.leadExcerpt(short, termsOf("污水管网"), TITLE_SPAN + 4), "第一条污水管网改造");
  // A page whose text after its title is LEAD_CHARS + 1 units (the line break before it counts as a
  // space): its lead is all of it, but reads as going on; the excerpt shows … only where it stops
  // before the text ends.
  for (const [fill, size] of [
    ["尾", 1],
    ["𠀾", 2],
  ] as const) {
    const body = `${"开".repeat(60)}污水管网${fill.repeat((LEAD_CHARS - 64) / size)}`;
    const edge = { l: leadOf("标题", [`标题\n${body}`]), p: [["0", 0, TITLE_SPAN]] };
    const shown = index.leadExcerpt(edge, termsOf("污水管网"), TITLE_SPAN + 60) ?? "";
    const inner = shown.replace(/^…/, "").replace(/…$/, "");
    assert.ok(body.includes(inner) && !LONE.test(inner), shown);
    assert.equal(shown.endsWith("…"), !body.endsWith(inner), `${fill}: ${shown}`);
  }
  // A piece after the first: text before it, and after it when it is not the last.
  assert.equal(excerptOf("污水管网改造", ["污水管网"], "", { before: true, after: true }), "…污水管网改造…");
  assert.equal(escapeHtml("a&b"), "a&amp;b");
});

test("a mark covers the whole character whose folding holds the term (Ⅲ folds to iii)", () => {
  assert.deepEqual(matchRanges("水质Ⅲ类", termsOf("Ⅱ")), [[2, 3]]);
  assert.deepEqual(matchRanges("面积１２８０㎡", termsOf("m2")), [[6, 7]]);
  assert.deepEqual(matchRanges("38.6㎞²以内", termsOf("km2")), [[4, 6]]);
  for (const [text, query] of [
    ["水质Ⅲ类", "Ⅱ"],
    ["⒈照明", "1."],
    ["㈠绿化", "(一)"],
  ]) {
    const [[a, b]] = matchRanges(text, termsOf(query));
    assert.ok(b > a && foldText(text.slice(a, b)).includes(termsOf(query)[0]), `${query} in ${text}`);
  }
});

test("variation selectors fold away: ❤️ is ❤, ☎️ is ☎, a CJK character with an ideographic variation selector is itself", () => {
  assert.equal(foldText("❤️澄川"), foldText("❤澄川"));
  assert.equal(foldText("☎️12345"), "☎12345");
  assert.equal(foldText("葛\u{E0100}城"), "葛城");
  assert.deepEqual(matchRanges("点赞❤️澄川", termsOf("❤澄川")), [[2, 6]]);
});

test("an excerpt from the record's lead is the one its first piece gives, to the character", () => {
  const index = new SiteIndex("/pagefind/") as unknown as {
    leadExcerpt(record: unknown, terms: string[], at?: number): string | undefined;
  };
  const fills = ["尾", "𠀾", "ab ", "👍", "　", "\n"];
  let fromLead = 0;
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let k = 0; k < 600; k++) {
    const filler = fills[next(fills.length)];
    const before = `${"开".repeat(next(40))}${filler.repeat(next(LEAD_CHARS / filler.length + 40))}`;
    const body = `${before}污水管网${filler.repeat(next(200))}`;
    const piece = `标题\n${body}`;
    const pieces = next(2) ? [piece] : [piece, "第二段"];
    const record = { l: leadOf("标题", pieces), p: pieces.map((_, i) => ["0", i, TITLE_SPAN + i * 1000]) };
    const shown = index.leadExcerpt(record, termsOf("污水管网"), TITLE_SPAN + before.length);
    if (shown === undefined) continue;
    fromLead++;
    assert.equal(
      shown,
      excerptOf(piece, termsOf("污水管网"), "标题", { after: pieces.length > 1 }),
      JSON.stringify(body),
    );
  }
  // Most matches here lie early enough for the lead.
  assert.ok(fromLead > 200, `${fromLead} of 600 from the lead`);
});
