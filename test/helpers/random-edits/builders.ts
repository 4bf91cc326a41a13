/**
 * A build of the randomized sequence's content, in this process (buildSite) or in a fresh one (as
 * an operator's every `npm run build` is, and as a build killed half-way is). Either way the
 * parts are the incremental tests' (helpers/incremental-fixture.ts) and the site config is the
 * sample's with the sequence's changes and the site's own footer module (site-modules.ts).
 */
import { execFile, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildSite } from "../../../src/build/build-site.ts";
import type { SiteParts } from "../../../src/build/outputs.ts";
import type { ParallelSettings } from "../../../src/build/parallel/settings.ts";
import { incrementalParts } from "../incremental-fixture.ts";
import { ROOT } from "../sample-portal.ts";
import { siteOf, type SiteChange, type World } from "./world.ts";
import { configPathOf, withSiteModules } from "./site-modules.ts";

export interface BuildRequest {
  outDir: string;
  /** The cache folder, or undefined for a clean build. */
  cacheDir?: string;
  /** A step after the pages fails (a full disk, a killed CI job's last step). */
  failAfterPages?: boolean;
  /** Fresh process only: killed (SIGKILL) after this many ms. */
  killAfterMs?: number;
  parallel?: Partial<ParallelSettings>;
}

export type BuildOutcome =
  | { ok: true; rendered?: number; reused?: number; ms: number }
  | { ok: false; error: string; killed?: boolean; ms: number };

/** What a build in a fresh process is given (build-child.ts). */
export interface ChildJob {
  contentDir: string;
  outDir: string;
  cacheDir?: string;
  now: number;
  siteChanges: SiteChange[];
  failAfterPages?: boolean;
  parallel?: Partial<ParallelSettings>;
}

export function partsFor(failAfterPages?: boolean): SiteParts {
  const parts = incrementalParts();
  if (!failAfterPages) return parts;
  const fails = { name: "fails", outputs: () => [], run: () => Promise.reject(new Error("步骤失败")) };
  return { ...parts, steps: [...parts.steps, fails] };
}

export async function buildInProcess(w: World, req: BuildRequest): Promise<BuildOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const result = await buildSite({
      site: await withSiteModules(siteOf(w), w.contentDir),
      configPath: configPathOf(w.contentDir),
      contentDir: w.contentDir,
      outDir: req.outDir,
      now: w.now,
      parts: partsFor(req.failAfterPages),
      cacheDir: req.cacheDir,
      parallel: req.parallel,
    });
    return { ok: true, rendered: result.cache?.rendered, reused: result.cache?.reused, ms: ms() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err), ms: ms() };
  }
}

const CHILD = path.join(import.meta.dirname, "build-child.ts");

export function buildInChild(w: World, req: BuildRequest): Promise<BuildOutcome> {
  const job: ChildJob = {
    contentDir: w.contentDir,
    outDir: req.outDir,
    cacheDir: req.cacheDir,
    now: w.now,
    siteChanges: w.siteChanges,
    failAfterPages: req.failAfterPages,
    parallel: req.parallel,
  };
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let killed = false;
    const child: ChildProcess = execFile(
      process.execPath,
      ["--import", "tsx", CHILD, JSON.stringify(job)],
      { cwd: ROOT, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        clearTimeout(timer);
        const last = stdout.trim().split("\n").at(-1) ?? "";
        if (killed) return resolve({ ok: false, error: "killed", killed: true, ms: ms() });
        try {
          const parsed = JSON.parse(last) as BuildOutcome;
          resolve({ ...parsed, ms: ms() });
        } catch {
          resolve({
            ok: false,
            error: `child crashed: ${err?.message ?? ""}\n${stderr.slice(-2000)}`,
            ms: ms(),
          });
        }
      },
    );
    const timer =
      req.killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill("SIGKILL");
          }, req.killAfterMs);
  });
}
