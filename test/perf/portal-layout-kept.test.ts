/**
 * Where each record goes in the portal, kept by the record store's generation
 * (src/build/cache/portal-layout-kept.ts, src/portal/portal-layout.ts): after edits in place the
 * kept layout is taken and only the edited records' year, column and topics are read again; a file
 * added, removed or renamed, a record moved by its date, or a layout of another generation lays
 * out every record. Every build's output is byte for byte a build's without the cache, and the
 * portal is the one a fresh layout of the same records gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import { buildPortal, recordsOf, type Portal } from "../../src/portal/portal.ts";
import { portalLayoutsTaken } from "../../src/portal/portal-layout.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";
const CONSULTATION = "consultations/2026/elderly-meal-subsidy-draft.md";

/** Every part of a portal, records by file, in order (a Map's order included). */
function shapeOf(portal: Portal) {
  const files = (records: readonly { file: string }[]) => records.map((r) => r.file);
  const map = <V>(m: ReadonlyMap<string | number, V>, of: (v: V) => unknown) =>
    [...m].map(([k, v]) => [k, of(v)]);
  return {
    records: files(portal.records),
    byType: Object.entries(portal.byType).map(([type, records]) => [type, files(records)]),
    byUrl: map(portal.byUrl, (r) => r.file),
    newsByColumn: map(portal.newsByColumn, files),
    byTopic: map(portal.byTopic, files),
    interpretationsOf: map(portal.interpretationsOf, files),
    interpretedDocOf: map(portal.interpretedDocOf, (r) => r.file),
    years: portal.years,
    reports: map(portal.reports, (r) => r.file),
  };
}

/** The state's portal against one laid out afresh from its records (no kept layout: `shared`). */
function assertFresh(state: BuildState, what: string): void {
  const { portal } = state;
  // The same records (the yearly types' are not in `records`), laid out with no kept layout.
  const yearly = portal.types.filter((t) => t.yearly).flatMap((t) => recordsOf(portal, t.type));
  const fresh = buildPortal(portal.site, [...yearly, ...portal.records].reverse(), portal.types, true);
  assert.deepEqual(shapeOf(portal), shapeOf(fresh), `${what}: the portal of a fresh layout`);
  // The same record objects, not only the same files.
  portal.records.forEach((r, k) => assert.equal(r, fresh.records[k], `${what}: record ${k}`));
}

test("the portal's layout is patched for edits in place and laid out again otherwise", async () => {
  const { root, contentDir, build, buildBoth, edit, add, remove, rewrite } =
    await keptFixture("gongkai-portal-layout-");
  const compare = async (what: string) => {
    const { cached, clean, counted } = await buildBoth(what, portalLayoutsTaken);
    assertFresh(cached.state, what);
    assert.deepEqual(
      shapeOf(cached.state.portal),
      shapeOf(clean.state.portal),
      `${what}: a clean build's portal`,
    );
    return counted;
  };
  try {
    await build(true);
    assert.equal(await compare("no edit"), 1, "no edit: taken");
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    assert.equal(await compare("a title"), 1, "a title: taken");

    // The item moves to another column and gains and loses topics: taken, its places read again.
    edit(ITEM, /^column: .*$/m, "column: 通知公告");
    assert.equal(await compare("another column"), 1, "another column: taken");
    edit(ITEM, /^topics: .*$/m, "topics: [惠农惠牧, 食品安全]");
    assert.equal(await compare("more topics"), 1, "more topics: taken");
    edit(ITEM, /^topics: .*$/m, "topics: []");
    assert.equal(await compare("no topics"), 1, "no topics: taken");
    edit(ITEM, /^topics: .*$/m, "topics: [食品安全]");
    edit(ITEM, /^column: .*$/m, "column: 部门动态");
    assert.equal(await compare("back"), 1, "back: taken");
    // A consultation (shown as of the clock: read again wherever it is).
    edit(CONSULTATION, /^title: (.*)$/m, "title: $1（修订）");
    assert.equal(await compare("a consultation"), 1, "a consultation: taken");

    // A file added, removed, renamed; a record moved by its date: laid out again.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    assert.equal(await compare("a file added"), 0, "a file added: laid out");
    assert.equal(await compare("after the addition"), 1);
    remove(added);
    assert.equal(await compare("a file removed"), 0, "a file removed: laid out");
    const renamed = "news/2025/0219-renamed.md";
    renameSync(path.join(contentDir, ITEM), path.join(contentDir, renamed));
    assert.equal(await compare("a file renamed"), 0, "a file renamed: laid out");
    edit(renamed, /^date: 2025-02-19/m, "date: 2025-02-18");
    assert.equal(await compare("a record moved"), 0, "a record moved: laid out");
    assert.equal(await compare("after the move"), 1);

    // A layout of another generation, or damaged, is not taken.
    edit(renamed, /^title: (.*)$/m, "title: $1（三）");
    rewrite("portal-layout.v8", (stored) => void (stored.gen = "another"));
    assert.equal(await compare("another generation"), 0);
    rewrite("portal-layout.v8", (stored) => void (stored.order as Int32Array).fill(0));
    assert.equal(await compare("a damaged order"), 0);
    assert.equal(await compare("written again"), 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
