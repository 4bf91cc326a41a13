/**
 * A long name repeated under hundreds of pages with a number of its own in front (附件1：, 附件2：…, as an
 * attachment list has it), its start of the site's commonest bigrams (docs/search.md, "Eighteenth
 * round"): a long gram keeps what all its occurrences have around it, so one long gram inside the name
 * proves all of it. The name costs its sampled bigrams, two long grams and the bigram or two before
 * the one that proves it (7); before, 11 (long grams for its rare part, a bucket a bigram for the
 * rest). Run on a synthetic portal of 1,500 items, the Worker's own modules and `fetch` answered from
 * disk and counted; the results are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { foldText } from "../../src/assets/search-query.js";
import { gramsOfTerm } from "../../src/assets/search-stream.js";
import { countedGramSite, newsItems } from "../helpers/counted-gram-site.ts";

/** The name after its number: the site's own words first (白桦岭市, 2025年), then words it never uses. */
const NAME =
  "：白桦岭市2025年度鹭洲湿地栈桥翡翠湾观鸟屿改造项目（第Ⅱ批）琥珀巷梧桐驿资金安排明细（含萤火虫谷监测点位说明）";

const { root, fetched } = await countedGramSite("gongkai-long-phrase-reach-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    // Every other news item lists one to three such attachments, as a policy's list does.
    files.forEach((f, k) => {
      if (k % 2) return;
      const list = Array.from(
        { length: 1 + (k % 3) },
        (_, n) => `附件${n + 1}${NAME}${["", "📎", "𠀾"][k % 3]}`,
      );
      appendFileSync(f, `\n\n${list.join("\n\n")}\n`);
    });
  },
});

/** The pages whose text holds the term, and the requests (less index.json) its search made. */
async function search(term: string) {
  const index = await new SiteIndex("/pagefind/").open();
  const folded = foldText(term);
  const holding: number[] = [];
  for (let id = 0; id < index.pages; id++)
    if (String.fromCodePoint(...(await index.streamOf(id))).includes(folded)) holding.push(id);
  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, [folded], {});
  return { holding, ids: match.ids, requests: fetched.filter((f) => f !== "index.json") };
}

test("a long name on hundreds of pages, its start of common bigrams: a few requests, exact", async () => {
  for (const term of [`附件1${NAME}`, `附件3${NAME}`, NAME.slice(6, 50)]) {
    const { holding, ids, requests } = await search(term);
    assert.ok(holding.length >= 96, `${term} on ${holding.length} pages`);
    assert.deepEqual(ids, holding, `exactly the pages whose text holds ${term}`);
    const bigrams = gramsOfTerm(foldText(term)).length;
    assert.ok(requests.length <= 8, `${term}: ${requests.length} requests (${bigrams} covering bigrams)`);
  }
});

test("the name with one character changed, and a window across its end: exact", async () => {
  for (const term of [`附件2${NAME.replace("梧", "桂")}`, `${NAME.slice(20)}📎`]) {
    const { holding, ids } = await search(term);
    assert.deepEqual(ids, holding, `exactly the pages whose text holds ${term}`);
  }
});

test.after(() => rmSync(root, { recursive: true, force: true }));
