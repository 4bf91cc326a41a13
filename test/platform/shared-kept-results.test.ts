/**
 * A site of a platform that shows items shared from other sites reads those files again on every
 * build, outside its record store: the store's generation cannot say whether they changed, so
 * the results kept by it (site tallies, organ counts, …) are not taken by it in such a build, nor
 * stamped with it for the next. A shared item's 发布机构 changed, then the share withdrawn from one
 * site: the platform built with the cache equals one built without it.
 */
import { test } from "node:test";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { settled } from "../helpers/cached-build.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";
import { loadPlatform } from "../../src/platform/config.ts";
import { buildPlatform } from "../../src/platform/build.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();

test("a shared item edited or withdrawn: the receiving sites' kept results are not taken by generation", async () => {
  const project = createPlatformProject();
  const out = path.join(project.root, "_site");
  const clean = path.join(project.root, "_clean");
  const cacheDir = path.join(project.root, ".gongkai-cache");
  const build = async (outDir: string, cache: boolean) => {
    await settled(path.join(project.root, "sites"));
    await buildPlatform(await loadPlatform(project.config), outDir, NOW, cache ? cacheDir : undefined);
  };
  const compare = async (what: string) => {
    await build(out, true);
    rmSync(clean, { recursive: true, force: true });
    await build(clean, false);
    assertSameOutput(out, clean, what);
  };
  await build(out, true);
  await build(out, true);

  // Shared from edu into portal and town: another organ publishes it (their tallies count it).
  const shared = "sites/edu/content/news/2026/enrolment.md";
  const text = readFileSync(path.join(project.root, shared), "utf8");
  project.write(shared, text.replace("department: 市政府办公室", "department: 市市场监督管理局"));
  await compare("after the shared item's 发布机构 changed");

  // No longer shared into town: town's next build has no shared file at all.
  project.write(shared, readFileSync(path.join(project.root, shared), "utf8").replace(/, town\]/, "]"));
  await compare("after the share into town was withdrawn");
  project.write(shared, text);
  await compare("after the item was shared as before");
});
