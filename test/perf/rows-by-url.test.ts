/**
 * The render finds a cached page's row from its URL in place (src/build/cache/page-table.ts
 * `rowOfUrl`, src/eleventy/site-outputs.ts `isOutputFileOf`) and then uses the row's own string
 * as the page's file: no path made, hashed and looked up per page. The comparison in place is
 * `outputFileOf(url) === file` exactly, and after each edit the cached build is a clean build's
 * byte for byte with most pages' rows found so.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import path from "node:path";
import { defaultPageSources, defaultSteps } from "../../src/build/defaults.ts";
import type { SiteParts } from "../../src/build/outputs.ts";
import { isOutputFileOf, outputFileOf } from "../../src/eleventy/site-outputs.ts";
import { searchIndexStep } from "../../src/search/index-step.ts";
import { settleSpare } from "../helpers/settle-spare.ts";
import { SAMPLE_NEWS, sampleCopy } from "../helpers/sample-copy.ts";

test("a file compared with a URL in place is the URL's output file exactly", () => {
  const urls = [
    "/",
    "",
    "//",
    "/a/",
    "a/",
    "//a/b/",
    "/a/b",
    "/a/b.html",
    "/news/2025/x1/",
    "/政务公开/",
    "/%E6%96%B0/",
    "/a%20b",
  ];
  const files = new Set<string>([
    "index.html",
    "a",
    "a/",
    "a/index.html",
    "a/b",
    "a/b/index.html",
    "b/index.html",
  ]);
  for (const url of urls)
    files
      .add(outputFileOf(url))
      .add(`${outputFileOf(url)}x`)
      .add(outputFileOf(url).slice(1));
  for (const url of urls)
    for (const file of files)
      assert.equal(
        isOutputFileOf(file, url),
        outputFileOf(url) === file,
        `${JSON.stringify(file)} of ${JSON.stringify(url)}`,
      );
});

const parts: SiteParts = {
  pages: defaultPageSources,
  steps: defaultSteps.map((s) => (s.name === "search index" ? searchIndexStep({ shardPages: 40 }) : s)),
};
const { root, cacheDir, contentDir, build, edit, compare } = await sampleCopy("rows-by-url", parts);
const published = path.join(root, "incremental");

test("most cached pages' rows are found from their URLs in place, the build a clean one's", async (t) => {
  await build(published, true);
  await build(published, true);

  /** One edit, then the cached build compared with a clean one. */
  const step = async (what: string, change: () => void): Promise<void> => {
    settleSpare(cacheDir);
    change();
    const report = await compare(what, published);
    const found = report.rowsByUrl ?? 0;
    assert.ok(
      2 * found > report.reused,
      `${what}: ${found} rows found in place, ${report.reused} pages reused`,
    );
    assert.ok(found <= report.reused + report.rendered, `${what}: ${found} rows found, more than pages`);
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
