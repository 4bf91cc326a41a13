/**
 * What the record store keeps with a record it gives back (its digest, wording mark and facts)
 * sits in one hidden slot of the record (src/content/kept.ts). The slot must belong to that very
 * object: a copy of the record (a spread, as the platform's shares and the previews make), its
 * JSON and its structured clone carry nothing of it, and the record's own keys and serialized
 * bytes are those of a record read from its file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import v8 from "node:v8";
import { openRecordStore, storedDigestOf } from "../../src/build/cache/records.ts";
import { keptWith } from "../../src/content/kept.ts";
import { cleanUnder } from "../../src/check/wording/clean-records.ts";
import { notableStringsKnown } from "../../src/check/notable-strings.ts";
import { bodyLinksKnown } from "../../src/check/body-parse.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { cachedBuilds } from "../helpers/cached-build.ts";
import { createFixture, news } from "../helpers/fixture.ts";

test("the store's kept values sit on the record it gave back and on no copy of it", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00").replace(
      "正文。",
      "详见[防汛准备](/news/2026/b/)。",
    ),
    "news/2026/b.md": news("夏季防汛准备", "2026-05-01 09:00"),
  });
  const { cacheDir, sameProblems: same } = cachedBuilds(fixture, "2026-06-30 12:00");
  await same("first build");
  await same("second build, from the store");

  const store = openRecordStore(cacheDir, fixture.site, DEFAULT_TYPES);
  const a = store.entry(path.join(fixture.contentDir, "news/2026/a.md"))!.result.record!;
  const kept = keptWith(a);
  assert.ok(kept, "a record from the store has its kept values");
  assert.equal(typeof kept.digest, "string");
  assert.equal(storedDigestOf(a), kept.digest);
  assert.equal(typeof cleanUnder(a), "string", "the wording check found it clean in the first build");
  assert.deepEqual(
    bodyLinksKnown(a)?.links.map((l) => l.target),
    ["/news/2026/b/"],
  );
  assert.ok(notableStringsKnown(a));

  // A copy, changed or not, is another record: nothing kept for the original applies to it.
  for (const copy of [{ ...a }, Object.assign({}, a), { ...a, title: "改过的标题" }, structuredClone(a)]) {
    assert.equal(keptWith(copy), undefined);
    assert.equal(storedDigestOf(copy), undefined);
    assert.equal(cleanUnder(copy), undefined);
    assert.equal(notableStringsKnown(copy), undefined);
    assert.equal(bodyLinksKnown(copy), undefined);
  }
  // The slot is no key of the record: its keys, JSON and serialized bytes are a plain copy's.
  const plain = { ...a };
  assert.deepEqual(Object.keys(a), Object.keys(plain));
  assert.equal(JSON.stringify(a), JSON.stringify(plain));
  assert.deepEqual(v8.serialize(a), v8.serialize(plain));
});
