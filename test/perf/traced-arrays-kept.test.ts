/**
 * The portal's arrays that pages read whole (`portal.records`, `portal.byType.*`, a column's news,
 * a topic's items: src/build/cache/traced-arrays.ts) take the last build's elements hash when none
 * of their records changed, or it with an edited record's place replaced, instead of being walked
 * (~80k elements at 50k items after one edit). Each build's output is compared with a clean
 * build's byte for byte: nothing changed, a title edited, an item dated newest (it moves to the
 * front of `portal.records` and of its column, and between list pages) and back, its column
 * changed (out of one column's array into another's), the item deleted and added back, and a
 * config change (the page size) that makes the cache start over.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";
import { ownFieldsPath } from "../../src/build/cache/traced-arrays.ts";

const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const { root, contentDir, compare, edit } = await sampleCopy("traced-arrays", parts, { pageSize: 2 });

test("only the portal's own-field arrays are vouched for", () => {
  assert.ok(ownFieldsPath(["portal", "records"]));
  assert.ok(ownFieldsPath(["portal", "byType", "news"]));
  assert.ok(ownFieldsPath(["portal", "newsByColumn", { get: "市级新闻" }]));
  assert.ok(ownFieldsPath(["portal", "byTopic", { get: "优化营商环境" }]));
  // Cut by another record (a 解读's target), or not the portal's: walked.
  assert.ok(!ownFieldsPath(["portal", "interpretationsOf", { get: "x" }]));
  assert.ok(!ownFieldsPath(["portal", "years"]));
  assert.ok(!ownFieldsPath(["lists"]));
  assert.ok(!ownFieldsPath(["portal", "byType"]));
  assert.ok(!ownFieldsPath(["tallies", "byType", "news"]));
});

test("portal arrays read whole keep their hash after an edit, and the output is a clean build's", async (t) => {
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const first = await compare("first build");
  assert.equal(first.tracedArraysKept, 0, "nothing to keep from");
  const unchanged = await compare("unchanged");
  const kept = unchanged.tracedArraysKept ?? 0;
  assert.ok(kept >= 3, `arrays kept: ${kept}`);
  assert.equal(unchanged.rendered, unchanged.uncomparable, "nothing rendered but the uncomparable");

  edit((text) => text.replace(/^title: (.*)$/m, "title: $1（修订）"));
  const title = await compare("title edited");
  assert.ok((title.tracedArraysKept ?? 0) >= kept, `kept after a title edit: ${title.tracedArraysKept}`);

  // Newest of all: it moves to the front of portal.records and its column's news (walked), and
  // the pages of the lists it moves through change.
  edit((text) => text.replace(/^date: 2026-01-07/m, "date: 2026-11-26"));
  const newest = await compare("dated newest");
  assert.ok((newest.tracedArraysKept ?? 0) < kept, `kept when it moved: ${newest.tracedArraysKept}`);
  edit((text) => text.replace(/^date: 2026-11-26/m, "date: 2026-01-07"));
  await compare("dated back");
  await compare("unchanged after the moves");

  // Out of 市级新闻's array into 部门动态's.
  edit((text) => text.replace(/^column: .*$/m, "column: 部门动态"));
  await compare("column changed");

  const deleted = path.join(contentDir, "news/2026/0210-key-projects-2026.md");
  const text = readFileSync(deleted, "utf8");
  rmSync(deleted);
  await compare("item deleted");
  writeFileSync(deleted, text);
  await compare("item added back");
});
