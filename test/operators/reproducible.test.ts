import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build-site.ts";
import { afterRenderSteps, orderedSteps, LAST, type BuildStep } from "../../src/build/steps.ts";
import "../../src/build/all-steps.ts";
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

test("the manifest runs last whatever the registration order; ties keep registration order", () => {
  const step = (name: string, order?: number): BuildStep => ({ name, order, run: () => {} });
  const names = orderedSteps([
    step("manifest", LAST),
    step("search index"),
    step("sitemap.xml", 1000),
    step("open data"),
    step("early", -1),
  ]).map((s) => s.name);
  assert.deepEqual(names, ["early", "search index", "open data", "sitemap.xml", "manifest"]);
  assert.equal(orderedSteps().at(-1)?.name, "manifest", "registered steps: manifest is last");
  assert.ok(afterRenderSteps.some((s) => s.name === "sitemap.xml"));
});
