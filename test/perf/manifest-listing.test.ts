/**
 * The manifest of a build with the cache reads again only the folders changed since the spare
 * folder was listed (src/build/cache/folder-listing.ts): its manifest equals a clean build's, and
 * a file a step writes without declaring it still stops the build, even in a folder nothing else
 * changed. All but the search index's folder is listed while the index is still being written.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import type { BuildStep } from "../../src/build/steps.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { settleSpare } from "../helpers/settle-spare.ts";
import { sampleCopy } from "../helpers/sample-copy.ts";

/** A page no edit here changes: its folder is taken from the listing unless something writes into it. */
const UNTOUCHED = "news/2026/0128-spring-festival-service-hours-2026";
/** A step that writes a file it does not declare, into that page's folder, when `stray` is set. */
let stray = false;
const strayStep: BuildStep = {
  name: "stray",
  outputs: () => [],
  run: (_state, outDir) => {
    if (stray) writeFileSync(path.join(outDir, UNTOUCHED, "extra.txt"), "未声明\n");
  },
};
const parts: SiteParts = {
  pages: defaultPageSources,
  steps: [
    ...defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
    strayStep,
  ],
};
const { root, cacheDir, build, edit } = await sampleCopy("manifest-listing", parts);
const published = path.join(root, "incremental");

test("the manifest lists only changed folders again, and still finds an undeclared file", async (t) => {
  await build(published, true);
  await build(published, true);

  await t.test(
    "an edit: the same manifest as a clean build, most folders taken from the listing",
    async () => {
      settleSpare(cacheDir);
      edit((text) => text.replace("市政府召开全体会议", "市政府召开第三次全体会议"));
      const result = await build(published, true);
      const { foldersRead, foldersTrusted, listedEarly, declaredLookedUp } = result.cache!;
      assert.ok(foldersTrusted! > 4 * foldersRead!, `read ${foldersRead}, taken ${foldersTrusted}`);
      const clean = path.join(root, "clean");
      await build(clean, false);
      const files = outputFiles(clean);
      // The pages kept in place are known to be declared (their writer's claim): not looked up.
      assert.ok(3 * declaredLookedUp! < files.length, `looked up ${declaredLookedUp} of ${files.length}`);
      assert.deepEqual(outputFiles(published), files, "same files");
      // All but the search index's files were listed and described while the index ran.
      const outsideIndex = files.filter((rel) => !rel.startsWith("pagefind/") && rel !== "manifest.json");
      assert.equal(listedEarly, outsideIndex.length, "listed while the search index ran");
      assert.equal(
        readFileSync(path.join(published, "manifest.json"), "utf8"),
        readFileSync(path.join(clean, "manifest.json"), "utf8"),
        "same manifest",
      );
      rmSync(clean, { recursive: true, force: true });
    },
  );

  await t.test("a step writing into a folder nothing else changed is still caught", async () => {
    settleSpare(cacheDir);
    stray = true;
    await assert.rejects(build(published, true), /without being declared.*extra\.txt/);
    stray = false;
  });
  rmSync(root, { recursive: true, force: true });
});
