/**
 * The search index's pages are newest first and pages of equal dates keep their order: detail
 * pages as in the build's `details`, then the topic pages, then the documents (undated, last).
 * Shards are cut from this order, so it must be a stable sort by date (src/search/search-pages.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { searchPagesOf } from "../../src/search/search-pages.ts";

const root = path.resolve(import.meta.dirname, "../..");

test("search pages: newest first, equal dates in the order of details, topics, then documents", async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"));
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-search-order-")), "_site");
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  const { state } = await buildSite({ site, contentDir: path.join(root, "content"), outDir, now });
  const pages = searchPagesOf(state);
  const detailAt = new Map(state.details.map((r, i) => [r, i]));
  /** Where a page comes from: details first, then topic pages, then documents (no record, no topic). */
  const rank = (p: (typeof pages)[number]) =>
    p.topic !== undefined ? 1 : p.record && detailAt.has(p.record) && !p.filters ? 0 : 2;
  assert.equal(pages.filter((p) => rank(p) === 0).length, state.details.length, "each detail page once");
  let ties = 0;
  for (let i = 1; i < pages.length; i++) {
    const [a, b] = [pages[i - 1], pages[i]];
    assert.ok(a.date >= b.date, `${a.url} (${a.date}) before ${b.url} (${b.date})`);
    if (a.date !== b.date) continue;
    ties++;
    assert.ok(rank(a) <= rank(b), `${a.url} before ${b.url}: their kinds' order`);
    if (rank(a) === 0 && rank(b) === 0)
      assert.ok(
        detailAt.get(a.record!)! < detailAt.get(b.record!)!,
        `${a.url} before ${b.url}: details' order`,
      );
  }
  // The sample has undated documents and topic pages, so ties are compared at all.
  assert.ok(ties > 0, "no pages of equal dates");
});
