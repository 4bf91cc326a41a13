/**
 * The 解读 maps' traced reads taken by the record store's generation (src/build/cache/
 * interpretation-reads.ts): a reused page's check does not digest `portal.interpretedDocOf.get(k)`
 * or `portal.interpretationsOf.get(k)` when no edit can reach the entry. Edits of a 解读's target
 * (title, 索引号), of a 解读's link, a 解读 losing its link, a target removed and added again, a
 * 解读 added and the site config changed: every build with the cache is a build without it, byte
 * for byte. And after each build, every entry of the two maps (any 索引号 either build knows)
 * that the rule takes as it was holds the same records as in the build before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { keptFixture } from "../helpers/kept-fixture.ts";
import { sinceOf } from "../../src/build/cache/generation.ts";
import { mapReadsSince } from "../../src/build/cache/interpretation-reads.ts";
import type { Portal } from "../../src/portal/portal.ts";
import type { BuildResult } from "../../src/build/build-site.ts";

const ITEM = "news/2025/0219-market-food-safety-inspection.md";
/** A 图解 (索引号 2026-00042) of 2026-00041, its only 解读; 2026-00033 has two others. */
const GRAPHIC = "policies/2026/jd-bzg-2026-3.md";
const TARGET = "policies/2026/bzg-2026-3.md";
const FROM = "11152200MB0000001X/2026-00041";
const TO = "11152200MB0000001X/2026-00033";
const NEW = "11152200MB0000001X/2026-00097";
const MAPS = ["interpretedDocOf", "interpretationsOf"] as const;

/**
 * Checks the rule between two builds' portals: each entry it takes as it was (`holds`) is the same
 * records now. How many entries it took and how many it left to be digested that differ; undefined
 * when the generation proves nothing.
 */
function checkRule(before: BuildResult, now: BuildResult, what: string) {
  const since = sinceOf(now.state.options.cache);
  const stamp = since?.gen && [since.gen, String(before.state.portal.records.length)];
  const reads = mapReadsSince(now.state.portal, since, stamp || undefined);
  if (reads === undefined) return undefined;
  const keys = new Set<string>();
  for (const portal of [before.state.portal, now.state.portal]) {
    for (const name of MAPS) for (const key of portal[name].keys()) keys.add(key);
    for (const policy of portal.byType.policy) {
      keys.add(policy.fields.index_no);
      if (policy.fields.interprets) keys.add(policy.fields.interprets);
    }
  }
  const text = (portal: Portal, name: (typeof MAPS)[number], key: string) =>
    JSON.stringify(portal[name].get(key)) ?? "u";
  let held = 0;
  let changed = 0;
  for (const key of keys)
    for (const name of MAPS) {
      const same = text(before.state.portal, name, key) === text(now.state.portal, name, key);
      if (reads.holds(JSON.stringify(["portal", name, { get: key }]))) {
        assert.ok(same, `${what}: ${name}.get(${key}) taken as it was, but it changed`);
        held++;
      } else if (!same) changed++;
    }
  return { held, changed };
}

test("the 解读 maps' reads no edit reaches are taken by the generation, the output a clean build's", async () => {
  const fixture = await keptFixture("gongkai-map-reads-");
  const { root, build, buildBoth, edit, add, remove } = fixture;
  let last = await build(true);
  /** A build with the cache and one without (the same bytes): the map reads it took, and the rule's check. */
  const step = async (what: string) => {
    const { cached } = await buildBoth(what, () => 0);
    const rule = checkRule(last, cached, what);
    last = cached;
    return { kept: cached.cache?.mapReadsKept, rule };
  };
  /** A step whose edits the generation covers: entries taken, and `changed` (at least) left to digest. */
  const covered = async (what: string, changed: number) => {
    const { kept, rule } = await step(what);
    assert.ok(rule !== undefined && rule.held > 0, `${what}: entries taken`);
    assert.ok(rule.changed >= changed, `${what}: ${rule.changed} entries changed`);
    return kept;
  };
  try {
    const all = await covered("no edit", 0);
    assert.ok(all !== undefined && all > 10, `no edit: ${all} map reads taken`);
    edit(ITEM, /^title: (.*)$/m, "title: $1（修订）");
    assert.equal(await covered("a news title", 0), all, "a news title: every map read taken");

    // The target's title: the 解读's interpretedDocOf entry; the 解读's title: the target's list.
    edit(TARGET, /^title: (.*)$/m, "title: $1（修订）");
    await covered("the target retitled", 1);
    edit(GRAPHIC, /^title: (.*)$/m, "title: $1（修订）");
    await covered("the 解读 retitled", 1);

    // The 解读 moves to another document, and back.
    edit(GRAPHIC, `interprets: ${FROM}`, `interprets: ${TO}`);
    await covered("a 解读 moved", 3);
    edit(GRAPHIC, `interprets: ${TO}`, `interprets: ${FROM}`);
    await covered("moved back", 3);

    // The target's 索引号 changed, its 解读 following it (a 解读 must name a document), and back.
    edit(TARGET, `index_no: ${FROM}`, `index_no: ${NEW}`);
    edit(GRAPHIC, `interprets: ${FROM}`, `interprets: ${NEW}`);
    await covered("the target's 索引号", 3);
    edit(TARGET, `index_no: ${NEW}`, `index_no: ${FROM}`);
    edit(GRAPHIC, `interprets: ${NEW}`, `interprets: ${FROM}`);
    await covered("the 索引号 back", 3);

    // The 解读 removed (its document has none), then added again; a second 解读 added: nothing
    // is taken by the generation across a file added or removed, and the build after takes them again.
    const graphic = readFileSync(path.join(fixture.contentDir, GRAPHIC), "utf8");
    remove(GRAPHIC);
    assert.equal((await step("the 解读 removed")).kept, undefined);
    writeFileSync(path.join(fixture.contentDir, GRAPHIC), graphic);
    assert.equal((await step("the 解读 back")).kept, undefined);
    const second = "policies/2026/jd-bzg-2026-3b.md";
    add(second, GRAPHIC);
    edit(second, "index_no: 11152200MB0000001X/2026-00042", "index_no: 11152200MB0000001X/2026-00098");
    assert.equal((await step("a second 解读")).kept, undefined);
    const more = await covered("after it", 0);
    assert.ok(more !== undefined && more > all, `after it: ${more} map reads taken`);
    edit(second, `interprets: ${FROM}`, `interprets: ${TO}`);
    await covered("the second 解读 moved", 3);

    // Another site config: another fingerprint, nothing of the cache is used.
    fixture.site = { ...fixture.site, name: `${fixture.site.name}（修订）` };
    assert.equal((await step("another site name")).kept, undefined);
    assert.equal(await covered("with it", 0), more);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
