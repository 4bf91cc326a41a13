import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { readCliOptions } from "../../src/cli/options.ts";

const WORKFLOWS = path.resolve(import.meta.dirname, "../../.github/workflows");
const OFFICIAL = new Set([
  "actions/checkout",
  "actions/setup-node",
  "actions/configure-pages",
  "actions/upload-pages-artifact",
  "actions/deploy-pages",
  "actions/upload-artifact",
  "actions/download-artifact",
  "actions/cache",
]);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown> & { schedule?: { cron: string }[] };
  jobs: Record<
    string,
    { steps: Step[]; needs?: string; container?: string; strategy?: { matrix?: Record<string, unknown> } }
  >;
}

function load(name: string): Workflow {
  // uniqueKeys and strict: a duplicated key or a tab-indented line is an error, as GitHub treats it.
  return parse(readFileSync(path.join(WORKFLOWS, name), "utf8"), {
    uniqueKeys: true,
    strict: true,
    prettyErrors: true,
  }) as Workflow;
}

const allSteps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps);

test("every workflow is valid YAML and uses only official actions, pinned to a major version", () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
  for (const expected of ["ci.yml", "pages.yml", "inspect.yml"])
    assert.ok(files.includes(expected), expected);
  for (const file of files) {
    const wf = load(file);
    assert.ok(wf.on && Object.keys(wf.jobs).length > 0, `${file}: has triggers and jobs`);
    for (const step of allSteps(wf)) {
      if (!step.uses) continue;
      const [action, version] = step.uses.split("@");
      assert.ok(OFFICIAL.has(action), `${file}: ${step.uses} is not an official action`);
      assert.match(version ?? "", /^v\d+$/, `${file}: ${step.uses} names a version`);
    }
  }
});

test("CI installs, type-checks and tests on pushes and pull requests", () => {
  const wf = load("ci.yml");
  assert.ok("push" in wf.on && "pull_request" in wf.on);
  const runs = allSteps(wf)
    .map((s) => s.run ?? "")
    .join("\n");
  assert.match(runs, /bash \.ci\/run/);
  const ciRun = readFileSync(path.resolve(WORKFLOWS, "../../.ci/run"), "utf8");
  for (const needed of [
    "chromium",
    "default-jre-headless",
    "libxml2-utils",
    "npm ci",
    "npx tsc --noEmit",
    "npm test",
  ])
    assert.ok(ciRun.includes(needed), `.ci/run: ${needed}`);
});

test("CI tests every supported Node major (20, 22, 24) and the Pages workflow builds on 24", () => {
  const pkg = JSON.parse(readFileSync(path.resolve(WORKFLOWS, "../../package.json"), "utf8")) as {
    engines: { node: string };
    testedNodeVersions: number[];
    scripts: Record<string, string>;
  };
  assert.equal(pkg.engines.node, ">=20");
  assert.deepEqual(pkg.testedNodeVersions, [20, 22, 24]);
  const ci = load("ci.yml").jobs.test;
  assert.deepEqual(ci.strategy?.matrix?.node, pkg.testedNodeVersions);
  assert.equal(ci.container, "node:${{ matrix.node }}-bookworm");
  const setup = ci.steps.find((s) => s.uses?.startsWith("actions/setup-node"));
  assert.equal(setup?.with?.["node-version"], "${{ matrix.node }}");
  const pages = load("pages.yml").jobs.build.steps.find((s) => s.uses?.startsWith("actions/setup-node"));
  assert.equal(pages?.with?.["node-version"], 24);
  // Locally: the suite on another major, with the npm registry's Node binary.
  assert.equal(pkg.scripts["test:node24"], "bash scripts/test-node.sh 24");
  assert.equal(pkg.scripts["test:node22"], "bash scripts/test-node.sh 22");
  const script = readFileSync(path.resolve(WORKFLOWS, "../../scripts/test-node.sh"), "utf8");
  assert.match(script, /npm install --prefix "\$cache".*\n?.*"\$package@\$major"/);
  // Two test files at a time (Node's default on CI's two cores is one): a file waiting on
  // Chromium or a child process leaves a core to the other (docs/performance.md, "CI time").
  // The TypeScript compiled once per run, the files run without tsx (scripts/compile-tests.mjs).
  // The other majors run the suite the same way; files named on the command line through tsx.
  const flags = "--test --test-concurrency=2 --test-reporter=spec";
  // By absolute path: Node 22 and 24 read the arguments of --test as globs, and a relative one
  // under node_modules/ matches nothing there ("Could not find …"); Node 20 takes either.
  const compiled = '"$PWD"/node_modules/.cache/gongkai/tests/test/*/*.test.mjs';
  assert.equal(pkg.scripts.test, `node scripts/compile-tests.mjs && node ${flags} ${compiled}`);
  assert.ok(script.includes(`flags=(${flags})`), "scripts/test-node.sh: as npm test");
  assert.ok(
    script.includes(`set -- ${compiled}\n  exec "$node_bin" "\${flags[@]}" "$@"`),
    "scripts/test-node.sh: compiled",
  );
  assert.ok(
    script.includes(`exec "$node_bin" --import tsx "\${flags[@]}" "$@"`),
    "scripts/test-node.sh: one file",
  );
});

test("the Pages workflow builds with the repository name as path prefix and deploys the artifact", () => {
  const wf = load("pages.yml");
  const steps = allSteps(wf);
  const build = steps.find((s) => s.run?.includes("npm run build"));
  assert.ok(
    build?.run?.includes('--path-prefix "$prefix"') && build.run.includes('prefix="/${REPOSITORY}/"'),
    "prefix from the repository name",
  );
  assert.ok(build?.run?.includes('--base-url "$ORIGIN"'), "absolute URLs on the Pages host");
  assert.equal(
    JSON.stringify(
      wf.jobs.build.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with,
    ),
    JSON.stringify({ path: "_site" }),
  );
  assert.equal(wf.jobs.deploy.needs, "build");
  assert.ok(wf.jobs.deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages")));
});

test("--path-prefix and --base-url set what the Pages workflow passes", async () => {
  const config = path.resolve(WORKFLOWS, "../../site.config.ts");
  const { site } = await readCliOptions([
    "--config",
    config,
    "--path-prefix",
    "/gongkai/",
    "--base-url",
    "https://owner.github.io/",
  ]);
  assert.equal(site.pathPrefix, "/gongkai/");
  assert.equal(site.baseUrl, "https://owner.github.io");
});

test("the platform workflow takes its matrix from npm run plan and merges what the jobs built", () => {
  const wf = load("platform.yml");
  const plan = wf.jobs.plan.steps.find((s) => s.run?.includes("npm run --silent plan"));
  assert.match(
    plan?.run ?? "",
    /--platform platform\.config\.ts --jobs "\$JOBS" --shares _plan\/shares\.json/,
  );
  assert.equal(wf.jobs.build.strategy?.matrix, "${{ fromJSON(needs.plan.outputs.matrix) }}");
  const build = wf.jobs.build.steps.find((s) => s.run?.includes("npm run build"));
  assert.match(build?.run ?? "", /--site "\$SITES" --shares _plan\/shares\.json --out _parts/);
  // Each job keeps its sites' build caches from run to run, without their spare folders.
  const steps = wf.jobs.build.steps;
  const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache"));
  assert.ok(cache > steps.findIndex((s) => s.run?.includes("npm ci")) && cache < steps.indexOf(build!));
  assert.deepEqual(String(steps[cache].with?.path).trim().split("\n"), [
    ".gongkai-cache",
    "!.gongkai-cache/platform/sites/*/spare",
  ]);
  assert.match(String(steps[cache].with?.key), /matrix\.job/);
  // The plan's share list goes from the plan job to every build job as an artifact.
  const artifact = (job: string, action: string) =>
    wf.jobs[job].steps.find(
      (s) => s.uses?.startsWith(`actions/${action}-artifact`) && s.with?.name === "plan",
    );
  assert.equal(artifact("plan", "upload")?.with?.path, "_plan");
  assert.equal(artifact("build", "download")?.with?.path, "_plan");
  assert.ok(
    wf.jobs.merge.steps.some((s) =>
      s.run?.includes("npm run merge -- --platform platform.config.ts --parts _parts"),
    ),
  );
  const download = wf.jobs.merge.steps.find((s) => s.uses?.startsWith("actions/download-artifact"));
  assert.equal(download?.with?.["merge-multiple"], true);
});

/** The minutes, hours, days, months and weekdays a five-field cron line fires at (numbers and * only). */
function cronFields(line: string): string[] {
  const fields = line.trim().split(/\s+/);
  assert.equal(fields.length, 5, `cron "${line}" has five fields`);
  const ranges = [59, 23, 31, 12, 6];
  fields.forEach((f, i) =>
    assert.ok(f === "*" || (/^\d+$/.test(f) && Number(f) <= ranges[i]), `cron field ${f} of "${line}"`),
  );
  return fields;
}

test("the Pages workflow also runs every hour, so scheduled items appear on time without a push", () => {
  const wf = load("pages.yml");
  assert.ok("push" in wf.on && "workflow_dispatch" in wf.on);
  const crons = wf.on.schedule ?? [];
  assert.equal(crons.length, 1);
  const [minute, ...rest] = cronFields(crons[0].cron);
  assert.match(minute, /^\d+$/, "a fixed minute: once an hour");
  assert.deepEqual(rest, ["*", "*", "*", "*"], "every hour of every day");
  // A shallow checkout hides when files were first committed (the honest-dates check needs it).
  const checkout = wf.jobs.build.steps.find((s) => s.uses?.startsWith("actions/checkout"));
  assert.equal(checkout?.with?.["fetch-depth"], 0);
});

test("a daily workflow runs npm run inspect with the link cache and keeps the report as an artifact", () => {
  const wf = load("inspect.yml");
  const crons = wf.on.schedule ?? [];
  assert.equal(crons.length, 1);
  const [minute, hour, ...rest] = cronFields(crons[0].cron);
  assert.ok(/^\d+$/.test(minute) && /^\d+$/.test(hour), "once a day");
  assert.deepEqual(rest, ["*", "*", "*"]);
  const steps = allSteps(wf);
  const names = steps.map((s) => s.uses?.split("@")[0] ?? s.run ?? "");
  const at = (what: string) => names.findIndex((n) => n.includes(what));
  assert.ok(
    at("npm ci") >= 0 && at("actions/cache") > at("npm ci"),
    "cache restored after npm ci empties node_modules",
  );
  assert.equal(steps[at("actions/cache")].with?.path, "node_modules/.cache/gongkai/links.json");
  assert.ok(at("npm run inspect") > at("actions/cache"));
  assert.match(steps[at("npm run inspect")].run!, /--report inspection-report/);
  const upload = steps[at("actions/upload-artifact")] as Step & { if?: string };
  assert.equal(upload.with?.path, "inspection-report");
  assert.equal(upload.if, "always()", "the report is kept when the run fails on a veto risk");
  // The report is for the web team: the workflow cannot publish anything.
  assert.ok(!names.some((n) => n.includes("deploy-pages") || n.includes("upload-pages-artifact")));
  assert.deepEqual((wf as unknown as { permissions: unknown }).permissions, { contents: "read" });
  // The package script the workflow calls exists.
  const pkg = JSON.parse(readFileSync(path.resolve(WORKFLOWS, "../../package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  assert.equal(pkg.scripts.inspect, "node src/cli/launch.mjs inspect");
});
