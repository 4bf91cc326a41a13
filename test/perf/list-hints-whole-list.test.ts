/**
 * A list page whose whole list is as the cached build had it takes its cached hint as it is,
 * without its own slice being written out and hashed (src/build/cache/list-hints.ts): each list
 * is written out once, not once per page. A page of a list that changed writes its own part and
 * compares that alone, so only the page that shows an edited record computes its key. The build
 * test counts the pages whose own part was hashed after no change and after one title edit, and
 * compares each output with a clean build byte for byte.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Digests } from "../../src/build/cache/digest.ts";
import { ListHints } from "../../src/build/cache/list-hints.ts";
import { pageKey } from "../../src/build/cache/streamed.ts";
import { paginate } from "../../src/pages/paginate.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { listRecord, listSpec } from "../helpers/list-fixture.ts";

const record = listRecord;
const spec = listSpec;

/** Counts the lists and slices written out. */
class CountingDigests extends Digests {
  written = 0;
  override elements(items: readonly unknown[]): string {
    this.written++;
    return super.elements(items);
  }
}

/** One build's list pages (two lists of 23 and 12 records, five a page): hint and key by URL, given the cached hints. */
function build(records: AnyRecord[], cached = new Map<string, string | undefined>()) {
  const digests = new CountingDigests(new Set(records));
  const hints = new ListHints(digests);
  const pages = [
    ...paginate(spec("/news/"), records, 5),
    ...paginate(spec("/news/a/"), records.slice(0, 12), 5),
  ];
  const out = new Map(
    pages.map((page) => [
      page.url,
      {
        hint: hints.of("lists", page, cached.get(page.url)),
        key: pageKey("fp", "lists", page.url, digests.unhashed(page)),
      },
    ]),
  );
  return { out, digests, hints, hintsOf: new Map([...out].map(([url, { hint }]) => [url, hint])) };
}

test("a page of an unchanged list takes its cached hint; a changed list's pages compare their own part", () => {
  const records = Array.from({ length: 23 }, (_, i) => record(i, `标题${i}`));
  const first = build(records);
  assert.equal(first.out.size, 8);
  // No cached hints: each list written out whole once, and each page's own slice.
  assert.equal(first.hints.listsHashed, 2);
  assert.equal(first.hints.pagesHashed, 8);

  // The next build, nothing changed (new slices of the same records): two lists written out, no slice.
  const again = build([...records], first.hintsOf);
  assert.equal(again.digests.written, 2, "each list written out once, no page's slice");
  assert.equal(again.hints.pagesHashed, 0);
  for (const [url, { hint, key }] of again.out) {
    assert.equal(hint, first.hintsOf.get(url), `${url}: the cached hint as it is`);
    assert.equal(key, first.out.get(url)!.key, `${url}: and the same key`);
  }

  // Record 12 edited: the whole list changed (its five pages write their own part), the part did not.
  const edited = build(
    records.map((r, i) => (i === 12 ? record(12, "标题12（修订）") : r)),
    first.hintsOf,
  );
  assert.equal(edited.hints.pagesHashed, 5);
  const same = [...edited.out].filter(([url, { hint }]) => ListHints.same(hint, first.hintsOf.get(url)));
  for (const [url, { key }] of same)
    assert.equal(key, first.out.get(url)!.key, `${url}: same hint, same key`);
  assert.deepEqual(same.map(([url]) => url).sort(), [
    "/news/",
    "/news/a/",
    "/news/a/page/2/",
    "/news/a/page/3/",
    "/news/page/2/",
    "/news/page/4/",
    "/news/page/5/",
  ]);

  // A cached hint that is not this page's (another page's of the same list, or cut short) is not taken.
  const wrong = new Map(first.hintsOf);
  wrong.set("/news/page/2/", first.hintsOf.get("/news/page/3/"));
  wrong.set("/news/page/4/", first.hintsOf.get("/news/page/4/")!.slice(0, -1));
  const checked = build([...records], wrong);
  assert.equal(checked.hints.pagesHashed, 2);
  assert.equal(checked.out.get("/news/page/2/")!.hint, first.hintsOf.get("/news/page/2/"));
  assert.equal(checked.out.get("/news/page/4/")!.hint, first.hintsOf.get("/news/page/4/"));
  assert.ok(!ListHints.same(first.hintsOf.get("/news/page/3/"), first.hintsOf.get("/news/page/2/")));
});

// Two items a page: the news lists, the columns and the years have many pages each.
const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const { root, contentDir, compare } = await sampleCopy("list-hints-whole", parts, { pageSize: 2 });

test("no change: no list page writes out its slice; one title edit: only the pages of the lists that show it", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await compare("first build");
  const unchanged = await compare("unchanged");
  const skipped = unchanged.keysSkipped ?? 0;
  assert.ok(skipped > 100, `list pages whose keys were skipped: ${skipped}`);
  assert.equal(unchanged.listPagesHashed, 0, "no page's own part hashed");
  assert.ok(
    (unchanged.listsHashed ?? 0) > 10 && unchanged.listsHashed! < skipped / 2,
    `lists: ${unchanged.listsHashed}`,
  );
  const file = path.join(contentDir, "news/2026/0107-government-plenary-meeting.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("市政府召开全体会议", "市政府召开第一次全体会议"));
  const edited = await compare("title edited");
  const hashed = edited.listPagesHashed ?? 0;
  assert.ok(
    hashed > 0 && hashed < skipped / 2,
    `list pages whose own part was hashed: ${hashed} of ${skipped}`,
  );
  assert.ok(
    skipped - (edited.keysSkipped ?? 0) <= 20,
    `list pages keyed: ${skipped - (edited.keysSkipped ?? 0)}`,
  );
});
