import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSiteConfig } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { generateSyntheticPortal } from "../../bench/synthetic.ts";
import { talliesUrls } from "../../src/tallies/urls.ts";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * For every year's table: each computed figure links to an audit list; following that list
 * through all its pages finds exactly as many distinct detail pages as the figure says, and
 * tallies.json gives the same figure.
 */
function assertFiguresMatchTheirLists(outDir: string): number {
  const read = (url: string) =>
    readFileSync(path.join(outDir, url, url.endsWith("/") ? "index.html" : ""), "utf8");
  const json = JSON.parse(read(talliesUrls.openDataJson));
  let checked = 0;
  for (const year of json.years) {
    const page = read(talliesUrls.statisticsYear(year.year));
    // The statistics table proper; tables below it (解读回应与互动交流) are checked by their own tests.
    const table = page.slice(page.indexOf("<table"), page.indexOf("</table>"));
    const figures = [...table.matchAll(/<td><a href="([^"]+)" aria-label="[^"]*">(\d+)<\/a><\/td>/g)];
    const computedRows = year.statistics.filter((s: { computed: boolean }) => s.computed);
    assert.equal(figures.length, computedRows.length, `${year.year}: every computed row links to its list`);
    for (const [, href, figure] of figures) {
      const items = new Set<string>();
      let pageUrl: string | undefined = href;
      while (pageUrl) {
        const list = read(pageUrl);
        const main = list.slice(list.indexOf("</h1>"), list.indexOf('<nav class="pagination"'));
        for (const m of main.matchAll(/<a href="([^"]+)"/g)) items.add(m[1]);
        pageUrl = list.match(/<a href="([^"]+)" rel="next">/)?.[1];
      }
      assert.equal(items.size, Number(figure), `${href}: the figure equals the items listed`);
      for (const item of items)
        assert.ok(existsSync(path.join(outDir, item, "index.html")), `${item} is a detail page`);
      const row = computedRows.find((s: { items: string }) => s.items.endsWith(href));
      assert.equal(row.value, Number(figure), `${href}: tallies.json agrees`);
      checked++;
    }
  }
  return checked;
}

test("every figure equals the detail pages its audit list links to (synthetic portal, sample config)", async () => {
  const site = await loadSiteConfig(path.join(root, "site.config.ts"));
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-audit-"));
  generateSyntheticPortal(site, path.join(dir, "content"), {
    count: 500,
    seed: 7,
    firstYear: 2022,
    years: 4,
  });
  const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
  await buildSite({ site, contentDir: path.join(dir, "content"), outDir: path.join(dir, "_site"), now });
  assert.ok(assertFiguresMatchTheirLists(path.join(dir, "_site")) >= 4 * 19);
});

const hasSample = existsSync(path.join(root, "content", "news"));

test(
  "every figure equals the detail pages its audit list links to (sample portal)",
  { skip: !hasSample && "content/ not merged yet" },
  async () => {
    const site = await loadSiteConfig(path.join(root, "site.config.ts"));
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-audit-sample-")), "_site");
    const now = parseLocalDate("2026-11-27 12:00", site.timeZone)!.toMillis();
    const { state } = await buildSite({ site, contentDir: path.join(root, "content"), outDir, now });
    assert.ok(state.portal.reports.has(2025), "the sample has its 2025 report");
    assert.ok(assertFiguresMatchTheirLists(outDir) > 0);
    assert.ok(existsSync(path.join(outDir, "annual-report/2025/index.html")));
  },
);
