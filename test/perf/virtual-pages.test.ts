/**
 * The dev server and the streamed pages expand our virtual templates without Eleventy; that
 * expansion must give exactly the pages and bytes a full build gives, for every registered template.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news } from "../helpers/fixture.ts";
import { expandPages, outputFileOf, recordPlugin } from "../../src/eleventy/virtual-pages.ts";
import { defaultPageSources } from "../../src/build/defaults.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import type { PageSource } from "../../src/eleventy/page-source.ts";

test("expanding the registered templates gives the same pages, byte for byte, as the build", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2025/b.md": news("冬季供暖保障", "2025-12-01 09:00", { column: "通知公告" }),
  });
  const { state } = await fixture.build();
  const pages = expandPages(recordPlugin({ current: state }, defaultPageSources));
  const files = pages.map((p) => outputFileOf(p.url)).sort();
  const built = fixture
    .files()
    .filter((f) => f.endsWith(".html") && !f.startsWith("assets/") && !f.startsWith("media/"));
  assert.deepEqual(
    files.filter((f) => f.endsWith(".html")),
    built,
  );
  for (const page of pages) assert.equal(await page.render(), fixture.read(outputFileOf(page.url)), page.url);
});

test("the streamed build writes the same files, byte for byte, as Eleventy rendering every page source", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2025/b.md": news("冬季供暖保障", "2025-12-01 09:00", { column: "通知公告" }),
  });
  const now = parseLocalDate("2026-06-30 12:00", fixture.site.timeZone)!.toMillis();
  const treeOf = async (outDir: string, pages: readonly PageSource[]) => {
    await buildSite({
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir,
      now,
      parts: { pages, steps: [] },
    });
    return new Map(outputFiles(outDir).map((rel) => [rel, readFileSync(path.join(outDir, rel))]));
  };
  const streamed = await treeOf(path.join(fixture.root, "streamed"), defaultPageSources);
  assert.ok(defaultPageSources.every((source) => source.streamed));
  const eleventy = await treeOf(
    path.join(fixture.root, "eleventy"),
    defaultPageSources.map((source) => ({ ...source, streamed: false })),
  );
  assert.deepEqual([...streamed.keys()], [...eleventy.keys()]);
  assert.ok(streamed.has("assets/home.css") && streamed.has("index.html"));
  for (const [rel, bytes] of eleventy) assert.ok(bytes.equals(streamed.get(rel)!), rel);
});
