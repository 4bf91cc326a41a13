/**
 * False alarms kill a wording check: the sample portal (which declares leaders, organs and places)
 * and a synthetic benchmark corpus must give no wording, sign-off or date finding at all. The
 * benchmark prints the same count for its 10k and 50k corpora (bench/wording.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadContent } from "../../src/content/loader.ts";
import { wordingProblems } from "../../src/check/wording/check.ts";
import { signoffProblems } from "../../src/check/signoff.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import { backdatingProblems } from "../../src/check/dates.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { generateSyntheticPortal } from "../../bench/synthetic.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

test("the sample portal gives no wording, sign-off or backdating finding", async () => {
  const { site, contentDir, now } = await samplePortal();
  assert.ok(site.wording.leaders.length > 0 && site.wording.places.length > 0, "the sample declares names");
  const records = loadContent({ site, contentDir, now }).all;
  const problems = [
    ...wordingProblems(site, DEFAULT_TYPES, records),
    ...signoffProblems(site, DEFAULT_TYPES, records),
    ...backdatingProblems(site, records, contentDir, now),
  ];
  assert.deepEqual(problems.map(formatProblem), []);
});

test("a synthetic corpus of 2,000 items gives no wording finding", async () => {
  const { site } = await samplePortal();
  const contentDir = path.join(mkdtempSync(path.join(tmpdir(), "gongkai-wording-")), "content");
  generateSyntheticPortal(site, contentDir, { count: 2000 });
  const records = loadContent({ site, contentDir, now: Date.UTC(2026, 0, 1) }).all;
  assert.ok(records.length >= 2000);
  assert.deepEqual(wordingProblems(site, DEFAULT_TYPES, records).map(formatProblem), []);
});
