/**
 * `npm run bench:platform [-- --total 4000 --sites 20 --jobs 4 --repeat 2 --no-hugo --no-incremental --organs-everywhere --keep --dir /dev/shm]`
 *
 * The CI recipe on a synthetic 集约化 platform (bench/platform-corpus.ts), each step a separate
 * process as on separate runners: plan → one build per job (wall time and the peak memory of
 * the job's whole process tree; given the plan's share list, as the workflow does) → merge; then
 * the whole platform in one process, and a check that the merged output is the single-process
 * output byte for byte (their manifests list every file with its SHA-256); then, with the build
 * cache, a fill and one edit timed against that clean build (bench/platform-incremental.ts). With Hugo installed
 * (Debian's `hugo`), the corpus is converted (bench/hugo-convert.ts) and Hugo's build is timed
 * against Gongkai's pages-only build (every site's pages, no after-render steps; load+validate +
 * render summed), the two taking turns `--repeat` times (bench/platform-hugo.ts). Results go to bench-results/
 * The bar: 200k items, each job ≤ 3 GB, pages-only ≤ 1.5× Hugo. Run that size under
 * `flock /work/wt/heavy.lock`.
 */

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import type { SiteInput } from "../src/config/schema.ts";
import { generatePlatform } from "./platform-corpus.ts";
import { compareWithHugo } from "./platform-hugo.ts";
import { runMeasured } from "./process-tree.ts";
import { platformEdit } from "./platform-incremental.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = import.meta.resolve("tsx");
const NOW = "2026-01-01 08:00";
/** Where the plan writes the share list, relative to the bench's folder (each step's working directory). */
const SHARE_LIST = "_plan/shares.json";

const { values } = parseArgs({
  options: {
    total: { type: "string", default: "4000" },
    sites: { type: "string", default: "20" },
    jobs: { type: "string", default: "4" },
    "no-hugo": { type: "boolean", default: false },
    /** Skips the incremental scenario (a build filling the cache, one edit, the build again). */
    "no-incremental": { type: "boolean", default: false },
    /** Rounds of the interleaved pages-only comparison with Hugo (the fastest of each is kept). */
    repeat: { type: "string", default: "2" },
    /** Every site gets all organs' 公开平台 (the corpus before: ~85 pages per organ per site). */
    "organs-everywhere": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    dir: { type: "string" },
  },
});
const total = Number(values.total);
const siteCount = Number(values.sites);
const jobCount = Number(values.jobs);
const repeat = Math.max(1, Number(values.repeat));
const base = values.dir ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir());
const work = mkdtempSync(path.join(base, "gongkai-platform-bench-"));
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The paths whose manifest line (one file per line: path, size, SHA-256) is in one manifest only. */
function differingFiles(a: Buffer, b: Buffer): string[] {
  const lines = (m: Buffer) => new Set(m.toString("utf8").split("\n"));
  const [inA, inB] = [lines(a), lines(b)];
  const paths = new Set<string>();
  for (const [from, other] of [
    [inA, inB],
    [inB, inA],
  ])
    for (const line of from)
      if (!other.has(line)) paths.add(/"path":("(?:[^"\\]|\\.)*")/.exec(line)?.[1] ?? line);
  return [...paths].sort();
}

const node = (script: string, args: string[]) =>
  runMeasured(process.execPath, ["--import", TSX, path.join(ROOT, script), ...args], work, {
    GONGKAI_NOW: NOW,
  });

try {
  const sample = ((await import(path.join(ROOT, "site.config.ts"))) as { default: SiteInput }).default;
  const started = performance.now();
  const corpus = generatePlatform(sample, work, {
    sites: siteCount,
    total,
    organsEverywhere: values["organs-everywhere"],
  });
  const shared = corpus.sites.reduce((n, site) => n + site.shared, 0);
  log(
    `generated ${total} items in ${siteCount} sites (${shared} shared to the portal) in ${s(performance.now() - started)}`,
  );

  // As the workflow: the plan writes the share list, each job reads only its sites' files and the listed ones.
  const plan = await node("src/cli/plan.ts", [
    "--platform",
    corpus.config,
    "--jobs",
    String(jobCount),
    "--shares",
    SHARE_LIST,
  ]);
  if (plan.code !== 0) throw new Error(plan.stderr);
  const jobs = (JSON.parse(plan.stdout) as { include: { job: number; sites: string; items: number }[] })
    .include;
  log(`plan: ${jobs.length} jobs in ${s(plan.wallMs)}`);

  const jobRuns = [];
  for (const job of jobs) {
    const run = await node("src/cli/build.ts", [
      "--platform",
      corpus.config,
      "--site",
      job.sites,
      "--shares",
      SHARE_LIST,
      "--out",
      `job-${job.job}`,
      // A runner's first build: the figures are a clean build's, without filling a build cache.
      "--no-cache",
    ]);
    if (run.code !== 0) throw new Error(`job ${job.job}: ${run.stderr}`);
    jobRuns.push({
      ...job,
      sites: job.sites.split(",").length,
      wallMs: run.wallMs,
      peakTreeRss: run.peakTreeRss,
    });
    log(
      `job ${job.job}: ${job.sites.split(",").length} sites, ${job.items} files, ${s(run.wallMs)}, peak ${gb(run.peakTreeRss)}`,
    );
  }
  // What download-artifact with merge-multiple does: every job's site folders into one.
  mkdirSync(path.join(work, "parts"));
  for (const job of jobs)
    for (const key of readdirSync(path.join(work, `job-${job.job}`)))
      renameSync(path.join(work, `job-${job.job}`, key), path.join(work, "parts", key));
  const merge = await node("src/cli/merge.ts", [
    "--platform",
    corpus.config,
    "--parts",
    "parts",
    "--out",
    "merged",
  ]);
  if (merge.code !== 0) throw new Error(merge.stderr);
  log(`merge: ${s(merge.wallMs)}, peak ${gb(merge.peakTreeRss)}`);
  rmSync(path.join(work, "parts"), { recursive: true, force: true });
  // Only the manifest is kept (it names every file with its SHA-256): tmpfs holds one output at a time.
  const mergedManifest = readFileSync(path.join(work, "merged", "manifest.json"));
  rmSync(path.join(work, "merged"), { recursive: true, force: true });

  const once = await node("bench/platform-once.ts", [corpus.config, "single", NOW]);
  if (once.code !== 0) throw new Error(once.stderr);
  const single = JSON.parse(once.stdout.trim().split("\n").pop()!) as {
    wallMs: number;
    pagesMs: number;
    phases: Record<string, number>;
  };
  log(`single process: ${s(once.wallMs)} (pages only ${s(single.pagesMs)}), peak ${gb(once.peakTreeRss)}`);
  const singleManifest = readFileSync(path.join(work, "single", "manifest.json"));
  const identical = mergedManifest.equals(singleManifest);
  const files = singleManifest.toString("utf8").split("\n").length - 3;
  log(
    `merged output ${identical ? "equals" : "DIFFERS FROM"} the single-process build (${files} files, compared by manifest SHA-256)`,
  );
  if (!identical) {
    // Both manifests kept (beside the corpus with --keep) and the files that differ named.
    writeFileSync(path.join(work, "merged-manifest.json"), mergedManifest);
    writeFileSync(path.join(work, "single-manifest.json"), singleManifest);
    for (const line of differingFiles(mergedManifest, singleManifest).slice(0, 20)) log(`  differs: ${line}`);
  }
  rmSync(path.join(work, "single"), { recursive: true, force: true });

  // One edit with the build cache, against the clean single-process build above.
  const incremental = values["no-incremental"]
    ? undefined
    : await platformEdit(corpus, node, NOW, once.wallMs);
  if (incremental) {
    log(
      `one edit with the build cache (${incremental.file}): ${s(incremental.editMs)} = ${(100 * incremental.ratio).toFixed(1)} % of the clean build (the fill: ${s(incremental.fillMs)}), peak ${gb(incremental.editPeakTreeRss)}`,
    );
    rmSync(path.join(work, "cached"), { recursive: true, force: true });
    rmSync(path.join(work, "cache"), { recursive: true, force: true });
  }

  // Pages only, Gongkai and Hugo taking turns (bench/platform-hugo.ts).
  const hugo = values["no-hugo"] ? undefined : await compareWithHugo(corpus, work, repeat, node, NOW);
  if (!hugo) log("hugo: not installed (apt-get install -y hugo) or --no-hugo: comparison skipped");

  const maxJob = Math.max(...jobRuns.map((j) => j.peakTreeRss));
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadavg: os.loadavg(),
    },
    corpus: { total, sites: siteCount, shared },
    plan: { wallMs: plan.wallMs },
    jobs: jobRuns,
    merge: { wallMs: merge.wallMs, peakTreeRss: merge.peakTreeRss },
    single: {
      wallMs: once.wallMs,
      pagesMs: single.pagesMs,
      phases: single.phases,
      peakTreeRss: once.peakTreeRss,
    },
    identical,
    files,
    incremental,
    hugo,
    bars: {
      eachJobWithin3GB: maxJob <= 3 * 2 ** 30,
      mergedEqualsSingle: identical,
      pagesWithin1_5xHugo: hugo ? hugo.gongkaiPagesMs <= 1.5 * hugo.wallMs : null,
    },
  };
  console.log(JSON.stringify(report.bars));
  mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
  const file = path.join(ROOT, "bench-results", `platform-${report.date.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`results: ${path.relative(process.cwd(), file)}`);
  if (!identical) process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}
