/**
 * A change of look keeps the search index's shards (src/build/cache/search-fingerprint.ts): the
 * index reads a page's `<main>` alone, so new colours (every page names a new theme.css) or a
 * footer of the site's own render every page again and index no shard, while an override that
 * changes what `<main>` shows indexes again the shards of the pages it changed. Each build equals
 * a clean one byte for byte (helpers/incremental-fixture.ts), the search index included.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { html } from "../../src/html/html.ts";
import type { Site } from "../../src/config/schema.ts";
import type { DetailOverride } from "../../layouts/overrides.ts";
import { incrementalFixture } from "../helpers/incremental-fixture.ts";

const f = await incrementalFixture();
const original = f.site;
const themed = (theme: Partial<Site["theme"]>): Site => ({
  ...original,
  theme: { ...original.theme, ...theme },
});
/** The shards of the index (its text files' first pieces: `t/<shard>-0.gz`). */
const shards = () =>
  readdirSync(path.join(f.published, "pagefind", "t")).filter((n) => n.endsWith("-0.gz")).length;

test("new colours, a footer and a detail override: shards kept unless <main> changed, output as clean", async () => {
  await f.compare("first build, empty cache");
  await f.compare("unchanged");
  const count = shards();
  assert.ok(count > 3, `several shards: ${count}`);

  f.site = themed({ colors: { ...original.theme.colors, brand: "#123456" } });
  const recoloured = await f.compare("theme recoloured");
  assert.ok(recoloured.cache!.ignored, "the pages' cache is not used: every page names the new theme.css");
  assert.equal(recoloured.cache!.reused, 0, "every page rendered again");
  assert.equal(recoloured.cache!.shardsIndexed, 0, "no shard indexed again");
  assert.equal(recoloured.cache!.shardsReused, count, "every shard from the cache");
  // The detail pages' <main> digests come from the render, not from reading the pages back.
  const indexed = (
    JSON.parse(readFileSync(path.join(f.published, "pagefind", "index.json"), "utf8")) as {
      pages: number;
    }
  ).pages;
  const read = recoloured.cache!.searchMainsRead ?? 0;
  assert.ok(read < indexed / 4, `${read} of ${indexed} pages read back for their <main>`);

  const footer = () => html`<footer class="site-footer"><p>本站页脚由站点替换</p></footer>`;
  f.site = themed({ overrides: { footer } });
  const footed = await f.compare("the site's own footer");
  assert.equal(footed.cache!.shardsIndexed, 0, "a footer is outside <main>: no shard indexed again");
  assert.equal(footed.cache!.shardsReused, count);

  const policy: DetailOverride = (_ctx, _record, _body, shown) => html`${shown()}<p>本页政策文件附加说明</p>`;
  f.site = themed({ overrides: { footer, detail: { policy } } });
  const detailed = await f.compare("policies' <main> changed");
  assert.ok(detailed.cache!.shardsIndexed > 0, "the shards of the policies indexed again");
  assert.ok(
    detailed.cache!.shardsIndexed < count,
    `the others kept: ${detailed.cache!.shardsIndexed} of ${count}`,
  );

  f.site = original;
  await f.compare("theme as before");
});
