/**
 * The enumeration reads a page's URL from its item when the template's permalink is
 * `onePagePer`'s (src/pages/paginated.ts: it returns `data[alias].url` and says so), instead of
 * making the page's data for each call (~95k pages at 50k items). The pages are the ones the
 * permalink function itself gives; a marked permalink under another alias is called as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { expandPages, type Registrations } from "../../src/eleventy/virtual-pages.ts";
import type { Template } from "../../src/eleventy/page-source.ts";
import { onePagePer } from "../../src/pages/paginated.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { enumerateOutputs } from "../../src/build/outputs.ts";
import { createFixture, news } from "../helpers/fixture.ts";

/** One template paginating over `items` with `data` (a template's data(): pagination and permalink). */
function registrations(items: unknown[], data: () => Record<string, unknown>): Registrations {
  const template: Template = { data, render: () => "" };
  return {
    globalData: new Map<string, unknown>([["site", () => ({ items })]]),
    templates: new Map([["list.11ty.js", template]]),
    passthrough: {},
  };
}

const items = [{ url: "/a/" }, { url: "/news/2026/b/" }, { url: "/feeds/x.xml" }, { url: "/a/" }];

test("onePagePer's pages: their items' URLs, the permalink not called, as a plain permalink gives them", () => {
  const marked = onePagePer("site.items", "entry");
  let calls = 0;
  const counted = Object.assign((data: { entry: { url: string } }) => (calls++, marked.permalink(data)), {
    itemAlias: "entry",
  });
  const byItem = expandPages(registrations(items, () => ({ ...marked, permalink: counted })));
  assert.equal(calls, 0);
  const plain = expandPages(
    registrations(items, () => ({
      ...marked,
      permalink: (data: { entry: { url: string } }) => data.entry.url,
    })),
  );
  assert.deepEqual(
    byItem.map((p) => [p.url, p.item]),
    plain.map((p) => [p.url, p.item]),
  );
  assert.deepEqual(
    byItem.map((p) => p.url),
    items.map((i) => i.url),
  );
});

test("a marked permalink under another pagination alias is given the page's data", () => {
  const marked = onePagePer("site.items", "entry");
  const seen: unknown[] = [];
  const permalink = Object.assign(
    (data: { other: { url: string } }) => (seen.push(data.other), `/other${data.other.url}`),
    { itemAlias: "entry" },
  );
  const pages = expandPages(
    registrations(items, () => ({
      ...marked,
      pagination: { ...marked.pagination, alias: "other" },
      permalink,
    })),
  );
  assert.deepEqual(seen, items);
  assert.deepEqual(
    pages.map((p) => p.url),
    items.map((i) => `/other${i.url}`),
  );
});

test("the portal's enumeration: every page's URL is what its template's permalink gives its data", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2025/b.md": news("冬季供暖保障", "2025-12-01 09:00", { column: "通知公告" }),
  });
  const { state } = await fixture.build();
  const outputs = enumerateOutputs({ current: state }, defaultParts);
  let byItem = 0;
  for (const page of outputs.pages) {
    if (page.item === undefined) continue;
    const data = (page as unknown as { of: { template: Template } }).of.template.data();
    const permalink = data.permalink as (d: Record<string, unknown>) => string;
    const alias = (data.pagination as { alias: string }).alias;
    if ((permalink as { itemAlias?: string }).itemAlias === alias) byItem++;
    assert.equal(page.url, permalink({ [alias]: page.item }), page.url);
  }
  assert.ok(byItem > 10, `pages of onePagePer's templates: ${byItem}`);
});
