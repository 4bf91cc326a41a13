/**
 * A CI job given the plan's share list (`npm run plan -- --shares`, `npm run build -- --site …
 * --shares`) reads its own sites' files and the files shared into them, no other site's: its
 * output is the same bytes as the job that scans the whole platform, also when every other file
 * of the other sites is gone or is one that the whole scan stops on. A list that does not match
 * the content stops the job, naming the file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { createPlatformProject } from "../helpers/platform-fixture.ts";
import { md } from "../helpers/fixture.ts";
import { runCommand } from "../helpers/cli.ts";
import { differingOutputs, succeeded } from "../helpers/platform-runs.ts";
import { outputFiles } from "../../src/build/output-files.ts";

/** A file that shares into a site the platform does not have: a scan of the whole platform stops on it. */
const BROKEN = md(
  { title: "不该被读到的文件", date: "2026-02-01 09:00", column: "部门动态", share: "[nowhere]" },
  "正文。",
);

test("a job with the plan's share list reads only its sites' files and the shared ones, with the same output", () => {
  const { root } = createPlatformProject();
  const PLATFORM = ["--platform", "platform.config.ts"];
  const LIST = "_plan/shares.json";
  succeeded(runCommand("plan.ts", [...PLATFORM, "--jobs", "3", "--shares", LIST], root));
  const list = JSON.parse(readFileSync(path.join(root, LIST), "utf8"));
  const enrolment = { site: "edu", file: "news/2026/enrolment.md" };
  assert.deepEqual(list, { portal: [enrolment], edu: [], town: [enrolment] });
  // The GitLab child pipeline: each build job takes the list from the parent pipeline's plan job.
  const gitlab = parse(
    succeeded(
      runCommand("plan.ts", [...PLATFORM, "--jobs", "3", "--format", "gitlab", "--shares", LIST], root),
    ).stdout,
  );
  assert.deepEqual(gitlab["build-1"].needs, [{ pipeline: "$PARENT_PIPELINE_ID", job: "plan" }]);
  assert.match(gitlab["build-1"].script[0], / --shares _plan\/shares\.json --out _parts$/);

  const job = (out: string, ...extra: string[]) =>
    runCommand("build.ts", [...PLATFORM, "--site", "town,portal", ...extra, "--out", out], root);
  succeeded(job("scanned"));

  // Of the other site (edu), only the listed file is left, beside one a whole scan stops on.
  rmSync(path.join(root, "sites/edu/content/news/2026/teachers.md"));
  writeFileSync(path.join(root, "sites/edu/content/news/2026/broken.md"), BROKEN);
  succeeded(job("listed", "--shares", LIST));
  assert.deepEqual(differingOutputs(path.join(root, "scanned"), path.join(root, "listed")), []);
  assert.ok(outputFiles(path.join(root, "listed")).includes("town/news/edu/2026/enrolment/index.html"));
  // Without the list the job reads every file of the platform, and stops on the broken one.
  const scanning = job("again");
  assert.equal(scanning.code, 1);
  assert.match(scanning.stderr, /broken\.md.*nowhere|nowhere[\s\S]*broken\.md/);

  // A list that does not match the content: the listed file no longer shares into town.
  const item = path.join(root, "sites/edu/content/news/2026/enrolment.md");
  writeFileSync(item, readFileSync(item, "utf8").replace(", town]", "]"));
  const stale = job("stale", "--shares", LIST);
  assert.equal(stale.code, 1);
  assert.match(stale.stderr, /enrolment\.md 共享到站点“town”，但它的 share: 中没有这个站点/);
  // A list entry outside a content folder is refused before anything is read.
  writeFileSync(
    path.join(root, LIST),
    JSON.stringify({ ...list, town: [{ site: "edu", file: "../site.config.ts" }] }),
  );
  const outside = job("outside", "--shares", LIST);
  assert.equal(outside.code, 1);
  assert.match(outside.stderr, /共享清单的“town”中有无效的一项/);
  // The whole platform's build reads every file anyway: the list is for --site only.
  const whole = runCommand("build.ts", [...PLATFORM, "--shares", LIST, "--out", "whole"], root);
  assert.equal(whole.code, 2);
  assert.match(whole.stderr, /--shares 只和 --site 一起用/);
});
