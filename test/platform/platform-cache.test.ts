/**
 * A platform built with the build cache: each site keeps its own cache under the platform's
 * (`sites/<key>/`), takes its unchanged pages from it, and starts from its part of the folder the
 * platform's last publish replaced; after edits (a shared item, a deletion, a new item) the output
 * equals a platform built without the cache, byte for byte. A failed build leaves the published
 * platform as it was, and the build after it again equals a clean one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { news } from "../helpers/fixture.ts";
import { settled } from "../helpers/cached-build.ts";
import { assertSameOutput, snapshot } from "../helpers/incremental-fixture.ts";
import { loadPlatform } from "../../src/platform/config.ts";
import { buildPlatform, siteCacheDir } from "../../src/platform/build.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ContentError } from "../../src/problems/problems.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();
const SITES = ["portal", "edu", "town"];

test("a platform built with the build cache equals one built without it, edit after edit", async () => {
  const project = createPlatformProject();
  const out = path.join(project.root, "_site");
  const clean = path.join(project.root, "_clean");
  const cacheDir = path.join(project.root, ".gongkai-cache");
  const content = (rel: string) => path.join(project.root, "sites", rel);
  const build = async (outDir: string, cache: boolean) => {
    await settled(path.join(project.root, "sites"));
    const built = await buildPlatform(
      await loadPlatform(project.config),
      outDir,
      NOW,
      cache ? cacheDir : undefined,
    );
    return new Map(built.map((site) => [site.key, site.cache]));
  };

  const filled = await build(out, true);
  for (const key of SITES) assert.equal(filled.get(key)?.reused, 0, `${key}: nothing to reuse yet`);

  const again = await build(out, true);
  for (const key of SITES) {
    assert.ok((again.get(key)?.reused ?? 0) > 0, `${key}: pages taken from its cache`);
    // The publish handed each site its part of the replaced platform folder.
    assert.ok(existsSync(path.join(siteCacheDir(cacheDir, key), "spare")), `${key}: a spare folder`);
  }
  await build(clean, false);
  assertSameOutput(out, clean, "unchanged");

  // The shared item (edu → portal, town) retitled, town's only own item deleted, a portal item added.
  const shared = content("edu/content/news/2026/enrolment.md");
  project.write(
    "sites/edu/content/news/2026/enrolment.md",
    readFileSync(shared, "utf8").replace("招生工作通知", "招生工作通知（修订）"),
  );
  rmSync(content("town/content/news/2026/harvest.md"));
  project.write("sites/portal/content/news/2026/summer.md", news("夏季防汛工作会议召开", "2026-06-20 09:00"));
  const edited = await build(out, true);
  for (const key of SITES) {
    assert.ok((edited.get(key)?.spareKept ?? 0) > 0, `${key}: started from its spare folder`);
    assert.ok((edited.get(key)?.reused ?? 0) > 0, `${key}: unchanged pages reused`);
  }
  rmSync(clean, { recursive: true });
  await build(clean, false);
  assertSameOutput(out, clean, "after the edits");
  assert.match(
    readFileSync(path.join(out, "town/news/edu/2026/enrolment/index.html"), "utf8"),
    /招生工作通知（修订）/,
  );

  // A file that fails validation: the platform stays as published; fixed, the next build is exact.
  const before = snapshot(out);
  project.write("sites/town/content/news/2026/broken.md", "---\ndate: 2026-06-21 09:00\n---\n没有标题。\n");
  await assert.rejects(build(out, true), ContentError);
  assert.deepEqual(snapshot(out), before, "the published platform is untouched");
  rmSync(content("town/content/news/2026/broken.md"));
  project.write("sites/town/content/news/2026/autumn.md", news("青松镇秋季征兵开始", "2026-06-25 08:00"));
  await build(out, true);
  rmSync(clean, { recursive: true });
  await build(clean, false);
  assertSameOutput(out, clean, "after a failed build");
});
