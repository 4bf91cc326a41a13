/**
 * Each record's organ kept by the record store's generation (src/build/cache/organ-owners-kept.ts,
 * src/organs/owners.ts): after edits in place only the edited records' owners are found again,
 * an item moved to another organ too; a file added or removed, an organ's file edited, or kept
 * owners of another generation find every owner. Every build's output is byte for byte a build's
 * without the cache, and the organs' items are the ones a pass over every record gives.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { organOwnersTaken } from "../../src/organs/owners.ts";
import { ownerOf, organsOf } from "../../src/organs/platform.ts";
import type { BuildState } from "../../src/eleventy/state.ts";
import { keptFixture } from "../helpers/kept-fixture.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";

/** Each organ's items as a pass over every record finds them, by the organ's key. */
function itemsByPass(state: BuildState): Map<string, string[]> {
  const organs = organsOf(state.portal).list;
  const names = new Set(organs.map((o) => o.name));
  return new Map(
    organs.map((o) => [
      o.key,
      state.portal.records.filter((r) => ownerOf(r, names) === o.name).map((r) => r.file),
    ]),
  );
}

const itemsOf = (state: BuildState) =>
  new Map(organsOf(state.portal).list.map((o) => [o.key, o.items.map((r) => r.file)]));

test("the organs' items are found only for the edited records when the store's generation holds", async () => {
  const { root, build, buildBoth, edit, add, remove, rewrite } = await keptFixture("gongkai-organ-owners-");
  /** A build with the cache, then one without: the same bytes and items. Whether the first took the owners. */
  const compare = async (what: string) => {
    const { cached, clean, counted } = await buildBoth(what, organOwnersTaken);
    assert.deepEqual(itemsOf(cached.state), itemsByPass(cached.state), `${what}: the items of a pass`);
    assert.deepEqual(itemsOf(cached.state), itemsOf(clean.state), `${what}: a clean build's items`);
    return { taken: counted, market: itemsOf(cached.state).get("market")!.length };
  };
  try {
    await build(true);
    const first = await compare("no edit");
    assert.equal(first.taken, 1, "no edit: taken");
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    assert.deepEqual(await compare("a title"), first, "a title: taken, the same items");

    // The item moves to another organ with a platform, then back: taken, the owner found again.
    edit(ITEM, /^department: .*$/m, "department: 市民政局");
    assert.deepEqual(await compare("another organ"), { taken: 1, market: first.market - 1 });
    edit(ITEM, /^department: .*$/m, "department: 市市场监督管理局");
    assert.deepEqual(await compare("back"), first);

    // A file added, then removed; an organ's file: every owner found.
    const added = "news/2025/0220-added.md";
    add(added, ITEM);
    assert.deepEqual(await compare("a file added"), { taken: 0, market: first.market + 1 });
    remove(added);
    assert.equal((await compare("a file removed")).taken, 0);
    assert.equal((await compare("after the removal")).taken, 1);
    edit("organs/edu.md", "columns: [部门动态, 通知公告]", "columns: [通知公告]");
    assert.equal((await compare("an organ's file")).taken, 0);

    // Owners of another generation, or of another list of organs, are not taken.
    rewrite("organ-owners.v8", (stored) => void (stored.gen = "another"));
    assert.equal((await compare("another generation")).taken, 0);
    rewrite("organ-owners.v8", (stored) => void (stored.names = [...(stored.names as string[])].reverse()));
    assert.equal((await compare("names in another order")).taken, 0);
    assert.equal((await compare("written again")).taken, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
