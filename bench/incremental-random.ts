/**
 * The randomized differential harness of the build cache, for many seeds (test/perf/
 * incremental-random.test.ts runs a few): each seed edits a copy of the sample portal step by
 * step, builds with the cache and without, and compares the trees byte for byte.
 *   npm run fuzz:incremental -- [--seeds 1-20 | --seeds 3,7] [--steps 30] [--child] [--root DIR] [--keep]
 *     [--only sameStat,tamperCache]
 * --child builds each time in a fresh process (as `npm run build` does; builds may also be
 * killed half-way). A seed that fails prints the seed, its steps and the first differing files,
 * and keeps its folder (DIR/seed-N) for a look; the exit code is 1 when any seed failed. --only
 * draws the steps from the named edit and step kinds alone (test/helpers/random-edits/steps.ts).
 */
import { tmpdir } from "node:os";
import path from "node:path";
import { randomRun } from "../test/helpers/random-edits/run.ts";

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(
    [
      "npm run fuzz:incremental -- [--seeds 1-20 | --seeds 3,7] [--steps 30] [--child] [--root DIR] [--keep]",
      "  [--only KIND,KIND] [--quiet]",
      "Each seed edits a copy of the sample portal step by step, builds with the cache and without,",
      "and compares the trees byte for byte. --root: the runs' folder (DIR/seed-N; default: the",
      "system's temporary folder). --only: the edit and step kinds of test/helpers/random-edits/steps.ts.",
    ].join("\n"),
  );
  process.exit(0);
}
const opt = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? undefined : args[at + 1];
};
const seedsArg = opt("seeds") ?? "1-10";
const seeds = seedsArg.includes("-")
  ? (([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))(seedsArg.split("-").map(Number))
  : seedsArg.split(",").map(Number);
const steps = Number(opt("steps") ?? 30);
const root = opt("root") ?? path.join(tmpdir(), "gongkai-random");
const child = args.includes("--child");
const quiet = args.includes("--quiet");

const failed: number[] = [];
for (const seed of seeds) {
  const started = performance.now();
  const result = await randomRun({
    seed,
    steps,
    root: path.join(root, `seed-${seed}`),
    child,
    keep: args.includes("--keep"),
    only: opt("only")?.split(","),
    log: (line) => {
      if (!quiet || line.startsWith(`seed ${seed} failed`)) console.log(line);
    },
  });
  const secs = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `seed ${seed}: ${result.failure ? "FAILED" : "ok"} (${result.steps.length - 1} steps, ${result.builds} builds, ${result.failedBuilds} refused both ways, ${secs} s)`,
  );
  if (result.failure) failed.push(seed);
}
console.log(failed.length ? `failed seeds: ${failed.join(",")}` : `all ${seeds.length} seeds ok`);
process.exit(failed.length ? 1 : 0);
