/**
 * Every build enumerates every page (~95k at 50k items) and a cached build renders a few: a
 * paginated template's page keeps its item and place, and makes its render data only when it
 * renders (src/eleventy/virtual-pages.ts). The data it renders from is what Eleventy gives a page
 * of size-1 pagination; an enumerated page costs the heap a small object, not a data object, a
 * pagination object, a closure and an output each.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import v8 from "node:v8";
import vm from "node:vm";
import { expandPages, type Registrations } from "../../src/eleventy/virtual-pages.ts";
import type { Template } from "../../src/eleventy/page-source.ts";
import { enumerateOutputs } from "../../src/build/outputs.ts";
import { outputFileOf } from "../../src/eleventy/site-outputs.ts";
import { defaultParts } from "../../src/build/defaults.ts";
import { createFixture, news } from "../helpers/fixture.ts";

/** Registrations of one paginated template over `items` (global data `site.items`), rendering with `render`. */
function paginated(items: unknown[], render: Template["render"], permalink?: unknown): Registrations {
  const template: Template = {
    data: () => ({
      pagination: { data: "site.items", size: 1, alias: "entry" },
      permalink: permalink ?? ((data: { entry: { url: string } }) => data.entry.url),
      own: "own value",
    }),
    render,
  };
  return {
    globalData: new Map<string, unknown>([
      ["site", () => ({ items, title: "站点" })],
      ["other", "global value"],
    ]),
    templates: new Map([["list.11ty.js", template]]),
    passthrough: {},
  };
}

test("a paginated page renders from the data Eleventy gives it, its permalink from the same", async () => {
  const items = [{ url: "/a/" }, { url: "/b/" }, { url: "/c/" }];
  const seen: unknown[] = [];
  const permalinks: unknown[] = [];
  const pages = expandPages(
    paginated(
      items,
      (data) => {
        const pagination = data.pagination as { items: unknown[]; pageNumber: number };
        seen.push([data.entry, pagination.items, pagination.pageNumber, data.other, data.own]);
        return `${(data.entry as { url: string }).url} ${pagination.pageNumber} ${String(data.other)}`;
      },
      (data: { entry: { url: string }; pagination: { pageNumber: number } }) => {
        permalinks.push([data.entry, data.pagination.pageNumber]);
        return data.entry.url === "/b/" ? false : data.entry.url;
      },
    ),
  );
  assert.deepEqual(
    permalinks,
    items.map((item, i) => [item, i]),
  );
  assert.deepEqual(
    pages.map((p) => [p.template, p.url, p.item]),
    [
      ["list.11ty.js", "/a/", items[0]],
      ["list.11ty.js", "/c/", items[2]],
    ],
  );
  assert.deepEqual(seen, [], "nothing renders while the pages are enumerated");
  assert.equal(await pages[1].render(), "/c/ 2 global value");
  assert.equal(await pages[0].render(), "/a/ 0 global value");
  // Rendered again, the same; each page's data is its own.
  assert.equal(await pages[1].render(), "/c/ 2 global value");
  assert.deepEqual(seen, [
    [items[2], [items[2]], 2, "global value", "own value"],
    [items[0], [items[0]], 0, "global value", "own value"],
    [items[2], [items[2]], 2, "global value", "own value"],
  ]);
});

test("an enumerated page costs the heap one small object, not its render data", () => {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  const n = 20_000;
  const items = Array.from({ length: n }, (_, i) => ({ url: `/items/${i}/` }));
  const registrations = paginated(items, () => "");
  gc();
  const before = process.memoryUsage().heapUsed;
  const pages = expandPages(registrations);
  gc();
  const perPage = (process.memoryUsage().heapUsed - before) / n;
  assert.equal(pages.length, n);
  // A page with its data, pagination and closure made up front kept ~320 bytes; one object with
  // the item and its place keeps ~80 (the array of pages included).
  assert.ok(perPage < 160, `${perPage.toFixed(0)} bytes a page`);
});

test("a build's outputs: each page is written by its source and renders as the build wrote it", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2025/b.md": news("冬季供暖保障", "2025-12-01 09:00", { column: "通知公告" }),
  });
  const { state } = await fixture.build();
  const outputs = enumerateOutputs({ current: state }, defaultParts);
  assert.deepEqual(
    outputs.all.map((o) => [o.url, o.source]),
    state.outputs.all.map((o) => [o.url, o.source]),
  );
  const details = outputs.all.filter((o) => o.source === "details");
  assert.deepEqual(
    details.map((o) => o.page?.item),
    state.details,
  );
  for (const output of outputs.all)
    if (output.page) {
      assert.equal(output.page.url, output.url);
      assert.equal(await output.page.render(), fixture.read(outputFileOf(output.url)), output.url);
    }
});
