/**
 * After a record is edited in place, a vouched list is the last build's with that place replaced
 * (src/build/cache/list-members.ts), and its pages whose slice does not hold the place take their
 * cached hint's own part without writing out their slice (src/build/cache/list-hints.ts): only
 * the page showing the edited record hashes its own part. The test checks that each hint gives
 * the same key as a list walked afresh would (`ListHints.same` of the two, and the pages' keys),
 * and that a page whose cached hint is of another list, or a list with a record removed, is hashed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Digests } from "../../src/build/cache/digest.ts";
import { ListHints } from "../../src/build/cache/list-hints.ts";
import { ListMembers } from "../../src/build/cache/list-members.ts";
import { pageKey } from "../../src/build/cache/streamed.ts";
import { paginate } from "../../src/pages/paginate.ts";
import type { AnyRecord } from "../../src/content-types/spec.ts";
import { listRecord, listSpec } from "../helpers/list-fixture.ts";

/** One build of a vouched list of `records`, five a page: each page's hint (given the cached ones) and key. */
function build(dir: string | undefined, records: AnyRecord[], cached = new Map<string, string>()) {
  const digests = new Digests(new Set(records));
  const members = dir === undefined ? undefined : new ListMembers(digests, records, dir, "fp");
  const hints = new ListHints(digests, members);
  const pages = paginate(listSpec("/news/"), records, 5, true);
  const hint = new Map<string, string>();
  const key = new Map<string, string>();
  for (const page of pages) {
    hint.set(page.url, hints.of("lists", page, cached.get(page.url))!);
    key.set(page.url, pageKey("fp", "lists", page.url, digests.unhashed(page)));
  }
  members?.save();
  return { hint, key, hints, members };
}

/** Asserts that each page's hint and key are those of the list walked afresh (no kept lists, no cached hints). */
function asWalked(what: string, records: AnyRecord[], made: ReturnType<typeof build>) {
  const walked = build(undefined, records);
  for (const [url, hint] of walked.hint) {
    assert.ok(ListHints.same(made.hint.get(url), hint), `${what}: ${url}'s own part as walked afresh`);
    assert.equal(made.key.get(url), walked.key.get(url), `${what}: ${url}'s key`);
  }
}

test("a list edited in place: only the page holding the edit hashes its own part", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-list-replaced-"));
  try {
    const records = Array.from({ length: 23 }, (_, i) => listRecord(i, `标题${i}`));
    const first = build(dir, records);
    assert.equal(first.hints.pagesHashed, 5);

    // Record 12 (page 3 of 5) edited: the list is replaced in one place.
    const edited = records.map((r, i) => (i === 12 ? listRecord(12, "标题12（修订）") : r));
    const one = build(dir, edited, first.hint);
    assert.equal(one.members!.replaced, 1);
    assert.deepEqual([one.hints.pagesHashed, one.hints.pagesKept], [1, 4]);
    asWalked("edited", edited, one);
    // The edited page's key changed, the others' did not.
    for (const [url, key] of one.key) assert.equal(key === first.key.get(url), url !== "/news/page/3/", url);

    // Edited again, with hints that are not this list's last ones (a build in between lost):
    // none is taken, each page hashes its own part.
    const twice = edited.map((r, i) => (i === 12 ? listRecord(12, "标题12（再修订）") : r));
    const stale = new Map([...first.hint].map(([url, hint]) => [url, hint.replace(/ l(\d) /, " l9 ")]));
    const other = build(dir, twice, stale);
    assert.equal(other.members!.replaced, 1);
    assert.deepEqual([other.hints.pagesHashed, other.hints.pagesKept], [5, 0]);
    asWalked("stale hints", twice, other);

    // A record removed: the pages after it shift, the list is walked and no own part is taken.
    const removed = twice.filter((_, i) => i !== 3);
    const gone = build(dir, removed, other.hint);
    assert.equal(gone.members!.replaced, 0);
    assert.equal(gone.hints.pagesKept, 0);
    asWalked("removed", removed, gone);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
