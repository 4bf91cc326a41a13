/**
 * The render finds a cached page's file among the reused staging folder's files by the page's
 * row in the cached index (src/build/cache/spare.ts `adoptSpare` sorts them so,
 * staging-claims.ts `entryOfRow`), not by its path. After each edit the cached build is a clean
 * build's byte for byte (a page removed: its file, known by row only, swept as well), with most
 * pages placed so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { settleSpare } from "../helpers/settle-spare.ts";
import { SAMPLE_NEWS, sampleCopy } from "../helpers/sample-copy.ts";

const parts: SiteParts = {
  pages: defaultPageSources,
  steps: defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
};
const { root, cacheDir, contentDir, build, edit, compare } = await sampleCopy("placed-by-row", parts);
const published = path.join(root, "incremental");

test("most cached pages are placed by their row, the build a clean one's", async (t) => {
  await build(published, true);
  await build(published, true);

  /** One edit, then the cached build compared with a clean one. */
  const step = async (what: string, change: () => void): Promise<void> => {
    settleSpare(cacheDir);
    change();
    const report = await compare(what, published);
    const byRow = report.placedByRow ?? 0;
    assert.ok(2 * byRow > report.reused, `${what}: ${byRow} pages placed by row, ${report.reused} reused`);
    assert.ok(byRow <= report.reused + report.rendered, `${what}: ${byRow} placed by row, more than pages`);
  };

  await t.test("a title edit", () =>
    step("a title edit", () =>
      edit((text) => text.replace("市政府召开全体会议", "市政府召开第二次全体会议")),
    ),
  );
  await t.test("an item removed: the rows after it move", () =>
    step("an item removed", () => rmSync(path.join(contentDir, SAMPLE_NEWS))),
  );
  await t.test("nothing changed", () => step("nothing changed", () => undefined));
  rmSync(root, { recursive: true, force: true });
});
