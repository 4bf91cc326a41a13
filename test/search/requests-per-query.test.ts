/**
 * The requests a search makes (docs/search.md, "Eleventh round"): a term whose every covering bigram
 * is common (index.json `wide`) fetches each bigram's first positions file alone (it holds the
 * gram's part), without its bucket — the longest title here is a long term, proved by a sample of at
 * most five bigrams (a term of more than five, all fetched, fetches their buckets first since the
 * twelfth round: common-term-lists-first.test.ts); a result matched in its title shows the opening of its text,
 * kept in its record, and fetches no text file. Run on the index of a synthetic portal of 1,500
 * items (enough pages for common bigrams' positions to outgrow their part), built with small shards,
 * with the Worker's own modules and `fetch` answered from disk and counted; the results are checked
 * against every page's text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { gramsOfTerm } from "../../src/assets/search-stream.js";
import { foldText } from "../../src/assets/search-query.js";
import { wideSet } from "../../src/assets/search-index.js";
import { countedGramSite } from "../helpers/counted-gram-site.ts";

const { root, folder, fetched } = await countedGramSite("gongkai-requests-", { count: 3000 });

test("a term of common bigrams: one file per bigram, no bucket; title matches fetch no text file", async () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    pages: number;
    wide?: string;
  };
  const wide = wideSet(manifest.wide);
  assert.ok(wide.size > 0, "index.json lists the grams with positions files");
  // The longest page title (folded) of at least four covering bigrams, every one with positions files.
  const index = await new SiteIndex("/pagefind/").open();
  const titles = new Set<string>();
  for (let id = 0; id < manifest.pages; id++) titles.add(foldText((await index.record(id)).meta.title));
  const term = [...titles]
    .filter((t) => !/[\s&]/.test(t) && gramsOfTerm(t).length >= 4)
    .filter((t) => gramsOfTerm(t).every((u: { key: number }) => wide.has(u.key)))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
  assert.ok(term, "a title of common bigrams");
  const keys = new Set(gramsOfTerm(term).map((u: { key: number }) => u.key));

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, [term], {});
  const matching = fetched.filter((f) => f !== "index.json");
  assert.deepEqual(
    matching.filter((f) => f.startsWith("g/")),
    [],
    `no bucket fetched for ${term}`,
  );
  const own = (f: string) => /^x\/(\d+)-(\d+|h)\.gz$/.exec(f)?.[1];
  assert.ok(
    matching.every((f) => keys.has(Number(own(f)))),
    `only the bigrams' positions files: ${matching.join(" ")}`,
  );
  for (const key of keys) assert.ok(matching.includes(`x/${key}-h.gz`), `x/${key}-h.gz`);
  const groups = readdirSync(path.join(folder, "x")).filter((f) => keys.has(Number(own(`x/${f}`))));
  assert.ok(matching.length <= groups.length, `${matching.length} requests, ${groups.length} files`);

  // Exactly the pages whose text holds the term.
  const holding: number[] = [];
  for (let id = 0; id < manifest.pages; id++) {
    const stream = String.fromCodePoint(...(await index.streamOf(id)));
    if (stream.includes(term)) holding.push(id);
  }
  assert.deepEqual(match.ids, holding);

  // The results matched in their title: their records, no text file.
  const inTitle = match.ids.filter((id: number) => match.tier[id] === 0).slice(0, 10);
  assert.ok(inTitle.length > 0);
  fetched.length = 0;
  const shown = await Promise.all(inTitle.map((id: number) => fresh.dataOf(id, [term], match.first.get(id))));
  assert.deepEqual(
    fetched.filter((f) => f.startsWith("t/")),
    [],
    "no text file for a title match",
  );
  for (const data of shown as { meta: { text: string } }[])
    assert.ok(data.meta.text.length > 0, "an excerpt");
  assert.ok(existsSync(folder));
  rmSync(root, { recursive: true, force: true });
});
