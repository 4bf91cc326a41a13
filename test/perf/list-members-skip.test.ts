/**
 * A list that holds no record changed since the last build, and held none then, keeps the last
 * build's elements hash without being walked (src/build/cache/list-members.ts), when its maker
 * vouched that it is a function of its items' own fields (`paginate`'s `ownFields`). The first
 * test checks the hashes against lists walked afresh: nothing changed, a record edited, a record
 * edited out of a list (into another), a record removed, a list's chooser record edited; a list
 * not vouched for is walked every time. The build test edits a news item's column (out of its
 * column's lists and into another's), a news item's date (an unchanged item enters a column's
 * first page, "newest two", as it leaves; then back), a 解读's `interprets` (one document enters
 * the year's 已解读 list as another leaves, the count the same: a list cut by another record,
 * walked), a title (the audit lists kept too: only the lists holding the item walked), deletes a
 * news item and adds it back, and compares each output with a clean build byte for byte. The
 * last test matches records by place (record-match.ts) after edits, additions, removals, a move.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Digests } from "../../src/build/cache/digest.ts";
import { ListHints } from "../../src/build/cache/list-hints.ts";
import { ListMembers } from "../../src/build/cache/list-members.ts";
import { matchRecords } from "../../src/build/cache/record-match.ts";
import { paginate } from "../../src/pages/paginate.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { listRecord, listSpec } from "../helpers/list-fixture.ts";

/**
 * One build's two vouched lists (the records with an even id, and the others, chosen by `organ`
 * too) and one not vouched for; the hints of their first pages.
 */
function build(dir: string, records: AnyRecord[], organ: AnyRecord, lists = true) {
  const digests = new Digests(new Set([...records, organ]));
  const members = new ListMembers(digests, [...records, organ], dir, "fp");
  const hints = new ListHints(digests, lists ? members : undefined);
  const even = (r: AnyRecord) => Number((r as unknown as { id: number }).id) % 2 === 0;
  const pages = [
    ...paginate(listSpec("/even/"), records.filter(even), 5, true),
    ...paginate(
      listSpec("/odd/"),
      records.filter((r) => !even(r)),
      5,
      true,
      [organ],
    ),
    ...paginate(listSpec("/all/"), records, 5),
  ];
  const first = pages.filter((page) => page.pageNumber === 1);
  const out = new Map(first.map((page) => [page.url, hints.of("lists", page)]));
  members.save();
  return { out, members };
}

test("a vouched list with no changed record, now or then, keeps its hash unwalked; the hashes are those walked afresh", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-list-members-"));
  const fresh = mkdtempSync(path.join(tmpdir(), "gongkai-list-members-fresh-"));
  try {
    const records = Array.from({ length: 12 }, (_, i) => listRecord(i, `标题${i}`));
    /** Builds with the kept lists, and asserts each hint is the one of a build walking every list. */
    let organ = listRecord(-1, "机构");
    const step = (what: string, next: AnyRecord[]) => {
      const kept = build(dir, next, organ);
      const walked = build(fresh, next, organ, false);
      // A list replaced in places has another list part; its pages' own parts are the walked ones'.
      for (const [url, hint] of walked.out)
        assert.ok(ListHints.same(kept.out.get(url), hint), `${what}: ${url}'s own part as walked afresh`);
      if (kept.members.replaced === 0)
        assert.deepEqual(kept.out, walked.out, `${what}: the hints of lists walked afresh`);
      return kept.members;
    };
    const first = step("first", records);
    assert.deepEqual([first.skipped, first.walked], [0, 2]);

    const again = step("unchanged", [...records]);
    assert.deepEqual([again.skipped, again.walked], [2, 0], "nothing changed: neither list walked");

    // Record 4's title edited: the even list holds it where it held its old self (replaced in
    // place, not walked), the odd list does not (kept).
    const edited = records.map((r, i) => (i === 4 ? listRecord(4, "标题4（修订）") : r));
    const one = step("title edited", edited);
    assert.deepEqual([one.skipped, one.replaced, one.walked], [1, 1, 0]);

    // Record 4 becomes 5-like (odd id 13 in its place): out of the even list (held it then), into the odd one (holds it now).
    const moved = edited.map((r, i) => (i === 4 ? listRecord(13, "标题13") : r));
    const out = step("edited out of a list", moved);
    assert.deepEqual([out.skipped, out.walked], [0, 2]);

    // Record 7 removed: the odd list held it (walked); the even list is as it was.
    const removed = moved.filter((_, i) => i !== 7);
    const gone = step("removed", removed);
    assert.deepEqual([gone.skipped, gone.walked], [1, 1]);

    // The odd list's chooser edited: it is walked, the even list is not.
    organ = listRecord(-1, "机构（修订）");
    const chosen = step("chooser edited", [...removed]);
    assert.deepEqual([chosen.skipped, chosen.walked], [1, 1]);

    // Nothing changed once more: both kept, and the third list (not vouched for) was walked each time.
    const last = step("unchanged again", [...removed]);
    assert.deepEqual([last.skipped, last.walked], [2, 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
});

// Two items a page: a column's first page is its newest two.
const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const { root, contentDir, compare, edit } = await sampleCopy("list-members", parts, { pageSize: 2 });

test("a record edited out of a list, an unchanged one entering a first page or a list cut by another record: as a clean build", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  await compare("first build");
  const unchanged = await compare("unchanged");
  const kept = unchanged.listsSkipped ?? 0;
  assert.ok(kept > 20, `lists kept: ${kept}`);
  assert.equal(unchanged.listsWalked, 0, "no list walked");

  // Out of 市级新闻's lists (the column and its year), into 部门动态's.
  edit((text) => text.replace(/^column: .*$/m, "column: 部门动态"));
  const column = await compare("column changed");
  assert.ok(
    (column.listsWalked ?? 0) >= 4 && column.listsWalked! < kept / 2,
    `walked: ${column.listsWalked}`,
  );

  // Newest of all (and of 部门动态): it enters the first pages ("newest two") as an unchanged item
  // leaves them; then back to its date: that item enters them again as it leaves.
  edit((text) => text.replace(/^date: 2026-01-07/m, "date: 2026-11-26"));
  const newest = await compare("dated newest");
  assert.ok((newest.listsWalked ?? 0) >= 3, `walked: ${newest.listsWalked}`);
  edit((text) => text.replace(/^date: 2026-11-26/m, "date: 2026-01-07"));
  await compare("dated back");

  // A 解读 interprets another document of the year: one enters 已解读文件 as the other leaves.
  // (jd-bzg-2026-1 alone interprets 2026-00013; no 解读 interprets 2026-00005.)
  edit(
    (text) =>
      text.replace("interprets: 11152200MB0000001X/2026-00013", "interprets: 11152200MB0000001X/2026-00005"),
    "policies/2026/jd-bzg-2026-1.md",
  );
  await compare("interprets changed");

  // A title edit: the site's and the organs' audit lists are vouched too (records matched by
  // place, record-match.ts), and the lists holding the item hold it where they held its old self:
  // replaced in place, hardly any walked.
  edit((text) => text.replace(/^title: (.*)$/m, "title: $1（修订）"));
  const title = await compare("title edited");
  assert.ok((title.listsReplaced ?? 0) > 0, `replaced: ${title.listsReplaced}`);
  assert.ok((title.listsWalked ?? 0) <= 12, `walked: ${title.listsWalked}`);
  assert.ok((title.listsSkipped ?? 0) > kept - 12, `kept: ${title.listsSkipped} of ${kept}`);

  // A news item deleted: every list that held it walked (its digest gone), then written again.
  const deleted = path.join(contentDir, "news/2026/0210-key-projects-2026.md");
  const text = readFileSync(deleted, "utf8");
  rmSync(deleted);
  const removed = await compare("item deleted");
  assert.ok((removed.listsWalked ?? 0) >= 3, `walked: ${removed.listsWalked}`);
  writeFileSync(deleted, text);
  await compare("item added back");
});

test("records matched by place: edited, added, removed and moved records are the only ones unmatched", () => {
  const d = (c: string) => c.repeat(27);
  const prev = ["a", "b", "c", "d", "e", "f"].map(d);
  const text = prev.join("\n");
  const match = (now: string[], max = 16) => {
    const m = matchRecords(text, now.map(d), max, max);
    return { changed: m.changed, gone: m.gone, next: m.nextOfPrev && [...m.nextOfPrev] };
  };
  assert.deepEqual(match(["a", "b", "c", "d", "e", "f"]), { changed: [], gone: 0, next: [0, 1, 2, 3, 4, 5] });
  // c edited in place, a record added before e, f removed.
  assert.deepEqual(match(["a", "b", "x", "d", "y", "e"]), {
    changed: [2, 4],
    gone: 2,
    next: [0, 1, -1, 3, 5, -1],
  });
  // e moved first (its date made it the newest): one added, one gone.
  assert.deepEqual(match(["z", "a", "b", "c", "d", "f"]), {
    changed: [0],
    gone: 1,
    next: [1, 2, 3, 4, -1, 5],
  });
  // More changed than allowed: no numbers, every list walked.
  assert.equal(match(["p", "q", "r", "s", "t", "u"], 3).next, undefined);
  // Nothing before: every record changed.
  assert.deepEqual(matchRecords("", [d("a")], 16, 16).changed, [0]);
});
