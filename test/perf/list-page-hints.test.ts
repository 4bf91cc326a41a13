/**
 * A list page's hint is its own (src/build/cache/list-hints.ts): its list's spec with its number,
 * the page count, the list's length and its own slice. After one edit only the page of each list
 * that shows the record computes its key; every other page of those lists keeps its cached key.
 * Lists whose pages a caller gathers into one array (news.ts pushes each column's pages onto the
 * whole news list's) have hints too. The build test compares the output with a clean build.
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

/** The pages of a whole list and of a part of it, in one array as news.ts gathers them: hint and key by URL. */
function keyed(records: AnyRecord[]) {
  const digests = new Digests(new Set(records));
  const hints = new ListHints(digests);
  const pages = paginate(spec("/news/"), records, 5);
  pages.push(...paginate(spec("/news/a/"), records.slice(0, 12), 5));
  return new Map(
    pages.map((page) => [
      page.url,
      { hint: hints.of("lists", page), key: pageKey("fp", "lists", page.url, digests.unhashed(page)) },
    ]),
  );
}

test("each page of a list has its own hint, also when its pages share an array with another list's", () => {
  const records = Array.from({ length: 23 }, (_, i) => record(i, `标题${i}`));
  const before = keyed(records);
  assert.equal(before.size, 8);
  const missing = [...before].filter(([, { hint }]) => hint === undefined).map(([url]) => url);
  assert.deepEqual(missing, [], "every page has a hint");
  // Record 12 edited: page 3 of the whole list shows it, no page of the part does.
  const after = keyed(records.map((r, i) => (i === 12 ? record(12, "标题12（修订）") : r)));
  const kept: string[] = [];
  for (const [url, { hint, key }] of after) {
    const old = before.get(url)!;
    if (!ListHints.same(hint, old.hint)) continue;
    assert.equal(key, old.key, `${url}: the same hint, so the same key`);
    kept.push(url);
  }
  assert.deepEqual(kept.sort(), [
    "/news/",
    "/news/a/",
    "/news/a/page/2/",
    "/news/a/page/3/",
    "/news/page/2/",
    "/news/page/4/",
    "/news/page/5/",
  ]);
});

// Two items a page: the news lists, the columns and the years have many pages each.
const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const { root, contentDir, compare } = await sampleCopy("list-page-hints", parts, { pageSize: 2 });

test("after one title edit only the pages that show the item compute their keys; the output equals a clean build", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await compare("first build");
  const unchanged = (await compare("unchanged")).keysSkipped ?? 0;
  assert.ok(unchanged > 100, `list pages whose keys were skipped: ${unchanged}`);
  const file = path.join(contentDir, "news/2026/0107-government-plenary-meeting.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("市政府召开全体会议", "市政府召开第一次全体会议"));
  const edited = await compare("title edited");
  const keyed = unchanged - (edited.keysSkipped ?? 0);
  // The item's page in each list it is in (the news, its column, its year, its topics …), not
  // every page of those lists.
  assert.ok(keyed <= 20, `list pages keyed after one edit: ${keyed} (of ${unchanged})`);
});
