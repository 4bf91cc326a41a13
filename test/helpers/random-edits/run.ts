/**
 * One seeded randomized differential run: a copy of the sample portal, built with the build cache
 * after each step of random editor and operator edits and compared, every byte and folder, with
 * a clean build of the same content. The first difference (or a build that fails one way and not
 * the other, or a failed build that changed the published output) stops the run with the seed,
 * the steps and the first differing files.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { sha256Of } from "../../../src/build/cache/store.ts";
import { outputFiles } from "../../../src/build/output-files.ts";
import { samplePortal } from "../sample-portal.ts";
import { buildInChild, buildInProcess, type BuildOutcome, type BuildRequest } from "./builders.ts";
import { compareTrees, describeDiff } from "./compare-trees.ts";
import { chooseStep, editWhileRefused } from "./steps.ts";
import { Rng } from "./rng.ts";
import { contentSnapshot, restoreContent, type World } from "./world.ts";
import { writeSiteModules } from "./site-modules.ts";
import { differingPaths, outputByManifest, restorePast, takePast, type Past } from "./revert.ts";

export interface RunOptions {
  seed: number;
  steps: number;
  /** A folder of its own for this run (removed and made again). */
  root: string;
  /** Each build in a fresh process (slower; kills possible). */
  child?: boolean;
  log?: (line: string) => void;
  /** Keep the folders after a clean run too. */
  keep?: boolean;
  /** Only these edit and step kinds (steps.ts); all when undefined. */
  only?: readonly string[];
  /** One kind per step, in this order (then `steps` is its length): every kind drawn once. */
  sequence?: readonly string[];
}

export interface RunResult {
  seed: number;
  steps: string[];
  /** Set when the incremental build differed from the clean one. */
  failure?: string;
  builds: number;
  failedBuilds: number;
}

const snap = (dir: string) => {
  try {
    return new Map(outputFiles(dir).map((rel) => [rel, sha256Of(readFileSync(path.join(dir, rel)))]));
  } catch {
    return new Map<string, string>();
  }
};

export async function randomRun(options: RunOptions): Promise<RunResult> {
  const { seed, root } = options;
  const log = options.log ?? (() => {});
  const rng = new Rng(seed);
  const sample = await samplePortal();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const contentDir = path.join(root, "content");
  cpSync(sample.contentDir, contentDir, { recursive: true });
  writeSiteModules(contentDir);
  const dirs = { cacheDir: path.join(root, "cache"), published: path.join(root, "site") };
  const clean = path.join(root, "clean");
  const w: World = {
    contentDir,
    baseSite: sample.site,
    siteChanges: [],
    now: sample.now,
    counter: 0,
    inProcess: !options.child,
  };
  // Each seed builds with its own page size (small ones make lists of many pages) and threads.
  const pageSize = rng.pick([20, 5, 7]);
  if (pageSize !== 20) w.siteChanges.push({ kind: "pageSize", value: pageSize });
  const parallel = rng.chance(0.3) ? { threads: 2, minFiles: 0, minPages: 0 } : { threads: 1 };
  const result: RunResult = {
    seed,
    steps: [`setup: pageSize ${pageSize}, threads ${parallel.threads}`],
    builds: 0,
    failedBuilds: 0,
  };
  const build = (req: BuildRequest): Promise<BuildOutcome> => {
    result.builds++;
    return options.child ? buildInChild(w, req) : buildInProcess(w, req);
  };
  const fail = (why: string) => {
    result.failure = `seed ${seed} failed at step ${result.steps.length - 1}: ${why}\nsteps:\n${result.steps.map((s, i) => `  ${i}. ${s}`).join("\n")}`;
    log(result.failure);
    return result;
  };

  /** Both builds: whether both failed, and what differs (nothing when they agree). */
  const compare = async (label: string): Promise<{ failed: boolean; problem?: string }> => {
    const before = snap(dirs.published);
    const inc = await build({ outDir: dirs.published, cacheDir: dirs.cacheDir, parallel });
    rmSync(clean, { recursive: true, force: true });
    const ref = await build({ outDir: clean, parallel: { threads: 1 } });
    const cache = inc.ok ? ` rendered ${inc.rendered ?? "-"} reused ${inc.reused ?? "-"}` : "";
    log(
      `  ${label}: incremental ${inc.ok ? "ok" : "failed"} ${inc.ms} ms${cache}, clean ${ref.ok ? "ok" : "failed"} ${ref.ms} ms`,
    );
    if (inc.ok !== ref.ok)
      return {
        failed: false,
        problem: `the incremental build ${inc.ok ? "passed" : `failed (${inc.error})`}, the clean build ${ref.ok ? "passed" : `failed (${ref.error})`}`,
      };
    if (!inc.ok) {
      result.failedBuilds++;
      const after = snap(dirs.published);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (k) => before.get(k) !== after.get(k),
      );
      const problem = changed.length
        ? `a failed build changed the published output: ${changed.slice(0, 10).join(", ")}`
        : undefined;
      return { failed: true, problem };
    }
    const diff = compareTrees(dirs.published, clean);
    return { failed: false, problem: diff && describeDiff(diff, dirs.published, clean) };
  };

  const first = await compare("step 0 (fill)");
  if (first.problem || first.failed) return fail(first.problem ?? "the sample portal does not build");
  // Each built step's inputs and output, for a revert step to go back to.
  const pasts: Past[] = [takePast(w, 0, outputByManifest(dirs.published))];
  const count = options.sequence?.length ?? options.steps;
  for (let i = 1; i <= count; i++) {
    const undo = { content: contentSnapshot(w), siteChanges: [...w.siteChanges], now: w.now };
    const only = options.sequence ? [options.sequence[i - 1]] : options.only;
    const step = chooseStep(rng, w, dirs, only && new Set(only));
    const past = step.revert ? (rng.chance(0.5) ? pasts[0] : rng.pick(pasts)) : undefined;
    if (past) {
      restorePast(w, past);
      step.what = [`revert to step ${past.step}'s content, config and clock`];
    }
    result.steps.push(step.what.join("; "));
    log(`seed ${seed} step ${i}: ${step.what.join("; ")}`);
    if (step.interruption) {
      const before = snap(dirs.published);
      const { interruption } = step;
      const elsewhere = "elsewhere" in interruption;
      const out = await build({
        outDir: elsewhere ? `${dirs.published}-other` : dirs.published,
        cacheDir: dirs.cacheDir,
        parallel,
        ...(elsewhere ? {} : interruption),
      });
      log(`  interrupted build: ${out.ok ? "completed" : out.error.split("\n")[0]} (${out.ms} ms)`);
      const after = snap(dirs.published);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (k) => before.get(k) !== after.get(k),
      );
      if (elsewhere && changed.length)
        return fail(
          `a build into another folder changed the published output: ${changed.slice(0, 10).join(", ")}`,
        );
      if (!out.ok && changed.length) {
        // A build killed after its swap (while it saved the cache) published a whole new output:
        // then it is a clean build's; anything else is a half-published folder.
        rmSync(clean, { recursive: true, force: true });
        const ref = out.killed ? await build({ outDir: clean, parallel: { threads: 1 } }) : undefined;
        const diff = ref?.ok ? compareTrees(dirs.published, clean) : "no clean build";
        if (diff)
          return fail(
            `an interrupted build changed the published output: ${changed.slice(0, 10).join(", ")}`,
          );
        log("  (killed after it published: the output is a clean build's)");
      }
    }
    const outcome = await compare(`step ${i}`);
    if (outcome.problem) return fail(outcome.problem);
    if (past && !outcome.failed) {
      const differing = differingPaths(past.out, outputByManifest(dirs.published));
      if (differing.length)
        return fail(
          `back at step ${past.step}'s inputs, these files differ from its output: ${differing.slice(0, 10).join(", ")}`,
        );
    }
    if (!outcome.failed) pasts.push(takePast(w, i, outputByManifest(dirs.published)));
    if (outcome.failed && rng.chance(0.5)) {
      // Both refused the content: half the time the editor first edits on before the fix (the
      // refused state built on, from a cache the refused builds touched).
      const what = editWhileRefused(rng, w);
      result.steps.push(`while refused: ${what}`);
      log(`seed ${seed} step ${i}, while refused: ${what}`);
      const more = await compare(`step ${i} edited while refused`);
      if (more.problem) return fail(more.problem);
    }
    if (outcome.failed) {
      // Both refused the content: put it back, as the editor would, and build again from the same cache.
      restoreContent(w, undo.content);
      w.siteChanges = undo.siteChanges;
      w.now = undo.now;
      result.steps.push("(reverted the step's edits)");
      const again = await compare(`step ${i} reverted`);
      if (again.problem || again.failed) return fail(again.problem ?? "the reverted content does not build");
    }
  }
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  return result;
}
