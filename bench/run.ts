/**
 * `npm run bench [-- 1000 10000 50000] [--out file.json] [--dir /dev/shm/x] [--repeat 2]`
 *
 * For each size: generates a synthetic portal (bench/synthetic.ts), builds it completely in a
 * fresh child process (buildSite with every registered after-render step) and runs the floor
 * script (bench/floor.ts) on the same corpus, then prints per phase wall time, items per second,
 * the child's peak RSS and the output size, and the render/floor ratio. Results are written to
 * bench-results/<timestamp>.json (and to --out). With --repeat N each size is built N times and
 * the fastest run is kept (the machine is shared, so the minimum is the least noisy figure).
 * Work happens under /dev/shm when it exists, like the issue's measurements (tmpfs).
 * `--checks-only` skips the build and the floor and measures only the pre-publication checks
 * against load+validate (issue 16's bound), which is cheap enough to run at 50k on a shared machine.
 *
 * Then the incremental scenario (unless --no-incremental): a build that fills the build cache
 * (src/build/cache/) from no cache and no output, as after a clone, a second one without an edit
 * (after it the spare output is a cached build's own, as on an operator's every later build), then
 * builds with the cache after editing one item, deleting one, and editing a column's config
 * (bench/incremental.ts), each against the clean build of the same run; `edit-after-fill` fills a
 * new cache and times the build after one edit (an operator's second build after a clone).
 * Memory is also measured for all processes of a build together (bench/process-tree.ts).
 * `--incremental-sizes 50000` limits those scenarios to the sizes listed (comma-separated);
 * `--scenarios fill,again,edit-item,start` runs only those (in that order; `start` is npm start's first page).
 * --keep keeps the generated corpora and outputs (their folder is printed).
 * `--hugo` (with Debian's `hugo` installed): each size's corpus converted to a Hugo site and Hugo
 * timed against Gongkai's pages-only build, interleaved `--repeat` rounds (bench/hugo-pages.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadSiteConfig } from "../src/config/load.ts";
import { generateSyntheticPortal } from "./synthetic.ts";
import {
  folderSize,
  formatReport,
  type SizeResult,
  type BuildRun,
  type FloorRun,
  type ChecksRun,
  type IncrementalRun,
} from "./report.ts";
import { child } from "./child.ts";
import { measureStart } from "./start.ts";
import { formatHugo, hugoRounds, hugoVersion, summarize, type HugoRound } from "./hugo-pages.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const CONFIG = path.join(ROOT, "site.config.ts");
/** After every synthetic date (2021–2025), so everything is published. */
const NOW = Date.UTC(2026, 0, 1);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    dir: { type: "string" },
    repeat: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    "checks-only": { type: "boolean", default: false },
    "no-incremental": { type: "boolean", default: false },
    /** Only these sizes get the incremental and npm start scenarios (default: every size). */
    "incremental-sizes": { type: "string" },
    /** The incremental scenarios, in order (a subset saves time at 50k; `fill` first). */
    scenarios: {
      type: "string",
      default: "fill,again,edit-item,delete-item,start,edit-theme,edit-column,edit-after-fill",
    },
    /** Hugo against the pages-only build, on the same corpus (bench/hugo-pages.ts). */
    hugo: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    [
      "npm run bench -- [SIZE …] [options]   (sizes default: 1000 10000 50000)",
      "  --repeat N               build each size N times, keep the fastest",
      "  --dir DIR                work folder (default /dev/shm, else the system's temp folder)",
      "  --keep                   keep the generated corpora and outputs",
      "  --out FILE               also write the results JSON there",
      "  --checks-only            only the pre-publication checks against load+validate",
      "  --no-incremental         no build-cache scenarios, no npm start",
      "  --incremental-sizes L    the sizes (comma-separated) that get the scenarios",
      "  --scenarios L            fill,again,edit-item,delete-item,start,edit-theme,edit-column,edit-after-fill",
      "                           (the default, in order; edit-after-fill fills a new cache first)",
      "  --hugo                   Hugo 0.111 against the pages-only build, interleaved --repeat rounds",
      "",
    ].join("\n"),
  );
  process.exit(0);
}
const sizes = positionals.length ? positionals.map(Number) : [1000, 10_000, 50_000];
if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`sizes must be positive integers: ${positionals.join(" ")}`);
const repeat = Math.max(1, Number(values.repeat));
const incrementalSizes = values["incremental-sizes"]?.split(",").map(Number);
const scenarios = values.scenarios.split(",");
for (const scenario of scenarios)
  if (
    ![
      "fill",
      "again",
      "edit-item",
      "delete-item",
      "start",
      "edit-theme",
      "edit-column",
      "edit-after-fill",
    ].includes(scenario)
  )
    throw new Error(`unknown scenario ${scenario}`);
const base = values.dir ?? (existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir());
const work = mkdtempSync(path.join(base, "gongkai-bench-"));

const fastest = <T extends { wallMs: number }>(runs: T[]) =>
  runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

const site = await loadSiteConfig(CONFIG);
const results: SizeResult[] = [];
const hugo = values.hugo ? hugoVersion() : undefined;
if (values.hugo && !hugo) throw new Error("--hugo: hugo is not installed (apt-get install -y hugo)");
const hugoResults: { size: number; pages: number; rounds: HugoRound[] }[] = [];
try {
  for (const size of sizes) {
    const dir = path.join(work, String(size));
    const contentDir = path.join(dir, "content");
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`${size} items: generating… `);
    const counts = generateSyntheticPortal(site, contentDir, { count: size });
    const builds: BuildRun[] = [];
    const floors: FloorRun[] = [];
    for (let i = 0; i < (values["checks-only"] ? 0 : repeat); i++) {
      process.stderr.write(`floor… `);
      floors.push(await child<FloorRun>("floor.ts", [contentDir, path.join(dir, "floor")]));
      process.stderr.write(`build… `);
      const outDir = path.join(dir, "_site");
      rmSync(outDir, { recursive: true, force: true });
      builds.push({
        ...(await child<Omit<BuildRun, "output">>("build-once.ts", [
          CONFIG,
          contentDir,
          outDir,
          String(NOW),
        ])),
        output: folderSize(outDir),
      });
    }
    if (hugo) hugoResults.push({ size, ...(await hugoRounds(contentDir, dir, repeat, CONFIG, String(NOW))) });
    process.stderr.write(`checks… `);
    const args = [CONFIG, contentDir, String(NOW)];
    const { checkSiteMs } = await child<{ checkSiteMs: number }>("wording.ts", ["check", ...args]);
    const alone = await child<Omit<ChecksRun, "loadValidateMs">>("wording.ts", ["checks", ...args]);
    const checks = {
      ...alone,
      loadValidateMs: checkSiteMs - alone.wordingMs - alone.signoffMs - alone.datesMs,
    };
    let incremental: Record<string, IncrementalRun> | undefined;
    let start: SizeResult["start"];
    if (
      !values["checks-only"] &&
      !values["no-incremental"] &&
      (!incrementalSizes || incrementalSizes.includes(size))
    ) {
      incremental = {};
      const cacheDir = path.join(dir, ".gongkai-cache");
      const outDir = path.join(dir, "_site");
      // npm start before the theme and column edits, while the cache matches site.config.ts; the
      // theme edit keeps the shards and records of site.config.ts's build, and the column edit
      // invalidates the whole cache, so it comes last.
      for (const scenario of scenarios) {
        if (scenario === "start") {
          process.stderr.write(`npm start… `);
          const now = "2026-01-01 08:00"; // NOW in the site's zone
          start = {
            cold: await measureStart(dir, contentDir, path.join(dir, "_start-cold"), now, ["--no-cache"]),
            warm: await measureStart(dir, contentDir, path.join(dir, "_start-warm"), now),
          };
          continue;
        }
        const build = (what: string) =>
          child<IncrementalRun>("incremental.ts", [CONFIG, contentDir, outDir, String(NOW), cacheDir, what]);
        // As after a clone: no cache and no output (the clean builds above wrote into outDir).
        const clone = () => {
          rmSync(outDir, { recursive: true, force: true });
          rmSync(cacheDir, { recursive: true, force: true });
        };
        if (scenario === "fill") clone();
        if (scenario === "edit-after-fill") {
          // What an operator (and issue 19's checker) does: clone, build, edit one item, build.
          process.stderr.write(`fill… `);
          clone();
          await build("fill");
        }
        process.stderr.write(`${scenario}… `);
        incremental[scenario] = await build(scenario === "edit-after-fill" ? "edit-item" : scenario);
      }
    }
    process.stderr.write("done\n");
    results.push({
      size,
      counts,
      ...(builds.length ? { build: fastest(builds), floor: fastest(floors) } : {}),
      repeat,
      checks,
      incremental,
      start,
    });
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (values.keep) process.stderr.write(`corpora and outputs kept in ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadavg: os.loadavg(),
  },
  workDir: base,
  results,
  ...(hugo
    ? { hugo: { version: hugo, sizes: hugoResults.map((h) => ({ ...h, ...summarize(h.rounds) })) } }
    : {}),
};
console.log(formatReport(report.results));
for (const h of report.hugo?.sizes ?? []) console.log(formatHugo(hugo!, h));
const stamp = report.date.replace(/[:.]/g, "-");
mkdirSync(path.join(ROOT, "bench-results"), { recursive: true });
const files = [
  path.join(ROOT, "bench-results", `${stamp}.json`),
  ...(values.out ? [path.resolve(values.out)] : []),
];
for (const file of files) writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
console.log(
  `\nResults: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")} (load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})`,
);
