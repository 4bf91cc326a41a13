/**
 * The build on several threads (src/build/parallel/) must give what the single-threaded build
 * gives: the same files, byte for byte, and for bad content the same problems (file, line, field,
 * message) with the previous output left as it was. The workers do all the reading and rendering
 * here (`workersOnly`), so their path is the one compared.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { buildSite, type BuildSiteOptions } from "../../src/build/build-site.ts";
import { outputFiles } from "../../src/build/output-files.ts";
import { ContentError } from "../../src/problems/problems.ts";
import type { ParallelSettings } from "../../src/build/parallel/settings.ts";
import { samplePortal } from "../helpers/sample-portal.ts";
import { createFixture, md, news } from "../helpers/fixture.ts";
import { freshWorkerBundle, workerExecArgv } from "../../src/build/parallel/worker-bundle.ts";

const SINGLE: Partial<ParallelSettings> = { threads: 1 };
const WORKERS: Partial<ParallelSettings> = { threads: 2, minFiles: 1, minPages: 1, workersOnly: true };

const treeOf = (outDir: string) =>
  new Map(outputFiles(outDir).map((rel) => [rel, readFileSync(path.join(outDir, rel))]));

test("the sample portal built by worker threads equals the single-threaded build, with and without a build cache", async () => {
  const { site, contentDir, now } = await samplePortal();
  const root = mkdtempSync(path.join(tmpdir(), "gongkai-parallel-"));
  const build = async (
    name: string,
    parallel: Partial<ParallelSettings>,
    extra: Partial<BuildSiteOptions> = {},
  ) => {
    const outDir = path.join(root, name);
    const { state } = await buildSite({ site, contentDir, outDir, now, parallel, ...extra });
    return { tree: treeOf(outDir), warnings: state.warnings };
  };
  const { tree: single, warnings } = await build("single", SINGLE);
  const { tree: workers, warnings: workerWarnings } = await build("workers", WORKERS);
  // With a build cache (empty: a clean build) the files are read by the workers and checked against their stat.
  const { tree: cached } = await build("cached", WORKERS, { cacheDir: path.join(root, "cache") });
  assert.ok(single.size > 500 && single.has("index.html"));
  // The checks that need no pages ran on the worker (src/build/parallel/shared-checks.ts): same warnings, same order.
  assert.deepEqual(workerWarnings, warnings);
  for (const [name, tree] of [
    ["workers", workers],
    ["cached", cached],
  ] as const) {
    assert.deepEqual([...tree.keys()], [...single.keys()], name);
    for (const [rel, bytes] of single) assert.ok(bytes.equals(tree.get(rel)!), `${name}: ${rel}`);
  }
  // The workers ran the precompiled module (worker-bundle.ts), made by the first of these builds.
  const bundle = freshWorkerBundle();
  assert.ok(bundle, "the worker bundle is there and up to date");
  const code = readFileSync(bundle, "utf8");
  assert.ok(!code.includes("import.meta.url"), "every module keeps its own URL");
  assert.ok(
    code.includes(JSON.stringify(new URL("../../src/calendar/working-days.ts", import.meta.url).href)),
  );
});

test("a bundled worker starts without tsx's preloads and V8's heap sizes, keeping the other Node options", async () => {
  const tsxCommand = [
    "--require",
    "/p/node_modules/tsx/dist/preflight.cjs",
    "--import",
    "file:///p/node_modules/tsx/dist/loader.mjs",
  ];
  assert.deepEqual(workerExecArgv([...tsxCommand, "--cpu-prof"]), ["--cpu-prof"]);
  assert.deepEqual(workerExecArgv(["--import", "tsx", "--cpu-prof", "--import=tsx/esm"]), ["--cpu-prof"]);
  assert.deepEqual(workerExecArgv(["--import", "./my-hooks.mjs"]), ["--import", "./my-hooks.mjs"]);
  // `node --max-old-space-size=8192 src/cli/launch.mjs build`: Node refuses a worker given a heap size.
  const heapSizes = [
    "--max-old-space-size=3000",
    "--max-semi-space-size",
    "32",
    "--initial-old-space-size=512",
  ];
  assert.throws(
    () => new Worker("", { eval: true, execArgv: heapSizes }),
    (e: NodeJS.ErrnoException) => e.code === "ERR_WORKER_INVALID_EXEC_ARGV",
  );
  assert.deepEqual(workerExecArgv(["--cpu-prof", ...heapSizes]), ["--cpu-prof"]);
  const worker = new Worker("", { eval: true, execArgv: workerExecArgv(heapSizes) });
  assert.equal(await new Promise((resolve) => worker.once("exit", resolve)), 0);
});

test("a bundled worker starts when the process has options Node refuses a worker (Node 24's test runner gives every file some)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "gongkai-worker-options-"));
  try {
    writeFileSync(
      path.join(dir, "worker.mjs"),
      'import { parentPort } from "node:worker_threads"; parentPort.postMessage(process.execArgv);',
    );
    // By the source's URL (import.meta.url is the source's in the compiled copy too; resolve is not).
    const bundle = new URL("../../src/build/parallel/worker-bundle.ts", import.meta.url).href;
    writeFileSync(
      path.join(dir, "start.mjs"),
      `import { bundledWorker } from ${JSON.stringify(bundle)};
const started = [bundledWorker(new URL("./worker.mjs", import.meta.url)), bundledWorker(new URL("./worker.mjs", import.meta.url))];
const seen = await Promise.all(started.map((w) => new Promise((resolve) => w.once("message", resolve))));
for (const w of started) await w.terminate();
console.log(JSON.stringify(seen));`,
    );
    // Per-process and V8 options, as the test runner of Node 24 passes them at their defaults.
    const refused = ["--secure-heap=0", "--v8-pool-size=4", "--stack-trace-limit=10", "--use-largepages=off"];
    const run = spawnSync(
      process.execPath,
      [...refused, "--no-warnings", "--import", import.meta.resolve("tsx"), path.join(dir, "start.mjs")],
      { encoding: "utf8" },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [["--no-warnings"], ["--no-warnings"]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bad content read by a worker fails the build with the same problems and leaves the output as it was", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("春季植树活动", "2026-03-01 09:00"),
    "news/2026/b.md": news("冬季供暖保障", "2026-01-05 09:00"),
  });
  await fixture.build();
  const before = treeOf(fixture.outDir);
  fixture.write("news/2026/c.md", "---\ntitle: 缺少结尾\ndate: 2026-02-01\n");
  fixture.write("news/2026/d.md", news("日期不对", "2026-02-30 09:00"));
  fixture.write("news/2026/e.md", md({ title: "栏目不对", date: "2026-02-01", column: "不存在的栏目" }));
  fixture.write("news/2026/f.md", Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
  const problemsOf = async (parallel: Partial<ParallelSettings>) => {
    const now = Date.UTC(2026, 5, 30);
    const err = await buildSite({
      site: fixture.site,
      contentDir: fixture.contentDir,
      outDir: fixture.outDir,
      now,
      parallel,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ContentError, String(err));
    return err.problems;
  };
  const single = await problemsOf(SINGLE);
  assert.ok(single.filter((p) => p.severity === "error").length >= 4, JSON.stringify(single));
  assert.deepEqual(await problemsOf(WORKERS), single);
  const after = treeOf(fixture.outDir);
  assert.deepEqual([...after.keys()], [...before.keys()]);
  for (const [rel, bytes] of before) assert.ok(bytes.equals(after.get(rel)!), rel);
  // Files that read well but fail the checks a worker runs (placeholders, media that is not there,
  // a link to a page that does not exist, checked on the main thread): the same problems in the same order.
  for (const rel of ["c", "d", "e", "f"]) rmSync(path.join(fixture.contentDir, `news/2026/${rel}.md`));
  fixture.write(
    "news/2026/g.md",
    news("【待填写】", "2026-02-01 09:00", { cover: "{ src: /media/none.jpg, alt: 图 }" }),
  );
  fixture.write(
    "news/2026/h.md",
    news("链接", "2026-02-02 09:00", {}).replace("正文。", "见[此处](/news/none/)。"),
  );
  const checked = await problemsOf(SINGLE);
  const messages = checked.map((p) => p.message).join("\n");
  assert.match(messages, /首页超过 2 周没有新内容/);
  assert.match(messages, /待填写/);
  assert.match(messages, /none\.jpg|media/);
  assert.match(messages, /\/news\/none\//);
  assert.deepEqual(await problemsOf(WORKERS), checked);
});
