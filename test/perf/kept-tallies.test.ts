/**
 * The site's tallies and statistics audit lists, and each organ's category lists, are kept in
 * the build cache (src/build/cache/site-tallies.ts, organ-categories.ts): after an edit only the
 * edited records' runs and organs are counted and sorted again, and what the build has is what a
 * build without the cache has, maps and lists in the same order, every output file the same bytes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { cutRunsEvery, recordRuns, tallyRunsTaken } from "../../src/build/cache/site-tallies.ts";
import { organCategoriesTaken } from "../../src/build/cache/organ-categories.ts";
import { organsOf } from "../../src/organs/platform.ts";
import { storedDigestOf } from "../../src/build/cache/records.ts";
import { computeTallies } from "../../src/tallies/compute.ts";
import { auditLists } from "../../src/tallies/audit.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";

/** Tallies and audit lists as text, in their maps' order (records by URL). */
function written(
  state: BuildState,
  tallies = state.tallies,
  lists = auditLists(state.portal, tallies),
): string {
  const entries = (map: Map<unknown, unknown>): unknown[] =>
    [...map].map(([k, v]) => [k, v instanceof Map ? entries(v) : v]);
  return JSON.stringify([
    tallies.years,
    entries(tallies.byYear),
    entries(tallies.total),
    [...lists].map(([key, records]) => [key, records.map((r) => r.url)]),
  ]);
}

/** The same without any memo: a copy of the site config is not the one the cache was opened for. */
function writtenClean(state: BuildState): string {
  const portal = { ...state.portal, site: { ...state.portal.site } };
  const tallies = computeTallies(portal);
  return written(state, tallies, auditLists(portal, tallies));
}

test("kept tallies, audit lists and category lists: only the edited runs and organs again, the clean build's results", async () => {
  // ~10 records a run: the sample portal (~200 files) has many.
  cutRunsEvery(10);
  const { root, outDir, cleanDir, build, edit } = await keptFixture("gongkai-kept-tallies-");
  /** A build with the cache, then one without: the same tallies and lists, the same bytes. */
  const compare = async (what: string) => {
    const { state } = await build(true);
    const taken = { runs: tallyRunsTaken(), organs: organCategoriesTaken() };
    assert.ok(taken.runs > 0 || what !== "no edit", "runs from the cache");
    assert.equal(written(state), writtenClean(state), `${what}: tallies and audit lists`);
    await build(false);
    assertSameOutput(outDir, cleanDir, what);
    const runs = recordRuns(state.portal.records);
    return {
      runs: runs.length,
      // A run is kept under its records' digests; a record the store keeps none for (one that
      // reads the clock, as a consultation does) is read anew each build, and its run counted.
      keyed: runs.filter((run) => run.every((r) => storedDigestOf(r) !== undefined)).length,
      organs: organsOf(state.portal).list.length,
      runsTaken: taken.runs,
      organsTaken: taken.organs,
    };
  };
  try {
    await build(true);
    const again = await compare("no edit");
    assert.ok(again.runs > 10, `the records are cut into runs (${again.runs})`);
    assert.ok(again.keyed >= again.runs - 1, `runs with a record not kept: ${again.runs - again.keyed}`);
    assert.equal(again.runsTaken, again.keyed, "every keyed run's counts from the cache");
    assert.ok(again.organs > 3, "the sample portal has organs");
    assert.equal(again.organsTaken, again.organs, "every organ's category lists from the cache");

    // One item moves to another organ, with another title: its run and two organs again.
    const item = "news/2025/0219-market-food-safety-inspection.md";
    edit(item, /^department: .*$/m, "department: 市教育局");
    edit(item, /^title: (.*)$/m, "title: $1（修订）");
    const moved = await compare("an item moves to another organ");
    assert.ok(moved.keyed >= moved.runs - 2, "the edited item's run is not keyed");
    assert.ok(moved.keyed < again.keyed, "the edited item's run is not keyed");
    assert.equal(moved.runsTaken, moved.keyed, "the other runs' counts from the cache");
    assert.equal(moved.organsTaken, moved.organs - 2, "the other organs' lists from the cache");

    // An organ's categories take other items: its lists again, though none of its items changed.
    edit("organs/edu.md", "columns: [部门动态, 通知公告]", "columns: [通知公告]");
    const rules = await compare("an organ's category rules");
    // The organ's own record is one of the portal's (in a run, though not counted).
    assert.equal(rules.runsTaken, rules.keyed, "the other runs' counts from the cache");
    assert.ok(rules.keyed >= rules.runs - 2);
    assert.equal(rules.organsTaken, rules.organs - 1, "only that organ's lists again");

    // An item in a year of its own: every run is listed again for the new years.
    edit(item, /^date: 2025-/m, "date: 2023-");
    const year = await compare("a new year");
    // It moves to the end of the records: the run it left and the run it joined are counted again.
    assert.equal(year.runsTaken, year.keyed - 1, "the other runs' counts from the cache");

    edit(item, /^date: 2023-/m, "date: 2025-");
    edit(item, /^department: .*$/m, "department: 市市场监督管理局");
    edit("organs/edu.md", "columns: [通知公告]", "columns: [部门动态, 通知公告]");
    await compare("all back");
  } finally {
    cutRunsEvery(128);
    rmSync(root, { recursive: true, force: true });
  }
});
