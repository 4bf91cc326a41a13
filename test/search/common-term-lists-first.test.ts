/**
 * A term of many common bigrams on few pages (a 发文字号 cited in a few documents, county 50k: eight
 * common bigrams, 2 pages) is proved from its bigrams' page lists (their buckets) and the positions of
 * the bigrams that narrow it, not by fetching every bigram's first positions file whole (docs/search.md,
 * "Twelfth round"). Run on the index of a synthetic portal of 1,500 items built with small shards, the
 * Worker's own modules and `fetch` answered from disk and counted; results checked against the text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { BREAK, gramsOfTerm } from "../../src/assets/search-stream.js";
import { TITLE_SPAN } from "../../src/assets/search-query.js";
import { wideSet } from "../../src/assets/search-index.js";
import { countedGramSite } from "../helpers/counted-gram-site.ts";

const { root, folder, fetched } = await countedGramSite("gongkai-lists-first-", { count: 2000 });

test("a term of eight common bigrams on few pages: its buckets, then only the positions that narrow it", async () => {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as {
    pages: number;
    wide?: string;
  };
  const wide = wideSet(manifest.wide);
  const index = await new SiteIndex("/pagefind/").open();
  const streams: string[] = [];
  for (let id = 0; id < manifest.pages; id++)
    streams.push(String.fromCodePoint(...(await index.streamOf(id))));
  // Fifteen characters (eight covering bigrams), every bigram common, on one to three pages: where
  // two of the synthetic text's sentences meet.
  let term: string | undefined;
  for (let id = 0; id < manifest.pages && !term; id += 7) {
    const text = streams[id];
    for (let at = TITLE_SPAN; at + 15 <= text.length && !term; at += 11) {
      const candidate = text.slice(at, at + 15);
      if (
        /\s/.test(candidate) ||
        candidate.includes(String.fromCodePoint(BREAK)) ||
        [...candidate].length !== 15
      )
        continue;
      const grams = gramsOfTerm(candidate);
      if (grams.length !== 8 || !grams.every((u: { key: number }) => wide.has(u.key))) continue;
      const pages = streams.filter((s) => s.includes(candidate)).length;
      if (pages <= 3) term = candidate;
    }
  }
  assert.ok(term, "a term of eight common bigrams on few pages");
  const keys = new Set(gramsOfTerm(term).map((u: { key: number }) => u.key));

  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, [term], {});
  assert.deepEqual(
    match.ids,
    streams.flatMap((s, id) => (s.includes(term) ? [id] : [])),
    "exactly the pages holding it",
  );
  const positions = fetched.filter((f) => /^x\/\d+-(\d+|h)\.gz$/.test(f));
  const heads = positions.filter((f) => keys.has(Number(/^x\/(\d+)-h/.exec(f)?.[1])));
  assert.ok(
    fetched.some((f) => f.startsWith("g/")),
    `its page lists from the buckets: ${fetched.join(" ")}`,
  );
  assert.ok(
    heads.length < keys.size,
    `not every bigram's first positions file (${heads.length} of ${keys.size})`,
  );
  rmSync(root, { recursive: true, force: true });
});
