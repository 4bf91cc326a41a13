/**
 * Building a platform. Every site is built by the ordinary site build into `<out>/<key>/`; then
 * the platform's own pages are made from those folders alone (src/platform/finish.ts), so that a
 * platform built in one process and one built in CI jobs and merged (src/platform/merge.ts) are
 * the same bytes. The whole `<out>` is published atomically, as a site is.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildSite, type BuildResult } from "../build/build-site.ts";
import type { SiteParts } from "../build/outputs.ts";
import type { CacheReport } from "../build/cache/cache-report.ts";
import { DEFAULT_CACHE_DIR } from "../build/cache/session.ts";
import { checkOutputFolder, preparePublication } from "../build/publish.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import type { Platform, PlatformSite } from "./config.ts";
import { planShares, type SharePlan } from "./shares.ts";
import { finishPlatform } from "./finish.ts";
import { withPlacedProblems } from "../problems/placed.ts";
import { keepIndexWorkers } from "../search/kept-index-workers.ts";
import { handOverSpares, replacedFolderOf } from "./site-spares.ts";

/** What a site's build leaves for the report: not its state, so a platform holds one site's records at a time. */
export interface SiteBuilt {
  key: string;
  contentDir: string;
  details: number;
  lists: number;
  warnings: Problem[];
  timings: BuildResult["timings"];
  ms: number;
  /** What the site's build cache gave, when it had one. */
  cache?: CacheReport;
}

/** How the sites of a build use the build cache (docs/platform.md, "The build cache"). */
export interface SitesCache {
  /** The platform's cache folder: each site's is `<dir>/sites/<key>/`. */
  dir: string;
  /** The sites are built into the platform's staging folder (one publish for all), not their own. */
  inPlatform?: boolean;
}

/**
 * The platform's build cache by default: inside the site build's (one folder to ignore and keep
 * in CI), which never reads or writes this subfolder.
 */
export const PLATFORM_CACHE_DIR = path.join(DEFAULT_CACHE_DIR, "platform");

/** A site's own build cache folder inside the platform's. */
export const siteCacheDir = (cacheDir: string, key: string): string => path.join(cacheDir, "sites", key);

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
  cache?: SitesCache,
): Promise<SiteBuilt[]> {
  // One site after another: the search index's workers go on from one to the next (a small
  // site's index step was mostly starting them).
  return keepIndexWorkers(() => buildEach(sites, dir, now, shares, parts, cache));
}

async function buildEach(
  sites: readonly PlatformSite[],
  dir: string,
  now: number,
  shares: SharePlan,
  parts: SiteParts | undefined,
  cache: SitesCache | undefined,
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
        cacheDir: cache && siteCacheDir(cache.dir, s.key),
        inPlatform: cache?.inPlatform,
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
      cache: result.cache,
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
  options: {
    /** The platform's build cache: the replaced folder's sites become their spare folders. */
    cacheDir?: string;
    /** `fill` built the sites in this process (their manifests list their folders: finish.ts). */
    sitesBuiltHere?: boolean;
  } = {},
): Promise<T> {
  const { cacheDir } = options;
  const publication = preparePublication(outDir, {
    contentDir: platform.sites[0].contentDir,
    configPath: platform.configPath,
  });
  for (const line of publication.repaired) console.error(line);
  const staging = publication.begin();
  let filled: T;
  try {
    filled = await fill(staging);
    await finishPlatform(platform, staging, options.sitesBuiltHere);
    if (cacheDir === undefined) publication.commit();
    else {
      const replaced = replacedFolderOf(cacheDir);
      // A killed build's leftovers; the swap keeps the replaced folder only where none is.
      rmSync(replaced, { recursive: true, force: true });
      mkdirSync(cacheDir, { recursive: true });
      publication.commit(replaced);
    }
  } catch (err) {
    publication.abort();
    throw err;
  }
  // Published: a spare folder not handed over only makes a site's next build slower.
  if (cacheDir !== undefined)
    try {
      handOverSpares(platform, cacheDir, (key) => siteCacheDir(cacheDir, key));
    } catch (err) {
      console.error(`构建缓存的备用目录未能保存（下次构建会慢一些）：${(err as Error).message}`);
    }
  return filled;
}

/**
 * The whole platform in one process: every site, then the platform pages, published as one folder.
 * `cacheDir`: the platform's build cache (each site's in `sites/<key>/`); unset, none.
 */
export async function buildPlatform(
  platform: Platform,
  outDir: string,
  now: number,
  cacheDir?: string,
): Promise<SiteBuilt[]> {
  guardOutput(platform, outDir);
  const shares = sharesOrThrow(platform, planShares(platform, cacheDir));
  const cache = cacheDir === undefined ? undefined : { dir: cacheDir, inPlatform: true };
  return publishPlatform(
    platform,
    outDir,
    (staging) => buildSites(platform, platform.sites, staging, now, shares, undefined, cache),
    { cacheDir, sitesBuiltHere: true },
  );
}
