/**
 * 解读 coverage's codes kept by the record store's generation (src/build/cache/coverage-kept.ts,
 * src/tallies/coverage-codes.ts): after edits in place only the codes an edit can change are
 * computed again, the rest taken; a 解读 pointed at another document changes both documents'
 * codes (the one it left is read from the record before the edit); a file added or codes of
 * another generation compute every code. Every build's output and warnings are a build's
 * without the cache, byte for byte.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { coverageCodesPatched } from "../../src/tallies/coverage-codes.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";
/** A 图解 of 2026-00041 (its only 解读); 2026-00033 has two others. */
const GRAPHIC = "policies/2026/jd-bzg-2026-3.md";
const FROM = "11152200MB0000001X/2026-00041";
const TO = "11152200MB0000001X/2026-00033";

test("解读 coverage's codes are patched where edited when the store's generation holds", async () => {
  const { root, build, buildBoth, edit, add, remove, rewrite } = await keptFixture("gongkai-coverage-");
  /** A build with the cache, then one without: the same bytes and warnings. Whether the first patched. */
  const compare = async (what: string) => {
    const { cached, clean, counted: patched } = await buildBoth(what, coverageCodesPatched);
    assert.deepEqual(cached.state.warnings, clean.state.warnings, `${what}: warnings`);
    return { patched, warnings: cached.state.warnings.length };
  };
  try {
    await build(true);
    assert.equal((await compare("no edit")).patched, 1, "no edit: patched");
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    const title = await compare("a title");
    assert.equal(title.patched, 1, "a title: patched");

    // The 解读 moves to another document: 2026-00041 is left without one (a late warning), and
    // only the record before the edit says so.
    edit(GRAPHIC, `interprets: ${FROM}`, `interprets: ${TO}`);
    const moved = await compare("a 解读 moved");
    assert.equal(moved.patched, 1, "moved: patched");
    assert.equal(moved.warnings, title.warnings + 1, "the document left has a warning");
    edit(GRAPHIC, `interprets: ${TO}`, `interprets: ${FROM}`);
    assert.deepEqual(await compare("moved back"), { patched: 1, warnings: title.warnings });

    // A document of a required kind made one that needs no 解读, and back.
    const doc = "policies/2025/bzg-2025-1.md";
    edit(doc, /^kind: 行政规范性文件$/m, "kind: 其他文件");
    assert.equal((await compare("a kind changed")).patched, 1);
    edit(doc, /^kind: 其他文件$/m, "kind: 行政规范性文件");
    assert.equal((await compare("the kind back")).patched, 1);

    // A file added, then removed: every code computed.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    assert.equal((await compare("a file added")).patched, 0);
    remove(added);
    assert.equal((await compare("a file removed")).patched, 0);
    assert.equal((await compare("after the removal")).patched, 1);

    // Codes of another generation are not taken; wrong codes of this one are, so the file must
    // only ever hold what a build computed (written whole, with the store's generation).
    rewrite("interpretation-coverage.v8", (stored) => void (stored.gen = "another"));
    assert.equal((await compare("another generation")).patched, 0);
    assert.equal((await compare("written again")).patched, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
