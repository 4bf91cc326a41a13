import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { orderSteps, EVERY_OTHER_STEP, type BuildStep } from "../../src/build/steps.ts";
import { defaultSteps } from "../../src/build/defaults.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { samplePortal } from "../helpers/sample-portal.ts";

test("two builds of the same input with the same clock are byte-identical, and the manifest lists every file", async () => {
  const { site, contentDir, now, kind } = await samplePortal("/portal/");
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-repro-"));
  const first = path.join(root, "first");
  const second = path.join(root, "second");
  await buildSite({ site, contentDir, outDir: first, now });
  await buildSite({ site, contentDir, outDir: second, now });
  const files = outputFiles(first);
  assert.deepEqual(outputFiles(second), files, `${kind}: same file list`);
  const differing = files.filter(
    (rel) => !readFileSync(path.join(first, rel)).equals(readFileSync(path.join(second, rel))),
  );
  assert.deepEqual(differing, [], "same bytes in every file");

  const manifest = JSON.parse(readFileSync(path.join(first, "manifest.json"), "utf8")) as {
    files: { path: string; size: number; sha256: string }[];
  };
  assert.deepEqual(
    manifest.files.map((f) => f.path),
    files.filter((f) => f !== "manifest.json"),
    "every other file, in path order",
  );
  for (const entry of manifest.files) {
    const bytes = readFileSync(path.join(first, entry.path));
    assert.equal(entry.size, statSync(path.join(first, entry.path)).size, entry.path);
    assert.equal(entry.sha256, createHash("sha256").update(bytes).digest("hex"), entry.path);
  }
});

test("steps order themselves by name: the manifest after every other step, `after` respected, list order otherwise", () => {
  const step = (name: string, after?: string[]): BuildStep => ({
    name,
    after,
    outputs: () => [],
    run: () => {},
  });
  const names = (steps: BuildStep[]) => orderSteps(steps).map((s) => s.name);
  assert.deepEqual(
    names([
      step("manifest", [EVERY_OTHER_STEP]),
      step("feeds summary", ["search index"]),
      step("search index"),
      step("sitemap.xml"),
      step("open data"),
    ]),
    ["search index", "feeds summary", "sitemap.xml", "open data", "manifest"],
  );
  assert.equal(orderSteps(defaultSteps).at(-1)?.name, "manifest", "the default steps: manifest is last");
  assert.throws(
    () => orderSteps([step("a", ["nowhere"])]),
    /"a" runs after "nowhere", which is not in the list/,
  );
  assert.throws(() => orderSteps([step("a", ["b"]), step("b", ["a"])]), /wait for each other: a, b/);
  assert.throws(() => orderSteps([step("a"), step("a")]), /"a" is used twice/);
});
