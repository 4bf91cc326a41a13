/**
 * The streamed pages' keys (src/build/cache/streamed.ts `pageKey`, digest.ts) and the staging
 * folder's claims (blobs.ts) take shortcuts: a detail page's key is not hashed, a list page's
 * items are written out in place (no memo, no hash of their own), a claimed file stays in the
 * spare map marked. Each test below is a case where a wrong shortcut would reuse a stale page or
 * keep a file nobody claimed; test/perf/incremental-build.test.ts compares whole builds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { linkSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Digests } from "../../src/build/cache/digest.ts";
import { pageKey } from "../../src/build/cache/streamed.ts";
import { BuildCache, sha256Of } from "../../src/build/cache/store.ts";
import type { SpareFiles } from "../../src/build/cache/staging-claims.ts";

const record = (id: number, title: string) => ({ id, title, body: `正文 ${id}` });

test("a list page's items: other records, another order or an edited record give another key", () => {
  const records = [record(1, "一"), record(2, "二"), record(3, "三")];
  const digests = new Digests(new Set(records));
  const page = (items: object[]) => ({ title: "新闻中心", breadcrumbs: [{ label: "首页" }], items });
  const key = (items: object[]) => pageKey("fp", "lists", "/news/", digests.unhashed(page(items)));

  const first = key([records[0], records[1]]);
  assert.equal(key([records[0], records[1]]), first, "the same records in a new slice: the same key");
  assert.notEqual(key([records[1], records[0]]), first, "another order");
  assert.notEqual(key([records[0], records[2]]), first, "another member");
  assert.notEqual(key([records[0]]), first, "one fewer");

  // The next build: the second record edited (a new object, so a new digest).
  const edited = [records[0], record(2, "二（修订）"), records[2]];
  const next = new Digests(new Set(edited));
  const nextKey = pageKey("fp", "lists", "/news/", next.unhashed(page([edited[0], edited[1]])));
  assert.notEqual(nextKey, first);
});

test("items longer than a page's slice are still digested whole", () => {
  const records = Array.from({ length: 200 }, (_, i) => record(i, `标题${i}`));
  const digests = new Digests(new Set(records));
  const all = digests.unhashed({ items: records });
  const lastChanged = digests.unhashed({ items: [...records.slice(0, 199), record(199, "别的")] });
  assert.notEqual(all, lastChanged);
  assert.equal(digests.unhashed({ items: [...records] }), all);
});

test("a detail page's key (not hashed) names its template, its record's digest and its URL", () => {
  const one = record(1, "一");
  const digests = new Digests(new Set([one]));
  const item = digests.unhashed(one);
  assert.match(item, /^#/);
  const key = pageKey("fp", "details", "/news/1/", item);
  assert.notEqual(pageKey("fp", "details", "/news/one/", item), key, "another URL");
  assert.notEqual(pageKey("fp", "print", "/news/1/", item), key, "another template");
  const edited = record(1, "一（修订）");
  const next = new Digests(new Set([edited]));
  assert.notEqual(pageKey("fp", "details", "/news/1/", next.unhashed(edited)), key, "an edited record");
  // A list page's key is a hash: it never equals a detail page's.
  assert.doesNotMatch(pageKey("fp", "lists", "/news/", digests.unhashed({ items: [one] })), / /);
});

test("a claimed staging file is neither offered again nor swept; an unclaimed one is", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gongkai-claims-"));
  try {
    const cache = BuildCache.open(path.join(dir, "cache"), "fp");
    assert.ok(cache instanceof BuildCache);
    const staging = path.join(dir, "staging");
    mkdirSync(staging);
    // Three files of the staging folder, each a blob this build stores.
    const files = ["a.html", "b.html", "c.html"].map((name) => path.join(staging, name));
    const shas = files.map((file, i) => {
      writeFileSync(file, `页面 ${i}`);
      const sha256 = sha256Of(`页面 ${i}`);
      cache.store(file, sha256);
      return sha256;
    });
    // Offered as adoptSpare offers them, none noted as a blob's link (an empty index knows no blob).
    const spareOf = (offered: string[]): SpareFiles => ({
      root: staging + path.sep,
      paths: new Map(offered.map((file, i) => [path.relative(staging, file), i])),
      inodes: Float64Array.from(offered, (file) => lstatSync(file).ino),
      blobs: new Int32Array(offered.length).fill(-1),
      sha256s: [],
      stats: new Float64Array(0),
    });
    cache.offer(spareOf(files));
    assert.equal(cache.place(shas[0], files[0]), true, "the blob's own link: placed");
    assert.equal(cache.claim(files[0], shas[0]), false, "claimed once only");
    cache.vacate(files[1]);
    assert.equal(existsSync(files[1]), false, "vacated: removed before anything is written there");
    cache.vacate(files[1]);
    // Another blob's bytes wanted at c.html: the file is removed, then linked from the blob.
    assert.equal(cache.place(shas[0], files[2]), true);
    assert.equal(lstatSync(files[2]).ino, lstatSync(files[0]).ino);
    assert.deepEqual(cache.unclaimed(), [], "every file was claimed or vacated");

    // A fresh offer: what is not claimed is left for the sweep.
    linkSync(files[0], files[1]);
    cache.offer(spareOf([files[1]]));
    assert.deepEqual(cache.unclaimed(), [files[1]]);
    cache.release();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
