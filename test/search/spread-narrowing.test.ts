/**
 * A pasted window across the lines of several templates (issue 14, "no request storms"): each line is on
 * half of 256 pages, and only their combination picks the page pasted from. Longest first, each line
 * was a batch of its own, every one of its bigrams a bucket, halving the pages each time (held-out 3k:
 * 30–50 buckets before a retyped window's few pages were left). One bigram from each of eight lines,
 * fetched at once, leaves the few pages holding all eight, whose text decides (search-spread.js
 * `narrowAcross`); a line repeated inside a longer one costs nothing (`impliedDropped`). Run on a
 * synthetic portal of 1,500 items, the Worker's own modules and `fetch` answered from disk and counted
 * (as count-requests.ts does); the results and their tiers are checked against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { planQuery } from "../../src/assets/search-query.js";
import {
  countedGramSite,
  matchedWithData,
  newsItems,
  pagesHoldingAll,
} from "../helpers/counted-gram-site.ts";

/** Two lines on every one of the PAGES pages (a form's heading and its note). */
const TEMPLATE = ["琥珀琉璃翡翠玛瑙珊瑚砗磲登记事项办理须知", "麒麟凤凰貔貅饕餮鲲鹏鸾鹤备案材料填写说明"];
/** Line k is on the pages whose number has bit k set: all eight on page 255 alone. */
const BITS = [
  "鼋鼍蛟螭甲项",
  "鹈鹕鸬鹚乙项",
  "鸳鸯鹧鸪丙项",
  "蝾螈蜥蜴丁项",
  "獬豸狻猊戊项",
  "鸲鹆鹡鸰己项",
  "蟋蟀螳螂庚项",
  "蚍蜉蝼蚁辛项",
];
const PAGES = 256;
/** The Worker's fetches for the query and its results' data, index.json included. */
const MOST_REQUESTS = 30;

const { root, folder, fetched } = await countedGramSite("gongkai-spread-", {
  prepare: (contentDir) => {
    const files = newsItems(contentDir);
    assert.ok(files.length >= PAGES, `${files.length} news items`);
    for (let j = 0; j < PAGES; j++) {
      const lines = [...TEMPLATE, ...BITS.filter((_, k) => j & (1 << k))];
      appendFileSync(files[j], `\n\n${lines.join("\n\n")}\n`);
    }
  },
});

test("a window across eight templates' lines: narrowed by one bigram of each at once, then read", async () => {
  // As pasted: the template, its lines, and the last line again, cut where the selection ended.
  const { terms } = planQuery([...TEMPLATE, ...BITS, BITS.at(-1)!.slice(0, 4)].join("\n")) as {
    terms: string[];
  };
  assert.equal(terms.length, TEMPLATE.length + BITS.length + 1);
  assert.equal(
    (await pagesHoldingAll(folder, TEMPLATE)).size,
    PAGES,
    "the template on the pages it was added to",
  );
  const holding = await pagesHoldingAll(folder, terms);
  assert.equal(holding.size, 1, "every line on one page alone");

  const files = await matchedWithData(terms, holding, fetched);
  assert.ok(files.length <= MOST_REQUESTS, `${files.length} requests: ${files.join(" ")}`);
  rmSync(root, { recursive: true, force: true });
});
