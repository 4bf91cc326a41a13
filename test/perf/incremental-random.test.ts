/**
 * Randomized differential check of the build cache: a few fixed seeds of random editor and
 * operator edits to a copy of the sample portal (helpers/random-edits/), each step built with the
 * cache and clean, the trees compared byte for byte. Many seeds, longer: `npm run fuzz:incremental`.
 * GONGKAI_RANDOM_SEEDS=3,7 GONGKAI_RANDOM_STEPS=20 replays other seeds here.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomRun } from "../helpers/random-edits/run.ts";

const seeds = (process.env.GONGKAI_RANDOM_SEEDS ?? "1,2").split(",").map(Number);
const steps = Number(process.env.GONGKAI_RANDOM_STEPS ?? 6);
const root = mkdtempSync(path.join(tmpdir(), "gongkai-random-"));

for (const seed of seeds)
  test(`random edits, seed ${seed}: each incremental build equals a clean build`, async () => {
    const lines: string[] = [];
    const result = await randomRun({
      seed,
      steps,
      root: path.join(root, `seed-${seed}`),
      log: (l) => lines.push(l),
    });
    assert.equal(result.failure, undefined, `${result.failure}\n${lines.join("\n")}`);
  });

test.after(() => rmSync(root, { recursive: true, force: true }));
