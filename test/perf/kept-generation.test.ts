/**
 * The record store's generation (src/build/cache/generation.ts): after edits that keep every
 * record in its place, the results kept beside the store (site tallies' runs, organs' counts and
 * category lists) whose records include no edited one are taken without digesting their records;
 * whenever that is not certain (a file added or removed, a record moved, an organ file edited,
 * the clock past a scheduled item, a kept file or delta of another generation) nothing is taken
 * by generation and the results are checked by their records' digests as before. Every build's
 * output is byte for byte a build's without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { cutRunsEvery, tallyRunsTaken } from "../../src/build/cache/site-tallies.ts";
import { organCategoriesTaken } from "../../src/build/cache/organ-categories.ts";
import { organCountsTaken } from "../../src/build/cache/organ-counts.ts";
import { takenByGeneration } from "../../src/build/cache/generation.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";

test("kept results taken by the store's generation after edits in place, never when it is uncertain", async () => {
  cutRunsEvery(10);
  const fixture = await keptFixture("gongkai-kept-generation-");
  const { site, root, outDir, cleanDir, build, edit, add, remove, rewrite } = fixture;
  /** A build with the cache, then one without: the same bytes. What the first took, and how. */
  const compare = async (what: string) => {
    await build(true);
    const taken = {
      byGeneration: takenByGeneration(),
      runs: tallyRunsTaken(),
      counts: organCountsTaken(),
      categories: organCategoriesTaken(),
    };
    await build(false);
    assertSameOutput(outDir, cleanDir, what);
    return taken;
  };
  const untrusted = async (what: string) => {
    const taken = await compare(what);
    assert.equal(taken.byGeneration, 0, `${what}: nothing taken by generation`);
    return taken;
  };
  try {
    await build(true);
    const again = await compare("no edit");
    assert.ok(again.byGeneration > 10, `runs and organs taken by generation (${again.byGeneration})`);

    // A title: every run and organ but the item's taken by generation, as many as by digests before.
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    const title = await compare("a title");
    assert.ok(title.byGeneration > 10, `taken by generation (${title.byGeneration})`);
    assert.ok(title.byGeneration < again.byGeneration, "not the edited item's run and organ");
    assert.equal(
      title.runs + title.counts + title.categories,
      again.runs + again.counts + again.categories - 3,
    );

    // A failed build in between leaves the store and the kept results as they were.
    edit(ITEM, /^title: .*$/m, "title: ");
    await assert.rejects(build(true));
    edit(ITEM, /^title: $/m, "title: 市市场监管局开展节后食品安全专项检查（再修订）");
    assert.ok((await compare("after a failed build")).byGeneration > 10);

    // A file added, then removed; a record moved by its date; an organ's file.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    await untrusted("a file added");
    remove(added);
    await untrusted("a file removed");
    edit(ITEM, /^date: 2025-02-19/m, "date: 2025-02-18");
    await untrusted("a record moved");
    edit("organs/edu.md", "columns: [部门动态, 通知公告]", "columns: [通知公告]");
    await untrusted("an organ's file");

    // Kept files of another generation, and a delta of older code (no generation).
    edit(ITEM, /^title: (.*)$/m, "title: $1（三）");
    const kept = [
      "site-tallies.v8",
      "organ-counts.v8",
      "organ-categories.v8",
      "detail-urls.v8",
      "sitemap-details.v1",
      "interpretation-coverage.v8",
      "organ-owners.v8",
    ];
    for (const name of kept) rewrite(name, (stored) => void (stored.gen = "another"));
    await untrusted("kept files of another generation");
    edit(ITEM, /^title: (.*)$/m, "title: $1（四）");
    await compare("written again");
    edit(ITEM, /^title: (.*)$/m, "title: $1（五）");
    assert.ok((await compare("their generation again")).byGeneration > 10);
    rewrite("records.delta.v8", (stored) => void delete stored.gen);
    edit(ITEM, /^title: (.*)$/m, "title: $1（六）");
    await untrusted("a delta without a generation");

    // The item moves to another organ while the clock passes a scheduled item of its old organ's:
    // as many items there as before, but not the same ones.
    edit(ITEM, /^department: .*$/m, "department: 市教育局");
    await compare("another organ");
    edit(ITEM, /^department: .*$/m, "department: 市市场监督管理局");
    fixture.now = parseLocalDate("2026-12-16 12:00", site.timeZone)!.toMillis();
    await untrusted("the clock past a scheduled item");
  } finally {
    cutRunsEvery(128);
    rmSync(root, { recursive: true, force: true });
  }
});
