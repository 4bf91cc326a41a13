/**
 * sitemap.xml's detail lines named by a digest kept by the record store's generation
 * (src/build/cache/sitemap-details.ts): after edits in place the digest is taken, not made
 * from a line per detail; an edited time, a detail page less or more, a file added or removed,
 * or a digest of another generation makes it again. Every build's output is byte for byte a
 * build's without the cache, and sitemap.xml is placed from the cache only when it is the same.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { sitemapDetailsTaken } from "../../src/build/cache/sitemap-details.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";
const LETTER = "letters/2026/snow-clearing.md";

test("sitemap.xml's detail lines are taken by the store's generation after edits in place", async () => {
  const { root, build, buildBoth, edit, add, remove, rewrite } =
    await keptFixture("gongkai-sitemap-details-");
  /** A build with the cache, then one without: the same bytes. Whether the first took the digest, placed sitemap.xml. */
  const compare = async (what: string) => {
    const { cached, counted } = await buildBoth(what, sitemapDetailsTaken);
    return { taken: counted, placed: cached.cache?.stepFilesPlaced === 2 };
  };
  try {
    await build(true);
    assert.deepEqual(await compare("no edit"), { taken: 1, placed: true }, "no edit");
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    assert.deepEqual(await compare("a title"), { taken: 1, placed: true }, "a title");

    // A time changed: the generation does not hold, the lines are made and sitemap.xml with them.
    edit(ITEM, /^date: .*$/m, "date: 2025-02-19 15:30");
    assert.deepEqual(await compare("a time"), { taken: 0, placed: false }, "a time");
    assert.deepEqual(await compare("after the time"), { taken: 1, placed: true }, "after the time");

    // A letter made private and public again: a detail page less, then more.
    edit(LETTER, /^public: true$/m, "public: false");
    assert.equal((await compare("a letter made private")).placed, false, "a letter made private");
    edit(LETTER, /^public: false$/m, "public: true");
    assert.equal((await compare("made public again")).placed, false, "made public again");

    // A file added, then removed: the lines are made.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    assert.deepEqual(await compare("a file added"), { taken: 0, placed: false }, "a file added");
    remove(added);
    assert.deepEqual(await compare("a file removed"), { taken: 0, placed: false }, "a file removed");
    assert.deepEqual(await compare("after the removal"), { taken: 1, placed: true }, "after the removal");

    // A digest of another generation is not taken (the lines made say the same: placed).
    rewrite("sitemap-details.v1", (stored) => void (stored.gen = "another"));
    assert.deepEqual(await compare("another generation"), { taken: 0, placed: true }, "another generation");
    assert.deepEqual(await compare("written again"), { taken: 1, placed: true }, "written again");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
