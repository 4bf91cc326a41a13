/**
 * A synthetic portal of 1,500 items (enough pages for common bigrams' positions to outgrow their
 * part) built with small search shards, and `fetch` answered from its `pagefind/` folder on disk,
 * each file it is asked for noted: the requests a search makes, counted without a browser.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { generateSyntheticPortal } from "../../bench/synthetic.ts";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { codePoints, tierOfPosition } from "../../src/assets/search-stream.js";
import { samplePortal } from "./sample-portal.ts";

/** The generated corpus's news items, absolute paths in name order: where the fixtures add their text. */
export const newsItems = (contentDir: string): string[] => {
  const news = path.join(contentDir, "news");
  return readdirSync(news, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => path.join(news, f));
};

export interface CountedGramSite {
  /** The temporary folder holding the corpus and the site (the caller removes it). */
  root: string;
  /** The built site's `pagefind/` folder. */
  folder: string;
  /** The files `fetch` was asked for since the site was built, relative to `folder`. */
  fetched: string[];
}

/**
 * `count`: items (common bigrams' positions outgrow the 8 KB kept in their bucket, and get positions files, from about 2,000);
 * `prepare`: changes the generated corpus before the build (a fixture's own text).
 */
export async function countedGramSite(
  prefix: string,
  { count = 1500, prepare }: { count?: number; prepare?: (contentDir: string) => void } = {},
): Promise<CountedGramSite> {
  const parts = { pages: defaultPageSources, steps: [searchIndexStep({ shardPages: 512, workers: 1 })] };
  const { site } = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const contentDir = path.join(root, "content");
  generateSyntheticPortal(site, contentDir, { count });
  prepare?.(contentDir);
  const out = path.join(root, "site");
  await buildSite({ site, contentDir, outDir: out, now: Date.UTC(2026, 0, 1), parts });
  const folder = path.join(out, "pagefind");
  const fetched: string[] = [];
  globalThis.fetch = ((url: string) => {
    const file = new URL(url, "http://x/").pathname.replace(/^\/pagefind\//, "");
    fetched.push(file);
    return Promise.resolve(new Response(readFileSync(path.join(folder, file))));
  }) as typeof fetch;
  return { root, folder, fetched };
}

/**
 * Every page of the site in `folder` whose text holds every term, with its tier (the furthest of the
 * terms' first occurrences), read from each page's stream: the truth a query's results are checked by.
 */
export async function pagesHoldingAll(folder: string, terms: string[]): Promise<Map<number, number>> {
  const manifest = JSON.parse(readFileSync(path.join(folder, "index.json"), "utf8")) as { pages: number };
  const index = await new SiteIndex("/pagefind/").open();
  const holding = new Map<number, number>();
  for (let id = 0; id < manifest.pages; id++) {
    const stream = String.fromCodePoint(...(await index.streamOf(id)));
    const at = terms.map((t) => stream.indexOf(t));
    if (at.every((a) => a >= 0))
      holding.set(id, Math.max(...at.map((a) => tierOfPosition(codePoints(stream.slice(0, a)).length))));
  }
  return holding;
}

/**
 * A query's results, from a fresh index, checked against `holding` (pagesHoldingAll: the pages and their
 * tiers), with the results' data (records and excerpts) fetched as the page asks for them: the files
 * fetched meanwhile (`fetched`, the site's list, emptied first).
 */
export async function matchedWithData(
  terms: string[],
  holding: Map<number, number>,
  fetched: string[],
): Promise<string[]> {
  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, terms, {});
  assert.deepEqual(match.ids, [...holding.keys()], "exactly the pages whose text holds every term");
  for (const [id, tier] of holding) assert.equal(match.tier[id], tier, `page ${id}'s tier`);
  await Promise.all(match.ids.map((id) => fresh.dataOf(id, terms, match.first.get(id))));
  return fetched.slice();
}

/** Results the search page shows with their data (search-start.js `PAGE_SIZE`). */
const SHOWN = 10;

/**
 * As matchedWithData, the data fetched for the first ten results in the page's order only (by tier,
 * then id), as the page asks; `passage`: the query as typed (search-query.js), posted beside its terms.
 */
export async function shownWithData(
  terms: string[],
  holding: Map<number, number>,
  fetched: string[],
  passage?: string,
): Promise<string[]> {
  fetched.length = 0;
  const fresh = await new SiteIndex("/pagefind/").open();
  const match = await matchPages(fresh, terms, {}, passage);
  assert.deepEqual(match.ids, [...holding.keys()], "exactly the pages whose text holds every term");
  for (const [id, tier] of holding) assert.equal(match.tier[id], tier, `page ${id}'s tier`);
  const shown = [...match.ids].sort((a, b) => match.tier[a] - match.tier[b] || a - b).slice(0, SHOWN);
  await Promise.all(shown.map((id) => fresh.dataOf(id, terms, match.first.get(id))));
  return fetched.slice();
}
