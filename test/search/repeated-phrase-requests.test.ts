/**
 * A long phrase held by hundreds of pages (an attachment's name under every policy of a kind, a
 * boilerplate sentence: docs/search.md, "Fifteenth round"): none of its bigrams narrows the pages, so
 * every covering bigram's positions on all of them are needed. Each bigram's positions on those pages
 * are a few KB and stay in its bucket (`INLINE_POSITIONS`, 8 KB): one request a bigram, not its bucket
 * and then its positions file (2 KB before: 2 requests a bigram). Run on a synthetic portal of 1,500
 * items with a 40-character phrase of characters the synthetic text never uses added to a third of
 * the news items, the Worker's own modules and `fetch` answered from disk and counted; the results are checked
 * against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { codePoints, gramsOfTerm, hashOf } from "../../src/assets/search-stream.js";
import { anchorsOf, coverOf } from "../../src/assets/search-long.js";
import { countedGramSite, newsItems } from "../helpers/counted-gram-site.ts";

/** Thirty-nine characters (twenty covering bigrams), none of them in the synthetic portal's text. */
const PHRASE = "鹭洲湿地栈桥翡翠湾观鸟屿澄江码头琥珀巷梧桐驿枫溪渡口芦苇荡萤火虫谷松涛崖听泉阁";
/** The phrase with one character in its middle changed: on other pages, never a result. */
const NEAR = PHRASE.replace("梧", "桂");

const { root, folder, fetched } = await countedGramSite("gongkai-repeated-phrase-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    // One news item of three (a fifth of the pages: the bigrams' page lists stay sparse, so they are not
    // common grams fetched by their own files), the phrase six times at the end of its text (a
    // bigram's positions on those pages: 2–8 KB).
    const lines = `\n\n${Array(6).fill(PHRASE).join("\n\n")}\n`;
    files.forEach((f, k) => k % 3 === 0 && appendFileSync(f, lines));
    files.forEach((f, k) => k % 9 === 1 && appendFileSync(f, `\n\n${NEAR}\n`));
  },
});

test("a long phrase on hundreds of pages: one bucket a bigram, no positions file", async () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    pages: number;
    buckets: number;
  };
  const index = await new SiteIndex("/pagefind/").open();
  const holding: number[] = [];
  for (let id = 0; id < manifest.pages; id++)
    if (String.fromCodePoint(...(await index.streamOf(id))).includes(PHRASE)) holding.push(id);
  assert.ok(holding.length >= 250, `the phrase on ${holding.length} pages`);
  const grams = gramsOfTerm(PHRASE) as { key: number }[];
  assert.equal(grams.length, 20);
  const buckets = new Set(grams.map((u) => hashOf(u.key) % manifest.buckets));

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, [PHRASE], {});
  assert.deepEqual(match.ids, holding, "exactly the pages whose text holds the phrase");
  const matching = fetched.filter((f) => f !== "index.json");
  assert.deepEqual(
    matching.filter((f) => f.startsWith("x/")),
    [],
    "no positions file: the bigrams' positions on those pages are in their buckets",
  );
  assert.ok(matching.length <= buckets.size, `${matching.length} requests for ${buckets.size} buckets`);

  // The ten results shown: a record file and a text file each at most.
  fetched.length = 0;
  const shown = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, 10);
  await Promise.all(shown.map((id) => fresh.dataOf(id, [PHRASE], match.first.get(id))));
  assert.ok(fetched.length <= 20, `${fetched.length} requests for ten results`);
});

test("long grams: the phrase proved by a few of them, not by its twenty bigrams", async () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as { long?: number };
  assert.equal(manifest.long, 1, "index.json says the index keeps long grams");
  const index = await new SiteIndex("/pagefind/").open();
  for (const term of [PHRASE, NEAR, `${PHRASE.slice(3)}`]) {
    const holding: number[] = [];
    for (let id = 0; id < index.pages; id++)
      if (String.fromCodePoint(...(await index.streamOf(id))).includes(term)) holding.push(id);
    fetched.length = 0;
    const fresh = await new SiteIndex("/pagefind/").open();
    const match = await matchPages(fresh, [term], {});
    assert.deepEqual(match.ids, holding, `exactly the pages whose text holds ${term}`);
    if (term !== PHRASE) continue;
    const anchors = anchorsOf(codePoints(PHRASE));
    const matching = fetched.filter((f) => f !== "index.json");
    // Its long grams' buckets and those of the bigrams they leave; before, one bucket a bigram (20).
    const { rest } = coverOf(codePoints(PHRASE));
    assert.ok(anchors.length >= 2, `${anchors.length} long grams`);
    assert.ok(matching.length <= anchors.length + rest.length, `${matching.length} requests`);
    assert.ok(matching.length <= 8, `${matching.length} requests, not 20`);
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));
