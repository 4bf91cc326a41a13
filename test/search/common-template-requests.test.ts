/**
 * A table header of the site's commonest words, pasted whole (issue 14, "no request storms"): its lines
 * are on hundreds of pages, and the same words fill those pages' other paragraphs in other orders, so each
 * of its bigrams keeps its positions apart from its bucket in every shard. A shard kept no long gram over
 * more than one such bigram (`NOT_INLINE` 1, gram-long.mjs), so the header was proved a bigram a bucket.
 * Long grams now cover any window repeated on LONG_PAGES of a shard's pages. Run on a synthetic portal of
 * 1,500 items, the Worker's own modules and `fetch` answered from disk and counted (count-requests.ts);
 * the results and their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { planQuery } from "../../src/assets/search-query.js";
import { countedGramSite, newsItems, pagesHoldingAll, shownWithData } from "../helpers/counted-gram-site.ts";

/** The header's lines. */
const HEADER = [
  "序号",
  "项目名称",
  "建设单位",
  "建设地点",
  "建设规模及内容",
  "总投资（万元）",
  "开工时间",
  "完工时间",
  "责任单位",
];
/** Pages the header is on (at least 96 in each shard of 512). */
const PAGES = 330;
/** The header's words, in other orders, on each of those pages: its bigrams' positions outgrow their bucket. */
const FILLER = Array.from({ length: 24 }, (_, k) => {
  const words = HEADER.map((_, i) => HEADER[(i * 5 + k) % HEADER.length]);
  return words.join(k % 2 ? "，" : "、") + "。";
}).join("");
/** The Worker's fetches for the query and its first ten results' data, index.json included. */
const MOST_REQUESTS = 24;

const { root, folder, fetched } = await countedGramSite("gongkai-common-template-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    for (let i = 0; i < PAGES; i++)
      appendFileSync(
        files[Math.floor((i * files.length) / PAGES)],
        `\n\n${HEADER.join("\n\n")}\n\n${FILLER}\n`,
      );
  },
});

test("a table header of common bigrams pasted whole, on 330 pages: found within 24 requests", async () => {
  const { terms, passage } = planQuery(HEADER.join("\n")) as { terms: string[]; passage: string };
  const holding = await pagesHoldingAll(folder, terms);
  assert.equal(holding.size, PAGES, "the header on the pages it was added to alone");

  const requests = await shownWithData(terms, holding, fetched, passage);
  assert.ok(
    requests.length <= MOST_REQUESTS,
    `${requests.length} requests for ${terms.length} terms: ${requests.join(" ")}`,
  );
  rmSync(root, { recursive: true, force: true });
});
