/**
 * The randomized harness (helpers/random-edits/) with each edit kind session 49 added drawn once,
 * in order: an item's date moved into another year, two edits of one file, an item with
 * another's bytes, a 解读 link removed or added, an attachment replaced, added or removed, an
 * image replaced under its name, site config changes (name, column order, path prefix, colour, a
 * removed topic or renamed department that items still name, base URL, time zone), an organ
 * renamed, an item moved into a subfolder, 头条/cover/review_by toggled, an organ's file renamed
 * or its kind, order or 上级机关 changed (or a 年报 moved to another year), the clock at a new
 * year, and steps that put an earlier step's inputs back (its output must come back byte for
 * byte). Each step's cached build equals a clean one. GONGKAI_KINDS_SEEDS=3,4 replays other seeds.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomRun } from "../helpers/random-edits/run.ts";

const SEQUENCE = [
  "yearDate",
  "twice",
  "sameBytes",
  "interpretation",
  "attachment",
  "imageReplaced",
  "siteConfig",
  "organRename",
  "moveSub",
  "flags",
  "organ",
  "revert",
  "newYear",
  "siteConfig",
  "revert",
];
const seeds = (process.env.GONGKAI_KINDS_SEEDS ?? "1").split(",").map(Number);
const root = mkdtempSync(path.join(tmpdir(), "gongkai-kinds-"));

for (const seed of seeds)
  test(`session 49's edit kinds, seed ${seed}: each incremental build equals a clean build`, async () => {
    const lines: string[] = [];
    const result = await randomRun({
      seed,
      steps: SEQUENCE.length,
      sequence: SEQUENCE,
      root: path.join(root, `seed-${seed}`),
      log: (l) => lines.push(l),
    });
    assert.equal(result.failure, undefined, `${result.failure}\n${lines.join("\n")}`);
    assert.ok(result.steps.length > SEQUENCE.length, "every step ran");
  });

test.after(() => rmSync(root, { recursive: true, force: true }));
