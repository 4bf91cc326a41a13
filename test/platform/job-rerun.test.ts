/**
 * The CI recipe as an operator runs it in a clone that also builds its own site (so the default
 * build cache, .gongkai-cache/, is there): one job per site, run with `--site` alone (the platform
 * config by default), merged; the whole platform in one process gives the same bytes (its sites
 * share the search index's workers, src/search/kept-index-workers.ts, where each job's one site
 * starts its own). After a one-item edit, running that site's job again and merging gives the
 * single-process bytes again; the site's build cache is neither used nor changed (the platform's
 * own is a subfolder of it, .gongkai-cache/platform/).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { FIXTURE_SITE, news } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/cli.ts";
import { differingOutputs, succeeded } from "../helpers/platform-runs.ts";

/** Every file of the site's cache folder with its size and modification time (not the platform's subfolder). */
const cacheState = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => rel.split(path.sep)[0] !== "platform")
    .sort()
    .map((rel) => `${rel} ${statSync(path.join(dir, rel)).size} ${statSync(path.join(dir, rel)).mtimeMs}`);

test("jobs of one site each, merged, equal the one-process build, also after a one-item edit and its job run again", () => {
  const project = createPlatformProject();
  const { root } = project;
  // The clone's own site, built once: the default build cache exists beside the platform.
  writeFileSync(path.join(root, "site.config.ts"), `export default ${JSON.stringify(FIXTURE_SITE)};\n`);
  project.write("content/news/2026/own.md", news("本站的一条新闻", "2026-03-01 09:00"));
  succeeded(runCommand("build.ts", [], root));
  const cache = path.join(root, ".gongkai-cache");
  const cacheBefore = cacheState(cache);
  assert.ok(cacheBefore.length > 0);

  const plan = JSON.parse(
    succeeded(runCommand("plan.ts", ["--platform", "platform.config.ts", "--jobs", "3"], root)).stdout,
  ) as { include: { job: number; sites: string }[] };
  assert.deepEqual(plan.include.map((j) => j.sites).sort(), ["edu", "portal", "town"]);
  // `--site` without `--platform`: the platform config by default (it was an unknown option).
  const job = (sites: string) =>
    succeeded(runCommand("build.ts", ["--site", sites, "--out", "_parts"], root));
  const merge = () =>
    succeeded(
      runCommand(
        "merge.ts",
        ["--platform", "platform.config.ts", "--parts", "_parts", "--out", "merged"],
        root,
      ),
    );
  const single = () =>
    succeeded(runCommand("build.ts", ["--platform", "platform.config.ts", "--out", "single"], root));
  for (const { sites } of plan.include) job(sites);
  merge();
  single();
  assert.deepEqual(differingOutputs(path.join(root, "merged"), path.join(root, "single")), []);

  // One item of one site edited: only that site's job runs again (the others' parts are as they were).
  const item = path.join(root, "sites/edu/content/news/2026/teachers.md");
  writeFileSync(item, readFileSync(item, "utf8").replace("正文。", "正文，改过一处。"));
  job("edu");
  merge();
  single();
  assert.deepEqual(differingOutputs(path.join(root, "merged"), path.join(root, "single")), []);
  assert.match(readFileSync(path.join(root, "merged/edu/news/2026/teachers/index.html"), "utf8"), /改过一处/);
  // The platform neither reads nor writes the site's build cache.
  assert.deepEqual(cacheState(cache), cacheBefore);
});
