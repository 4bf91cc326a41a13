/**
 * The record store keeps every wording clean mark a build made, not only those of the files it
 * read (src/check/wording/clean-records.ts). A build that fills the cache runs the wording check
 * on a worker thread; the worker sends its marks back with the check's problems, so the fill's
 * store keeps them. Before, they never reached the store: the build after the fill scanned every
 * record again and wrote the store whole (and, earlier still, wrote nothing, so every one-edit
 * build after it scanned every record again). The SVG checks' verdicts come back the same way
 * (src/build/parallel/check-kept.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { buildSite } from "../../src/build/build-site.ts";
import { openRecordStore } from "../../src/build/cache/records.ts";
import type { ParallelSettings } from "../../src/build/parallel/settings.ts";
import { cleanUnder } from "../../src/check/wording/clean-records.ts";
import { wordingProblems } from "../../src/check/wording/check.ts";
import { DEFAULT_TYPES } from "../../src/content-types/index.ts";
import type { ContentRecord } from "../../src/content/types.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { RECENT_MS } from "../../src/content/record-cache.ts";

/** The checks that need no pages run on a worker (as in a fill of 2,000 files and more). */
const WORKERS: Partial<ParallelSettings> = { threads: 2, minFiles: 1, minPages: 1, workersOnly: true };

/** The sample portal's content copied (the tests edit and age files), with a cache folder beside it. */
async function sampleCopy(prefix: string) {
  const sample = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  return { ...sample, root, contentDir, cacheDir: path.join(root, "cache") };
}

test("a build after a fill keeps the wording marks its check made, and a one-edit build keeps them", async () => {
  const { site, now, root, contentDir, cacheDir } = await sampleCopy("gongkai-marks-");
  try {
    const build = (parallel: Partial<ParallelSettings>) =>
      buildSite({ site, contentDir, outDir: path.join(root, "out"), now, parallel, cacheDir });
    /** Records in the store with a clean mark, and those the check marks when run on them now. */
    const marks = () => {
      const records = openRecordStore(cacheDir, site, DEFAULT_TYPES)
        .snapshot()
        .map(([, entry]) => entry.result.record)
        .filter((r): r is ContentRecord => r !== undefined);
      const kept = records.filter((r) => cleanUnder(r) !== undefined).length;
      wordingProblems(site, DEFAULT_TYPES, records);
      return { kept, clean: records.filter((r) => cleanUnder(r) !== undefined).length };
    };

    await build(WORKERS);
    // The worker's marks come back with its problems: the fill's own store keeps them, so the
    // build after it (what an operator runs after one edit) neither scans nor writes the store whole.
    const afterFill = marks();
    assert.ok(afterFill.clean > 100, "the sample portal has clean records");
    assert.equal(afterFill.kept, afterFill.clean, "the fill's store keeps the worker's marks");
    await build({ threads: 1 });
    const afterAgain = marks();
    assert.ok(afterAgain.clean > 100, "the sample portal has clean records");
    assert.equal(afterAgain.kept, afterAgain.clean, "every clean record is marked in the store");

    const news = path.join(contentDir, "news");
    const file = path.join(news, readFirstNews(news));
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: (.*)$/m, "title: $1（修订）"));
    await build({ threads: 1 });
    const afterEdit = marks();
    assert.equal(afterEdit.kept, afterEdit.clean, "the delta keeps them");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a fill keeps the SVG verdicts its worker found", async () => {
  const { site, now, root, contentDir, cacheDir } = await sampleCopy("gongkai-svg-kept-");
  try {
    // A verdict is kept only for a file older than RECENT_MS (2 s); the copies are new.
    const media = path.join(contentDir, "media");
    const svgs = readdirSync(media, { recursive: true, encoding: "utf8" }).filter((rel) =>
      rel.endsWith(".svg"),
    );
    assert.ok(svgs.length > 10, "the sample portal has SVGs");
    // Their mtime put back would not do: the caches take the later of mtime and ctime, and
    // `utimes` sets ctime to now (record-cache.ts `stampFrom`). So the copies are let age.
    await sleep(RECENT_MS + 200);
    await buildSite({ site, contentDir, outDir: path.join(root, "out"), now, parallel: WORKERS, cacheDir });
    const stored = v8.deserialize(readFileSync(path.join(cacheDir, "svg-verdicts.v8"))) as {
      verdicts: [string, string, string | undefined][];
    };
    assert.deepEqual(
      stored.verdicts.map(([abs]) => path.relative(media, abs)).sort(),
      [...svgs].sort(),
      "every SVG's verdict, found on the worker, is in the fill's cache",
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A news file's path under `news`, by name order. */
function readFirstNews(news: string): string {
  return readdirSync(news, { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.endsWith(".md"))
    .sort()[0];
}
