/**
 * Building a platform. Every site is built by the ordinary site build into `<out>/<key>/`; then
 * the platform's own pages are made from those folders alone (src/platform/finish.ts), so that a
 * platform built in one process and one built in CI jobs and merged (src/platform/merge.ts) are
 * the same bytes. The whole `<out>` is published atomically, as a site is.
 */
import path from "node:path";
import { buildSite, type BuildResult } from "../build/build-site.ts";
import type { SiteParts } from "../build/outputs.ts";
import { checkOutputFolder, preparePublication } from "../build/publish.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import type { Platform, PlatformSite } from "./config.ts";
import { planShares, type SharePlan } from "./shares.ts";
import { finishPlatform } from "./finish.ts";
import { withPlacedProblems } from "./problems.ts";
import { keepIndexWorkers } from "../search/kept-index-workers.ts";

/** What a site's build leaves for the report: not its state, so a platform holds one site's records at a time. */
export interface SiteBuilt {
  key: string;
  contentDir: string;
  details: number;
  lists: number;
  warnings: Problem[];
  timings: BuildResult["timings"];
  ms: number;
}

/** Refuses an output folder that is or holds any site's content or config (before anything is written). */
export function guardOutput(platform: Platform, outDir: string): void {
  for (const s of platform.sites)
    checkOutputFolder(outDir, { contentDir: s.contentDir, configPath: s.configPath });
  checkOutputFolder(outDir, { contentDir: platform.sites[0].contentDir, configPath: platform.configPath });
}

/** The shares, stopping on a share to an unknown site (the build would otherwise drop it silently). */
export function sharesOrThrow(platform: Platform, shares: SharePlan = planShares(platform)): SharePlan {
  if (shares.problems.length) throw new ContentError(shares.problems);
  return shares;
}

/** Builds the given sites, each into `<dir>/<key>/` (each published atomically on its own). */
export async function buildSites(
  platform: Platform,
  sites: readonly PlatformSite[],
  dir: string,
  now: number,
  shares = sharesOrThrow(platform),
  /** Page sources and steps (default: the portal's); the benchmark's pages-only run passes no steps. */
  parts?: SiteParts,
): Promise<SiteBuilt[]> {
  // One site after another: the search index's workers go on from one to the next (a small
  // site's index step was mostly starting them).
  return keepIndexWorkers(() => buildEach(sites, dir, now, shares, parts));
}

async function buildEach(
  sites: readonly PlatformSite[],
  dir: string,
  now: number,
  shares: SharePlan,
  parts: SiteParts | undefined,
): Promise<SiteBuilt[]> {
  const built: SiteBuilt[] = [];
  for (const s of sites) {
    const started = performance.now();
    const result = await withPlacedProblems(s.contentDir, () =>
      buildSite({
        site: s.site,
        contentDir: s.contentDir,
        configPath: s.configPath,
        outDir: path.join(dir, s.key),
        now,
        extraFiles: shares.into.get(s.key),
        parts,
      }),
    );
    const { state, timings } = result;
    built.push({
      key: s.key,
      contentDir: s.contentDir,
      details: state.details.length,
      lists: state.lists.length,
      warnings: state.warnings,
      timings,
      ms: performance.now() - started,
    });
  }
  return built;
}

/**
 * Publishes a platform atomically: `fill` puts the sites' folders into the staging folder, then the
 * platform pages and the manifest are made from them (the one-process build and the merge job).
 * The caller has guarded the output folder (guardOutput) before anything else could fail.
 */
export async function publishPlatform<T>(
  platform: Platform,
  outDir: string,
  fill: (staging: string) => T | Promise<T>,
): Promise<T> {
  const publication = preparePublication(outDir, {
    contentDir: platform.sites[0].contentDir,
    configPath: platform.configPath,
  });
  for (const line of publication.repaired) console.error(line);
  const staging = publication.begin();
  try {
    const filled = await fill(staging);
    await finishPlatform(platform, staging);
    publication.commit();
    return filled;
  } catch (err) {
    publication.abort();
    throw err;
  }
}

/** The whole platform in one process: every site, then the platform pages, published as one folder. */
export async function buildPlatform(platform: Platform, outDir: string, now: number): Promise<SiteBuilt[]> {
  guardOutput(platform, outDir);
  const shares = sharesOrThrow(platform);
  return publishPlatform(platform, outDir, (staging) =>
    buildSites(platform, platform.sites, staging, now, shares),
  );
}
