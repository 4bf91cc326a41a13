/**
 * sitemap.xml with the build cache (src/build/cache/step-files.ts): placed from the cache when
 * every listed page's URL and last change are as before, made again when one is not, and always
 * the same bytes as a clean build's.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";

// The search index has nothing to do with the sitemap: left out, for time.
const parts = { pages: defaultPageSources, steps: defaultSteps.filter((s) => s.name !== "search index") };
const { root, build, edit } = await sampleCopy("sitemap-cache", parts);
const published = path.join(root, "incremental");

async function assertAsClean(what: string): Promise<void> {
  const clean = path.join(root, "clean");
  await build(clean, false);
  for (const file of ["sitemap.xml", "robots.txt", "manifest.json"])
    assert.equal(
      readFileSync(path.join(published, file), "utf8"),
      readFileSync(path.join(clean, file), "utf8"),
      `${what}: ${file}`,
    );
  rmSync(clean, { recursive: true, force: true });
}

test("sitemap.xml from the cache only while its pages' URLs and dates are the same", async (t) => {
  await build(published, true);

  await t.test("an edited title: placed from the cache", async () => {
    edit((s) => s.replace("市政府召开全体会议", "市政府召开第四次全体会议"));
    const result = await build(published, true);
    assert.equal(result.cache!.stepFilesPlaced, 2, "sitemap.xml and robots.txt");
    await assertAsClean("title");
  });

  await t.test(
    "an edited time, the order of every list kept: made again, with the new last change",
    async () => {
      edit((s) => s.replace(/^date: .*$/m, "date: 2026-01-07 17:55"));
      const result = await build(published, true);
      assert.equal(result.cache!.stepFilesPlaced, undefined);
      assert.match(readFileSync(path.join(published, "sitemap.xml"), "utf8"), /2026-01-07T17:55:00\+08:00/);
      await assertAsClean("date");
    },
  );
  rmSync(root, { recursive: true, force: true });
});
