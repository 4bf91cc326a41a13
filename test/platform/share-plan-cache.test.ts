/**
 * The platform's share plan with the build cache: each content file's `share:` is kept while the
 * file's stat is the same, so a build after an edit reads only the edited files for it; a `share:`
 * added, moved to another site or removed is seen (also when the file's mtime is put back), and
 * the platform built with the cache equals one built without it. The platform's manifest takes
 * its list of the sites' files from their manifests and equals a listing of the folder.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { news } from "../helpers/fixture.ts";
import { settled } from "../helpers/cached-build.ts";
import { assertSameOutput } from "../helpers/incremental-fixture.ts";
import { loadPlatform } from "../../src/platform/config.ts";
import { buildPlatform } from "../../src/platform/build.ts";
import { planShares } from "../../src/platform/shares.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { parseLocalDate } from "../../src/content/fields.ts";

const NOW = parseLocalDate("2026-06-30 12:00", "Asia/Shanghai")!.toMillis();

test("the share plan reads only the files that changed, and sees every change of share:", async () => {
  const project = createPlatformProject();
  const sites = path.join(project.root, "sites");
  const cacheDir = path.join(project.root, ".gongkai-cache");
  const plan = async () => {
    await settled(sites);
    return planShares(await loadPlatform(project.config), cacheDir);
  };
  const sharedInto = (shares: Awaited<ReturnType<typeof plan>>, key: string) =>
    shares.sources.get(key)!.map((s) => `${s.site}:${s.file}`);
  const build = async (outDir: string, cache: boolean) => {
    await settled(sites);
    await buildPlatform(await loadPlatform(project.config), outDir, NOW, cache ? cacheDir : undefined);
  };

  const first = await plan();
  assert.equal(first.filesRead, 5, "every content file read once");
  assert.deepEqual(sharedInto(first, "town"), ["edu:news/2026/enrolment.md"]);
  assert.equal((await plan()).filesRead, 0, "nothing read again while the files are unchanged");

  // A file of town starts sharing into the portal: only it is read.
  const harvest = "sites/town/content/news/2026/harvest.md";
  project.write(
    harvest,
    news("青松镇秋收工作部署会召开", "2026-06-01 08:30", { column: "部门动态", share: "[portal]" }),
  );
  const added = await plan();
  assert.equal(added.filesRead, 1);
  assert.deepEqual(sharedInto(added, "portal"), ["edu:news/2026/enrolment.md", "town:news/2026/harvest.md"]);

  // The same number of bytes with another target, the mtime put back: the ctime still shows it.
  const file = path.join(project.root, harvest);
  const { atime, mtime } = statSync(file);
  const text = readFileSync(file, "utf8");
  project.write(harvest, text.replace("share: [portal]", "share: [edu___]"));
  assert.equal(readFileSync(file).length, Buffer.byteLength(text));
  utimesSync(file, atime, mtime);
  const moved = await plan();
  assert.equal(moved.filesRead, 1);
  assert.deepEqual(sharedInto(moved, "portal"), ["edu:news/2026/enrolment.md"]);
  assert.equal(moved.problems.length, 1, "an unknown site is reported from the file read again");
  assert.match(moved.problems[0].message, /站群中没有站点“edu___”/);
  assert.equal(moved.problems[0].line, 7);
  // Reported again from the cache, with its line, while the file is unchanged.
  const kept = await plan();
  assert.equal(kept.filesRead, 0);
  assert.deepEqual(
    kept.problems.map((p) => [p.line, p.field, p.message]),
    moved.problems.map((p) => [p.line, p.field, p.message]),
  );

  // Shared into edu; the shared item of edu no longer shared: the builds with and without the cache agree.
  project.write(harvest, text.replace("share: [portal]", "share: [{ site: edu, column: 通知公告 }]"));
  const enrolment = "sites/edu/content/news/2026/enrolment.md";
  project.write(
    enrolment,
    readFileSync(path.join(project.root, enrolment), "utf8").replace(/^share: .*\n/m, ""),
  );
  const out = path.join(project.root, "_site");
  const clean = path.join(project.root, "_clean");
  await build(out, true);
  await build(out, true);
  await build(clean, false);
  assertSameOutput(out, clean, "after the shares moved");
  assert.ok(existsSync(path.join(out, "edu/news/town/2026/harvest/index.html")), "shared into edu");
  assert.ok(!existsSync(path.join(out, "town/news/edu/2026/enrolment/index.html")), "no longer in town");

  // The manifest's list of files, taken from the sites' manifests, is the folder's.
  const listed = (
    JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")) as { files: { path: string }[] }
  ).files.map((f) => f.path);
  assert.deepEqual(
    listed,
    outputFiles(out).filter((rel) => rel !== "manifest.json"),
  );
});
