import { test } from "node:test";
import assert from "node:assert/strict";
import { indexTokens, planQuery, textContains } from "../../src/search/tokens.ts";
import { random } from "../../bench/synthetic.ts";

/** Pagefind's exact search, as pagefind_web does it: the phrase's words at consecutive positions. */
function phraseMatches(stream: string, pagefindQuery: string): boolean {
  const words = stream.split(" ");
  const phrase = pagefindQuery.replace(/^"|"$/g, "").split(" ");
  return words.some((_, i) => phrase.every((w, j) => words[i + j] === w));
}

function found(text: string, query: string): boolean {
  const plan = planQuery(query);
  if (plan.kind === "empty") return false;
  if (!phraseMatches(indexTokens(text), plan.pagefind)) return false;
  return plan.verify === undefined || textContains(text, plan.verify);
}

test("a query finds exactly the texts that contain it", () => {
  const rand = random(7);
  // Rare and astral characters (𠀾, ＡＢ, é) take the long token form.
  const alphabet = [..."公务公开政许可行低保食品安全，。、 〔〕2023号aB𠀾Ａé"];
  const pick = (n: number) =>
    Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  for (let i = 0; i < 3000; i++) {
    const text = pick(5 + Math.floor(rand() * 40));
    const query = pick(1 + Math.floor(rand() * 4));
    if (!/[\p{L}\p{N}]/u.test(query)) continue; // nothing searchable
    const expected = text.toLowerCase().includes(query.toLowerCase().trim());
    assert.equal(found(text, query), expected, `text ${JSON.stringify(text)} query ${JSON.stringify(query)}`);
  }
});

test("known traps: across punctuation, across fields, reversed order, a word on no page", () => {
  const text = "公务接待管理\n政务公开工作，办理行政许可事项。白政发〔2023〕12号";
  assert.ok(found(text, "公务"));
  assert.ok(found(text, "务公"));
  assert.ok(found(text, "行政许可"));
  assert.ok(found(text, "白政发〔2023〕12号"));
  assert.ok(!found(text, "白政发〔2023〕1号"));
  assert.ok(!found(text, "白政发〔2023〕123号"));
  assert.ok(!found(text, "理政"), "管理 and 政务 are on two lines");
  assert.ok(!found(text, "作办"), "comma between 工作 and 办理");
  assert.ok(!found(text, "许行"));
  assert.ok(!found(text, "疫情防控"));
});

test("one character is searched in the whole text, exactly", () => {
  assert.ok(found("标题\n正文里有公务接待", "公"));
  assert.ok(!found("标题\n正文", "公"));
  assert.equal(planQuery(" ，。 ").kind, "empty");
});

test("the index tokens are ASCII, so Pagefind's query segmentation cannot split them", () => {
  assert.match(indexTokens("行政许可 abc 123 𠀾"), /^[0-9a-z ]+$/);
  const plan = planQuery("行政许可");
  assert.match(plan.kind === "search" ? plan.pagefind : "", /^"[0-9a-z ]+"$/);
});
