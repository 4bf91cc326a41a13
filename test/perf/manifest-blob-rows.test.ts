/**
 * The manifest takes the SHA-256 and size of a file the build kept in place as a blob's link from
 * that blob's row (src/build/cache/staging-claims.ts `vouched`), not by its path from the maps the
 * build filled. After each edit the cached build's output, manifest.json included, is a clean
 * build's byte for byte, and most lines were taken from rows; a page rendered anew, a page gone
 * and a page whose bytes came back from a blob are not.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { settleSpare } from "../helpers/settle-spare.ts";
import { SAMPLE_NEWS, sampleCopy } from "../helpers/sample-copy.ts";

const parts: SiteParts = {
  pages: defaultPageSources,
  steps: defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
};
const { root, cacheDir, contentDir, build, edit, compare } = await sampleCopy("manifest-blob-rows", parts);
const published = path.join(root, "incremental");

test("the manifest's lines of files kept in place come from their blobs' rows, as a clean build's", async (t) => {
  await build(published, true);
  await build(published, true);

  /** One edit, then the cached build compared with a clean one, most lines taken from rows. */
  const step = async (what: string, change: () => void): Promise<void> => {
    settleSpare(cacheDir);
    change();
    const report = await compare(what, published);
    const files = outputFiles(published).length;
    const taken = report.manifestRowsTaken ?? 0;
    assert.ok(2 * taken > files, `${what}: ${taken} of ${files} lines taken from rows`);
    // A page rendered anew is no blob's link kept in place: its line is not taken from a row.
    assert.ok(taken <= files - report.rendered, `${what}: ${taken} taken, ${report.rendered} rendered`);
  };

  await t.test("a title edit", () =>
    step("a title edit", () =>
      edit((text) => text.replace("市政府召开全体会议", "市政府召开第二次全体会议")),
    ),
  );
  await t.test("the title back: its pages' bytes come back from their blobs", () =>
    step("the title back", () =>
      edit((text) => text.replace("市政府召开第二次全体会议", "市政府召开全体会议")),
    ),
  );
  await t.test("an item removed", () =>
    step("an item removed", () => rmSync(path.join(contentDir, SAMPLE_NEWS))),
  );
  await t.test("nothing changed", () => step("nothing changed", () => undefined));
  rmSync(root, { recursive: true, force: true });
});
