/**
 * A list page whose list is as the build before had it keeps its cached key without its own
 * being computed (src/build/cache/list-hints.ts): the hints must match exactly when the keys
 * would. The first test holds hints against keys for lists cut by `paginate`; the second builds
 * the sample portal (five items a page, so lists have several pages) with the cache after edits
 * that move an item to another page of its lists, change a title the lists show, delete an item
 * and change the site config, and compares each output with a clean build byte for byte.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Digests } from "../../src/build/cache/digest.ts";
import { ListHints } from "../../src/build/cache/list-hints.ts";
import { pageKey } from "../../src/build/cache/streamed.ts";
import { paginate } from "../../src/pages/paginate.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import type { Site } from "../../src/config/schema.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { perContentState } from "../helpers/content-digest.ts";

const record = (id: number, title: string) => ({ id, title, body: `正文 ${id}` }) as unknown as AnyRecord;
const spec = (title: string) => ({
  base: "/news/",
  title,
  section: "news",
  breadcrumbs: [{ label: title }],
  style: "news",
});

/** One build's view of a list: each page's hint and key, by URL. */
function keyed(
  records: AnyRecord[],
  title = "新闻中心",
  change?: (pages: ReturnType<typeof paginate>) => void,
) {
  const digests = new Digests(new Set(records));
  const hints = new ListHints(digests);
  const pages = paginate(spec(title), records, 5);
  change?.(pages);
  return new Map(
    pages.map((page) => [
      page.url,
      { hint: hints.of("lists", page), key: pageKey("fp", "lists", page.url, digests.unhashed(page)) },
    ]),
  );
}

/** Pages whose hint is the same in both builds have the same key; returns how many those are. */
function sameHintSameKey(before: ReturnType<typeof keyed>, after: ReturnType<typeof keyed>): number {
  let same = 0;
  for (const [url, { hint, key }] of after) {
    const old = before.get(url);
    if (old === undefined || !ListHints.same(hint, old.hint)) continue;
    assert.equal(key, old.key, `${url}: the same hint, so the same key`);
    same++;
  }
  return same;
}

test("a list page's hint is the same in the next build only when its key is", () => {
  const records = Array.from({ length: 23 }, (_, i) => record(i, `标题${i}`));
  const first = keyed(records);
  assert.equal(first.size, 5);
  assert.ok(
    [...first.values()].every(({ hint }) => hint !== undefined),
    "every page has a hint",
  );
  // Nothing changed (new slices, the same records): every page keeps its hint.
  assert.equal(sameHintSameKey(first, keyed([...records])), 5);
  // A record edited (a new object), one moved to another page, one deleted: the pages whose
  // slice changed (or, a record deleted, the list's length every page shows) change their hint,
  // the others keep it, and the keys that changed are never among the same hints.
  const edited = records.map((r, i) => (i === 12 ? record(12, "标题12（修订）") : r));
  const moved = [records[17], ...records.filter((_, i) => i !== 17)];
  const deleted = records.filter((_, i) => i !== 3);
  for (const [next, same] of [
    [edited, 4],
    [moved, 1],
    [deleted, 0],
  ] as const) {
    const after = keyed(next);
    assert.equal(sameHintSameKey(first, after), same);
    assert.ok([...after].some(([url, { key }]) => first.get(url)?.key !== key));
  }
  // The list's own data (a title every page shows) changes every hint too.
  assert.equal(sameHintSameKey(first, keyed(records, "新闻")), 0);
  // A page changed after `paginate` made it has no hint: it is keyed in full.
  const changed = keyed(records, "新闻中心", (pages) => {
    pages[1].title = "别的";
    pages[2].items = [...pages[2].items].reverse();
    (pages[3] as unknown as Record<string, unknown>).extra = 1;
  });
  assert.deepEqual(
    [...changed.values()].map(({ hint }) => hint !== undefined),
    [true, false, false, false, true],
  );
  assert.equal(sameHintSameKey(first, changed), 2);
});

const sample = await samplePortal();
const root = mkdtempSync(path.join(tmpdir(), "gongkai-list-hints-"));
const contentDir = path.join(root, "content");
cpSync(sample.contentDir, contentDir, { recursive: true });
const cacheDir = path.join(root, ".gongkai-cache");
// Five items a page: the news lists, the columns and the years have several pages each.
let site: Site = { ...sample.site, pageSize: 5 };
const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const build = (outDir: string, cache: boolean) =>
  buildSite({ site, contentDir, outDir, now: sample.now, parts, cacheDir: cache ? cacheDir : undefined });

let round = 0;
// One clean build per content state and site (first and unchanged, the page size and unchanged).
const cleanBuilds = perContentState<{ dir: string; built: Promise<unknown> }>(contentDir, (c) => c.built);
/** Builds with the cache and without; the two trees must be the same bytes. */
async function compare(what: string) {
  const incremental = path.join(root, "incremental");
  const result = await build(incremental, true);
  const made = cleanBuilds(sample.now, [site], () => {
    const dir = path.join(root, `clean-${++round}`);
    return { dir, built: build(dir, false) };
  });
  await made.built;
  const clean = made.dir;
  const files = outputFiles(clean);
  assert.deepEqual(outputFiles(incremental), files, `${what}: same files`);
  const differing = files.filter(
    (rel) => !readFileSync(path.join(incremental, rel)).equals(readFileSync(path.join(clean, rel))),
  );
  assert.deepEqual(differing, [], `${what}: same bytes`);
  return result.cache!;
}

const edit = (rel: string, change: (text: string) => string) => {
  const file = path.join(contentDir, rel);
  const before = readFileSync(file, "utf8");
  const after = change(before);
  assert.notEqual(after, before, `${rel} edited`);
  writeFileSync(file, after);
};

test("list pages whose lists did not change keep their keys; the output equals a clean build", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const first = await compare("first build");
  assert.equal(first.keysSkipped ?? 0, 0, "an empty cache: no key skipped");
  const lists = (await compare("unchanged")).keysSkipped ?? 0;
  assert.ok(lists > 100, `list pages whose keys were skipped: ${lists}`);

  await t.test("an item moved to the first page of its lists", async () => {
    edit("news/2025/0312-spring-ploughing.md", (s) => s.replace(/^date: .*$/m, "date: 2026-11-26 09:00"));
    const report = await compare("moved");
    assert.ok(report.rendered > 10, `rendered ${report.rendered}`);
    assert.ok((report.keysSkipped ?? 0) > lists / 2, `skipped ${report.keysSkipped} of ${lists}`);
  });

  await t.test("a title the lists show", async () => {
    edit("news/2026/0107-government-plenary-meeting.md", (s) =>
      s.replace("市政府召开全体会议", "市政府召开第一次全体会议"),
    );
    const report = await compare("title");
    assert.ok((report.keysSkipped ?? 0) > lists / 2, `skipped ${report.keysSkipped} of ${lists}`);
  });

  await t.test("a deleted item", async () => {
    rmSync(path.join(contentDir, "news/2026/0115-market-new-year-goods-sampling.md"));
    const report = await compare("deleted");
    assert.ok((report.keysSkipped ?? 0) > lists / 2, `skipped ${report.keysSkipped} of ${lists}`);
  });

  await t.test("the site config: six items a page", async () => {
    site = { ...site, pageSize: 6 };
    const report = await compare("page size");
    // Another fingerprint: nothing from the cache, every page keyed and rendered.
    assert.equal(report.keysSkipped ?? 0, 0);
    assert.equal(report.reused, 0);
    const again = await compare("page size, unchanged");
    assert.ok((again.keysSkipped ?? 0) > 100, `skipped ${again.keysSkipped}`);
    assert.equal(again.rendered, again.uncomparable);
  });
});
