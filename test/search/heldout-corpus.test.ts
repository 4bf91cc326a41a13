/**
 * The held-out check (docs/search.md, "The held-out corpus") as a regression test: a small build of
 * bench/search-eval/heldout-corpus.ts (tables with <br>, nested lists, raw HTML, entities, characters
 * outside the BMP, emoji, full-width text, units, circled and Roman numbers …) with small search shards,
 * and every query of heldout-queries.txt run by the Worker's own modules over its index (`fetch`
 * answered from disk): the results are exactly the pages whose rendered text holds the query, and each
 * result's excerpt is the page's text, cut between whole characters, with every mark on a term. In
 * Chromium (when there is one), pages of every type show the words the index holds.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { versionedAssetsStep } from "../../src/build/versioned-assets-step.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { visibleText } from "../../src/search/visible-text.mjs";
import { outputFileOf } from "../../src/eleventy/virtual-pages.ts";
import { foldText, planQuery, termsOf } from "../../src/search/tokens.ts";
import { SiteIndex } from "../../src/assets/search-site-index.js";
import { matchPages } from "../../src/assets/search-match.js";
import { plainMeta } from "../../src/assets/search-result.js";
import { generateHeldoutCorpus, heldoutSite } from "../../bench/search-eval/heldout-corpus.ts";
import { samplePortal, ROOT } from "../helpers/sample-portal.ts";
import { serveStatic } from "../helpers/serve.ts";
import { launchBrowser, noBrowser } from "../helpers/browser.ts";
import { shownTextOf, wordsOf } from "../helpers/shown-text.ts";

const { site: sample } = await samplePortal();
const site = heldoutSite(sample);
const root = mkdtempSync(path.join(tmpdir(), "gongkai-heldout-"));
after(() => rmSync(root, { recursive: true, force: true }));
const contentDir = path.join(root, "content");
const out = path.join(root, "site");
generateHeldoutCorpus(site, contentDir, { count: 240 });
// The versioned stylesheets the pages link: without them Chromium shows what the site's CSS hides.
const steps = [versionedAssetsStep, searchIndexStep({ shardPages: 64, workers: 1 })];
const parts = { pages: defaultPageSources, steps };
await buildSite({ site, contentDir, outDir: out, now: Date.UTC(2030, 0, 1), parts });
const folder = path.join(out, "pagefind");
globalThis.fetch = ((url: string) => {
  const file = decodeURIComponent(new URL(url, "http://x/").pathname.replace(/^\/pagefind\//, ""));
  return Promise.resolve(new Response(readFileSync(path.join(folder, file))));
}) as typeof fetch;

const index = await new SiteIndex("/pagefind/").open();
const pages: { url: string; shown: string; text: string }[] = [];
for (let id = 0; id < index.pages; id++) {
  const { url } = await index.record(id);
  const shown = visibleText(readFileSync(path.join(out, outputFileOf(url)), "utf8"));
  pages.push({ url, shown, text: foldText(shown).replace(/\s+/gu, " ") });
}
const queries = readFileSync(path.join(ROOT, "bench/search-eval/heldout-queries.txt"), "utf8")
  .split("\n")
  .map((q) => q.trim())
  .filter(Boolean);
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

async function resultsOf(query: string): Promise<number[]> {
  const plan = planQuery(query);
  if (plan.kind === "empty") return [];
  return (await matchPages(index, plan.terms, {})).ids;
}

test("every held-out query finds exactly the pages whose rendered text holds it", async () => {
  let found = 0;
  for (const query of queries) {
    const terms = termsOf(query);
    const truth = pages.flatMap((p, id) => (terms.every((t) => p.text.includes(t)) ? [id] : []));
    const ids = await resultsOf(query);
    assert.deepEqual(ids, truth, query);
    if (ids.length) found++;
  }
  assert.ok(found > queries.length * 0.8, `most queries find pages (${found} of ${queries.length})`);
});

test("what looks the same finds the same: ❤ and ❤️, ☎ and ☎️, 𠀾 alone", async () => {
  const heart = await resultsOf("❤澄川");
  assert.ok(heart.length > 0);
  assert.deepEqual(heart, await resultsOf("❤️澄川"));
  assert.deepEqual(await resultsOf("☎12345"), await resultsOf("☎️12345"));
  assert.ok((await resultsOf("𠀾山寺")).length > 0);
});

test("every result's excerpt is the page's text, in whole characters, each mark on a term", async () => {
  for (const query of queries) {
    const plan = planQuery(query);
    if (plan.kind === "empty") continue;
    for (const id of (await resultsOf(query)).slice(0, 10)) {
      const data = (await index.dataOf(id, plan.terms)) as {
        meta: Record<string, string>;
        marks: { title: [number, number][]; text: [number, number][] };
      };
      const meta = plainMeta(data.meta);
      const where = `${query} → ${pages[id].url}`;
      assert.ok(!LONE.test(meta.text) && !LONE.test(meta.title), `${where}: a character cut in two`);
      const inner = meta.text.replace(/^…/, "").replace(/…$/, "");
      assert.ok(pages[id].shown.replace(/\s+/gu, " ").includes(inner), `${where}: ${inner.slice(0, 40)}`);
      for (const [field, ranges] of [
        [meta.title, data.marks.title],
        [meta.text, data.marks.text],
      ] as const)
        for (const [a, b] of ranges) {
          const marked = foldText(field.slice(a, b));
          assert.ok(
            b > a && plan.terms.some((t) => marked.includes(t)),
            `${where}: mark ${field.slice(a, b)}`,
          );
        }
    }
  }
});

test("pages of every type show in Chromium the words the index holds", { skip: noBrowser }, async () => {
  const server = await serveStatic(out, { prefix: "/" });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Every type (their folders), a few pages each.
    const picked = new Map<string, string[]>();
    for (const p of pages) {
      const kind = p.url.split("/")[1];
      const list = picked.get(kind) ?? [];
      if (list.length < 6) picked.set(kind, [...list, p.url]);
    }
    for (const url of [...picked.values()].flat()) {
      await page.goto(new URL(url.slice(1), server.url).href);
      const shown = pages.find((p) => p.url === url)!.shown;
      assert.deepEqual(wordsOf(await shownTextOf(page)), wordsOf(shown), url);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
