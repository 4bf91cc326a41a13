/**
 * What the wording matcher looks for (src/check/wording/matcher.ts): an exact occurrence of a
 * declared name matters only for a leader's title and term, so a name no leader holds is not a
 * pattern of its own (each department's or place's name in a text was a hit that did nothing);
 * its near misses are found as before, from its halves and swaps.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadSiteConfig } from "../../src/config/load.ts";
import { WordingMatcher } from "../../src/check/wording/matcher.ts";
import { declaredNames } from "../../src/check/wording/names.ts";

const site = await loadSiteConfig(new URL("../../site.config.ts", import.meta.url).pathname);
const now = Date.UTC(2026, 0, 1);

test("a name no leader holds is no pattern of its own; a leader's name is", () => {
  const matcher = new WordingMatcher(site);
  const { automaton, actions } = matcher as unknown as {
    automaton: { patterns: readonly string[] };
    actions: { type: string; name?: { leaders: unknown[] } }[][];
  };
  const idle = actions.flatMap((list, id) =>
    list.some((a) => a.type === "exact" && a.name!.leaders.length === 0) ? [automaton.patterns[id]] : [],
  );
  assert.deepEqual(idle, [], "patterns with an exact action that checks nothing");
  const names = declaredNames(site);
  const leader = names.find((n) => n.leaders.length > 0)!;
  const place = names.find((n) => n.kind === "地名" && n.text.length >= 3)!;
  assert.ok(automaton.patterns.includes(leader.text), leader.text);
  // The place is still matched through its halves: a homophone miss of it is found, its exact name is not.
  assert.deepEqual(matcher.findings(`来自${place.text}的消息`, now), []);
  const last = place.text.at(-1)!;
  const homophone = { 镇: "振", 市: "是", 道: "到", 河: "和" }[last];
  if (homophone) {
    const miss = place.text.slice(0, -1) + homophone;
    const found = matcher.findings(`来自${miss}的消息`, now);
    assert.equal(found.length, 1, miss);
    assert.equal(found[0].found, miss);
  }
});

test("a leader's name still carries the title and term checks", () => {
  const matcher = new WordingMatcher(site);
  // 郑国栋 is 市委副书记 and 市长 in the sample site config, not 副市长.
  const found = matcher.findings("副市长郑国栋出席会议", now);
  assert.deepEqual(
    found.map((f) => [f.kind, f.start, f.found]),
    [["leader", 0, "副市长郑国栋"]],
  );
});
