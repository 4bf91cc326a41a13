/**
 * Publishing the built folder: atomic for readers of the folder, self-healing after a kill.
 *
 * The build writes into `<out>.staging-<pid>` next to the published folder, then swaps with two
 * renames: `<out>` → `<out>.old-<pid>`, staging → `<out>`, and removes the old copy. Hosts and
 * upload tools (actions/upload-pages-artifact, rsync, bucket sync) expect a plain folder, so
 * `<out>` stays one rather than a symlink to a release folder. Renames within one filesystem are
 * atomic, so `<out>` is always complete; the only moment it is absent is between the two renames,
 * and a build killed exactly there is repaired by the next one: every build starts by restoring
 * `<out>.old-<pid>` when `<out>` is missing and that build is dead, then removes whatever dead
 * builds left behind (half-written staging folders, old copies).
 *
 * When `<out>` is a symlink to a folder, the folder it points to is published into the same way
 * and the link is left alone (see resolveOutputTarget).
 *
 * With a build cache, the old copy is not removed but renamed into the cache folder (`spare`),
 * and the next build starts from it instead of an empty staging folder (src/build/cache/spare.ts
 * keeps only what is provably this build's bytes): removing and re-creating 200k files was most
 * of a one-edit build at 50k items. The published folder is still only ever replaced by the two
 * renames, so a failed build leaves it exactly as it was.
 *
 * GONGKAI_TEST_KILL_AT=<step> makes the process kill itself (SIGKILL) at that step of the swap,
 * for the test that proves every step recoverable (test/operators/publish.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  assertNotProjectFolder,
  assertReplaceable,
  OUTPUT_MARKER,
  OUTPUT_MARKER_TEXT,
  resolveOutputTarget,
  shown,
  type GuardContext,
} from "./output-guard.ts";
import { recoverInterrupted } from "./publish-recovery.ts";

export const SWAP_STEPS = ["staged", "moved-old", "published", "removing-old", "done"] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

function failpoint(step: SwapStep): void {
  if (process.env.GONGKAI_TEST_KILL_AT === step) process.kill(process.pid, "SIGKILL");
}

/** Targets being published by this process right now (target → staging): not a dead build's leftovers. */
const active = new Map<string, string>();

/**
 * Staging folders of failed builds. A library can still be copying into one after the build failed
 * (Eleventy's passthrough copy), so they are removed again when the process exits.
 */
const abandoned = new Set<string>();
process.on("exit", () => {
  for (const staging of abandoned) rmSync(staging, { recursive: true, force: true });
});

/**
 * Removes this process's staging folders: for a command about to exit on an error thrown outside
 * the build's own try (a library's stray rejection), so it leaves nothing behind.
 */
export function abortActivePublications(): void {
  for (const staging of active.values()) {
    rmSync(staging, { recursive: true, force: true });
    abandoned.add(staging);
  }
  active.clear();
}

export interface Publication {
  /** The folder that is replaced (the symlink's target when the output path is a symlink). */
  target: string;
  /** Where this build writes. */
  staging: string;
  /**
   * Creates the staging folder (with the marker) and returns its path. `spare`: a folder to
   * rename into the staging folder instead of starting empty (`reused` then says it was), taken
   * only when something is published already, unless `anyway` (a site built inside a platform's
   * staging folder, which never has a published folder of its own: src/platform/build.ts).
   */
  begin(spare?: string, anyway?: boolean): string;
  /** Did begin() start from the spare folder? */
  readonly reused: boolean;
  /** What the start-up repair did (for the build to print). */
  repaired: string[];
  /** Swaps the staging folder in; `spare`: where to keep the replaced folder instead of removing it. */
  commit(spare?: string): void;
  /** Removes the staging folder after a failed build; the published folder is untouched. */
  abort(): void;
}

/** Where a build of this process writes before it publishes (the dev server serves it meanwhile). */
export function stagingFolderOf(outDir: string): string {
  return `${resolveOutputTarget(outDir)}.staging-${process.pid}`;
}

/** The checks alone, for a command that must refuse before it does anything else (npm start). */
export function checkOutputFolder(outDir: string, context: GuardContext): void {
  const display = shown(path.resolve(outDir), context.cwd);
  const target = resolveOutputTarget(outDir);
  assertNotProjectFolder(target, context, display);
  assertReplaceable(target, display);
}

/**
 * Checks the output folder, repairs interrupted builds and creates the staging folder. Throws
 * OutputFolderError (Chinese) before anything is written when the folder may not be replaced.
 */
export function preparePublication(outDir: string, context: GuardContext): Publication {
  const display = shown(path.resolve(outDir), context.cwd);
  const target = resolveOutputTarget(outDir);
  assertNotProjectFolder(target, context, display);
  const repaired = recoverInterrupted(target, active.has(target));
  assertReplaceable(target, display);
  const staging = stagingFolderOf(outDir);
  let reused = false;
  return {
    target,
    staging,
    repaired,
    get reused() {
      return reused;
    },
    begin(spare?: string, anyway = false) {
      active.set(target, staging);
      abandoned.delete(staging);
      rmSync(staging, { recursive: true, force: true });
      // Without a published folder the dev server serves the staging folder: only this build's pages.
      reused = spare !== undefined && (anyway || existsSync(target)) && takeSpare(spare, staging);
      mkdirSync(staging, { recursive: true });
      // Its own inode: the spare's marker could be anything.
      rmSync(path.join(staging, OUTPUT_MARKER), { force: true });
      writeFileSync(path.join(staging, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
      return staging;
    },
    commit(spare?: string) {
      try {
        swap(staging, target, spare);
      } finally {
        active.delete(target);
      }
    },
    abort() {
      active.delete(target);
      rmSync(staging, { recursive: true, force: true });
      abandoned.add(staging);
    },
  };
}

/** Renames the spare folder to `staging`; false (and the spare removed) when that cannot be done. */
function takeSpare(spare: string, staging: string): boolean {
  if (!existsSync(spare)) return false;
  try {
    renameSync(spare, staging);
    return true;
  } catch {
    // Another filesystem, or taken by a build that raced this one.
    rmSync(spare, { recursive: true, force: true });
    return false;
  }
}

function swap(staging: string, target: string, spare?: string): void {
  const old = `${target}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  failpoint("staged");
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  failpoint("moved-old");
  try {
    renameSync(staging, target);
  } catch (err) {
    if (hadOld) renameSync(old, target);
    throw err;
  }
  failpoint("published");
  if (!hadOld) return failpoint("done");
  if (spare !== undefined && !existsSync(spare)) {
    failpoint("removing-old");
    try {
      renameSync(old, spare);
      return failpoint("done");
    } catch {
      // Another filesystem: removed below, as without a cache.
    }
  }
  // Entry by entry, so the test can stop it half-way; the next build removes the rest.
  readdirSync(old).forEach((name, i) => {
    rmSync(path.join(old, name), { recursive: true, force: true });
    if (i === 0) failpoint("removing-old");
  });
  rmSync(old, { recursive: true, force: true });
  failpoint("done");
}
