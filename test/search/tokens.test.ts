import { test } from "node:test";
import assert from "node:assert/strict";
import {
  foldText,
  gramsOfTerm,
  pageStream,
  planQuery,
  termsOf,
  textMatches,
} from "../../src/search/tokens.ts";
import { codePoints } from "../../src/assets/search-stream.js";
import { TITLE_SPAN } from "../../src/assets/search-query.js";
import { indexShard } from "../../src/search/gram-shard.mjs";
import { eachListed, PositionTable, startsOn } from "../../src/assets/search-index.js";
import { piecesOf } from "../../src/search/doc-pieces.mjs";
import { random } from "../../bench/synthetic.ts";

/**
 * What the index answers for a page, through the real encoding (gram-shard.mjs) and decoding
 * (search-index.js): a term of one or two characters is listed under its gram; a longer one has
 * its covering bigrams at their offsets from one start (startsOn, as search-match.js uses it).
 */
function found(text: string, query: string): boolean {
  const plan = planQuery(query);
  if (plan.kind === "empty") return false;
  // The page's visible text starts with its title (the h1), which is also indexed first.
  const title = text.split("\n")[0];
  const shard = indexShard([{ title, pieces: piecesOf(text) }]);
  const table = (key: number): PositionTable | undefined => {
    const i = shard.keys.indexOf(key);
    if (i < 0) return undefined;
    const list = shard.bytes.subarray(i === 0 ? 0 : shard.posEnd[i - 1], shard.listEnd[i]);
    const ids: number[] = [];
    eachListed(list, 0, 1, (id) => ids.push(id));
    if (!ids.length) return undefined;
    return new PositionTable(1).add(shard.bytes.subarray(shard.listEnd[i], shard.posEnd[i]), ids, () => true);
  };
  return plan.terms.every((term) => {
    const grams = gramsOfTerm(term);
    // A term of one or two characters is its gram's list (unigrams have no positions).
    if (grams.length === 1) return shard.keys.indexOf(grams[0].key) >= 0;
    const tables = grams.map((g) => table(g.key));
    if (tables.some((t) => !t)) return false;
    return (
      startsOn(
        0,
        grams.map((g) => g.offset),
        tables as PositionTable[],
      ).length > 0
    );
  });
}

test("a query finds exactly the texts holding every term, folded", () => {
  const rand = random(7);
  // Full- and half-width, bracket variants, 〇/零, rare and astral characters, spaces, line breaks.
  const alphabet = [..."公务公开政许可，。、 \n　〔〕[]（）【】2023２０号aBＡé𠀾〇零5G５Ｇ"];
  const pick = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  for (let i = 0; i < 4000; i++) {
    const text = pick(5 + Math.floor(rand() * 40));
    const query = pick(1 + Math.floor(rand() * 5));
    const terms = termsOf(query);
    if (!terms.length) continue;
    const expected = terms.every((t) => foldText(text).replace(/\s+/gu, " ").includes(t));
    assert.equal(expected, textMatches(text, terms));
    assert.equal(found(text, query), expected, `text ${JSON.stringify(text)} query ${JSON.stringify(query)}`);
  }
});

test("known traps: across fields, reversed order, a number inside a longer one, a word on no page", () => {
  const text = "公务接待管理\n政务公开工作，办理行政许可事项。白政发〔2023〕12号";
  assert.ok(found(text, "公务"));
  assert.ok(found(text, "务公"));
  assert.ok(found(text, "白政发〔2023〕12号"));
  assert.ok(!found(text, "白政发〔2023〕1号"));
  assert.ok(!found(text, "白政发〔2023〕123号"));
  assert.ok(!found(text, "理政"), "管理 and 政务 are on two lines");
  assert.ok(!found(text, "作办"), "a comma between 工作 and 办理");
  assert.ok(!found(text, "许行"));
  assert.ok(!found(text, "疫情防控"));
});

test("forgiving: widths, case, brackets of a 发文字号, 〇/零, spaces as AND, quotes as a phrase", () => {
  const text =
    "标题\n推进５Ｇ基站建设，青政发〔2023〕5号。二〇二三年 秸秆综合利用，严禁露天焚烧；禁烧巡查。Windows 10";
  assert.ok(found(text, "5G"));
  assert.ok(found(text, "５g"));
  assert.ok(found("5G网络", "５Ｇ"));
  for (const q of [
    "青政发[2023]5号",
    "青政发［2023］5号",
    "青政发(2023)5号",
    "青政发（2023）5号",
    "青政发【2023】5号",
  ])
    assert.ok(found(text, q), q);
  assert.ok(!found(text, "青政发〔2023〕15号"));
  assert.ok(found(text, "二零二三年"));
  assert.ok(found(text, "二◯二三年"), "the large circle typed for 〇");
  assert.ok(found("二◯二三年", "二〇二三年"));
  assert.ok(found(text, "秸秆 禁烧"), "two terms apart");
  assert.ok(found(text, "禁烧　秸秆"), "a full-width space separates terms too");
  assert.ok(!found(text, "秸秆禁烧"), "one term is exact");
  assert.ok(found(text, '"秸秆综合"'));
  assert.ok(found(text, "“windows 10”"), "a quoted phrase keeps its space");
  assert.ok(!found(text, '"10 windows"'));
  assert.equal(planQuery(' " “” ').kind, "empty");
});

test("one character is searched in the whole text, punctuation included", () => {
  assert.ok(found("标题\n正文里有公务接待", "公"));
  assert.ok(!found("标题\n正文", "公"));
  assert.ok(found("标题\n第（一）项", "（一）"));
  assert.ok(!found("标题\n第一项", "（一）"));
});

test("a long text is cut into pieces whose streams, laid end to end, are the text's", () => {
  const rand = random(3);
  const alphabet = [..."公务公开政许可，。、 \n\n　〔〕ＡＢabc𠀾 ", "\u0301"];
  for (let i = 0; i < 20; i++) {
    const text = Array.from(
      { length: 9000 + Math.floor(rand() * 20000) },
      () => alphabet[Math.floor(rand() * alphabet.length)],
    ).join("");
    const pieces = piecesOf(text);
    assert.equal(pieces.join(""), text);
    assert.ok(pieces.length > 2 && pieces.every((p) => p.length <= 4000));
    const { stream, starts } = pageStream("标题", pieces);
    assert.deepEqual(stream.slice(TITLE_SPAN), codePoints(foldText(text)));
    assert.equal(starts[0], TITLE_SPAN);
  }
});

test("a long run without a line break or two ideographs is cut only where folding does not look across", () => {
  // Lower case and NFKC look at neighbours: Σ is ς at a word's end (ΑΣ|Α cut there folded to ας|α,
  // where the page's text has ασα); ｶ and ﾞ fold to ガ together; ᄀ ᅡ (jamo) to 가.
  for (const run of ["ΣΑΣ", "ΑΣ", "ｶﾞ", "ﾊﾟﾝ", "\u1100\u1161\u11a8", "Ab"]) {
    for (const lead of ["", "x", "公"]) {
      const text = `${lead}${run.repeat(Math.ceil(9000 / run.length))}`;
      const pieces = piecesOf(text);
      assert.equal(pieces.join(""), text);
      // Such a cut moves on past the 4,000th character to the first place it may be.
      assert.ok(pieces.length > 1 && pieces.every((p) => p.length <= 4016), run);
      const { stream } = pageStream("标题", pieces);
      assert.deepEqual(stream.slice(TITLE_SPAN), codePoints(foldText(text)), `${lead}${run}`);
    }
  }
});

test("a piece after a line break never starts with what folds to white space or to nothing before it", () => {
  // A zero-width space and a space, ¨ and ゛ (NFKC: a space and a mark), the Braille blank (a space):
  // the next piece's white space collapsed on its own gave two spaces where the text has one (adv49).
  for (const lead of ["\u200B ", "\u200B\u200B\u3000", "\u00A8x", "\u309Bx", "\u2800x", "\uFFFC x"]) {
    const text = `${"中".repeat(3000)}\n${lead}后文${"字".repeat(2000)}`;
    const pieces = piecesOf(text);
    assert.equal(pieces.join(""), text);
    assert.ok(pieces.length > 1, JSON.stringify(lead));
    const { stream } = pageStream("标题", pieces);
    assert.deepEqual(stream.slice(TITLE_SPAN), codePoints(foldText(text)), JSON.stringify(lead));
  }
});
