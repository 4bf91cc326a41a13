/**
 * Splitting a platform across CI jobs: every site goes to one job, the biggest first to the
 * least loaded job (longest-processing-time scheduling), weighed by the content files it builds
 * (its own and those shared into it). Deterministic: same platform, same plan.
 */
import { listContentFiles } from "../content/walk.ts";
import type { Platform } from "./config.ts";
import type { SharePlan } from "./shares.ts";

export interface PlanJob {
  /** 1-based, for the job's name and its artifact. */
  job: number;
  /** Site keys, comma-separated (`--site` takes the list as it is). */
  sites: string;
  /** Content files the job builds. */
  items: number;
}

export function siteWeights(platform: Platform, shares: SharePlan): Map<string, number> {
  return new Map(
    platform.sites.map((s) => [
      s.key,
      listContentFiles(s.contentDir).files.length + (shares.into.get(s.key)?.length ?? 0),
    ]),
  );
}

export function planJobs(platform: Platform, weights: ReadonlyMap<string, number>, jobs: number): PlanJob[] {
  const count = Math.max(1, Math.min(jobs, platform.sites.length));
  const bins = Array.from({ length: count }, () => ({ keys: [] as string[], items: 0 }));
  const order = platform.sites
    .map((s, i) => ({ key: s.key, i, w: weights.get(s.key) ?? 0 }))
    .sort((a, b) => b.w - a.w || a.i - b.i);
  for (const site of order) {
    const lightest = bins.reduce((best, bin) => (bin.items < best.items ? bin : best));
    lightest.keys.push(site.key);
    lightest.items += site.w;
  }
  const position = new Map(platform.sites.map((s, i) => [s.key, i]));
  return bins.map((bin, k) => ({
    job: k + 1,
    sites: bin.keys.sort((a, b) => position.get(a)! - position.get(b)!).join(","),
    items: bin.items,
  }));
}
