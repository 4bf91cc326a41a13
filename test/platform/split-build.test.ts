/**
 * The CI recipe run locally as separate processes: `npm run plan` splits the platform into jobs,
 * each job builds its sites into a folder of its own (a runner's artifact), the merge joins them
 * and makes the platform pages and manifest; the result is byte-identical to a single-process
 * `npm run build -- --platform`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { runCommand } from "../helpers/cli.ts";
import { parse } from "yaml";
import { outputFiles } from "../../src/build/output-files.ts";

test("plan → jobs → merge gives the same bytes as one build, and a missing part stops the merge", () => {
  const { root } = createPlatformProject();
  const ok = (run: ReturnType<typeof runCommand>) => {
    assert.equal(run.code, 0, run.stderr + run.stdout);
    return run;
  };
  const plan = JSON.parse(
    ok(runCommand("plan.ts", ["--platform", "platform.config.ts", "--jobs", "2"], root)).stdout,
  );
  assert.equal(plan.include.length, 2);
  const planned = plan.include.flatMap((j: { sites: string }) => j.sites.split(","));
  assert.deepEqual([...planned].sort(), ["edu", "portal", "town"]);
  // The same plan as a GitLab child pipeline: a build job per part, a merge that needs them all.
  const gitlab = parse(
    ok(runCommand("plan.ts", ["--platform", "platform.config.ts", "--jobs", "2", "--format", "gitlab"], root))
      .stdout,
  );
  assert.deepEqual(gitlab.merge.needs, ["build-1", "build-2"]);
  assert.equal(
    gitlab["build-1"].script[0],
    `npm run build -- --platform platform.config.ts --site ${plan.include[0].sites} --out _parts`,
  );
  assert.equal(gitlab.variables.GONGKAI_NOW, "2026-06-30 12:00");
  // Each job keeps its sites' build caches, without their spare folders.
  assert.deepEqual(gitlab["build-2"].cache, {
    key: "gongkai-platform-2",
    paths: [".gongkai-cache/platform/sites/"],
  });
  assert.deepEqual(gitlab["build-2"].after_script, ["rm -rf .gongkai-cache/platform/sites/*/spare"]);
  // Each job on its own runner, with its own output folder; the merge job downloads them all into one.
  for (const job of plan.include)
    ok(
      runCommand(
        "build.ts",
        ["--platform", "platform.config.ts", "--site", job.sites, "--out", `job-${job.job}`],
        root,
      ),
    );
  for (const job of plan.include)
    for (const key of readdirSync(path.join(root, `job-${job.job}`)))
      cpSync(path.join(root, `job-${job.job}`, key), path.join(root, "parts", key), { recursive: true });
  ok(
    runCommand("merge.ts", ["--platform", "platform.config.ts", "--parts", "parts", "--out", "merged"], root),
  );
  ok(runCommand("build.ts", ["--platform", "platform.config.ts", "--out", "single"], root));

  const merged = outputFiles(path.join(root, "merged"));
  const single = outputFiles(path.join(root, "single"));
  assert.deepEqual(merged, single);
  assert.ok(
    single.includes("platform/search/index.html") && single.includes("edu/news/2026/enrolment/index.html"),
  );
  const differing = single.filter(
    (rel) =>
      !readFileSync(path.join(root, "merged", rel)).equals(readFileSync(path.join(root, "single", rel))),
  );
  assert.deepEqual(differing, []);

  // A job that failed to upload: the merge names the missing site and leaves the output as it was.
  const before = readFileSync(path.join(root, "merged", "manifest.json"));
  cpSync(path.join(root, "parts"), path.join(root, "partial"), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}town`),
  });
  const failed = runCommand(
    "merge.ts",
    ["--platform", "platform.config.ts", "--parts", "partial", "--out", "merged"],
    root,
  );
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /partial\/town .*缺少站点“town”的生成结果/);
  assert.ok(readFileSync(path.join(root, "merged", "manifest.json")).equals(before));
});
