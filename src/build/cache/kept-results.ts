/**
 * The results the load keeps beside the record store (records.ts), opened and saved with it: each
 * organ's 年报 counts (organ-counts.ts) and category lists (organ-categories.ts), the site's
 * tallies per run of records (site-tallies.ts). Each is checked by its records' digests, or taken
 * by the store's generation (generation.ts). And the check of the details' URLs (detail-urls.ts),
 * taken by the generation only, as are the digest of sitemap.xml's detail lines
 * (sitemap-details.ts), the 解读 coverage's codes (coverage-kept.ts) and the unique-索引号/发文字号
 * check's keys (policy-keys-kept.ts), each record's organ (organ-owners-kept.ts) and where each
 * record goes in the portal (portal-layout-kept.ts).
 */
import type { Site } from "../../config/schema.ts";
import type { Since } from "./generation.ts";
import { openOrganCounts, organCountsStale, saveOrganCounts } from "./organ-counts.ts";
import { openOrganCategories, organCategoriesStale, saveOrganCategories } from "./organ-categories.ts";
import { openSiteTallies, saveSiteTallies, siteTalliesStale } from "./site-tallies.ts";
import { detailUrlsStale, openDetailUrls, saveDetailUrls } from "./detail-urls.ts";
import { openSitemapDetails, saveSitemapDetails, sitemapDetailsStale } from "./sitemap-details.ts";
import { coverageKeptStale, openCoverageKept, saveCoverageKept } from "./coverage-kept.ts";
import { openPolicyKeys, policyKeysStale, savePolicyKeys } from "./policy-keys-kept.ts";
import { openOrganOwners, organOwnersStale, saveOrganOwners } from "./organ-owners-kept.ts";
import { openPortalLayout, portalLayoutStale, savePortalLayout } from "./portal-layout-kept.ts";

type DigestOf = (record: object) => string | undefined;

/** `key`: the record store's; `digestOf`: the digests it kept; `since`: what changed since its generation. */
export function openKeptResults(
  cacheDir: string,
  site: Site,
  key: string,
  digestOf: DigestOf,
  since: Since,
): void {
  openOrganCounts(cacheDir, site, key, digestOf, since);
  openOrganCategories(cacheDir, site, key, digestOf, since);
  openSiteTallies(cacheDir, site, key, digestOf, since);
  openDetailUrls(cacheDir, site, key, since);
  openSitemapDetails(cacheDir, site, key, since);
  openCoverageKept(cacheDir, site, key, since);
  openPolicyKeys(cacheDir, site, key, since);
  openOrganOwners(cacheDir, site, key, since);
  openPortalLayout(cacheDir, site, key, since);
}

/** Would a save write other results than those read back? */
export const keptResultsStale = (site: Site): boolean =>
  organCountsStale(site) ||
  organCategoriesStale(site) ||
  siteTalliesStale(site) ||
  detailUrlsStale(site) ||
  sitemapDetailsStale(site) ||
  coverageKeptStale(site) ||
  policyKeysStale(site) ||
  organOwnersStale(site) ||
  portalLayoutStale(site);

/** Keeps this build's results (`digestOf`: the build's digests) under the store's generation `gen`. */
export function saveKeptResults(
  cacheDir: string,
  site: Site,
  digestOf: DigestOf,
  gen: string | undefined,
): void {
  saveOrganCounts(cacheDir, site, digestOf, gen);
  saveOrganCategories(cacheDir, site, digestOf, gen);
  saveSiteTallies(cacheDir, site, digestOf, gen);
  saveDetailUrls(cacheDir, site, gen);
  saveSitemapDetails(cacheDir, site, gen);
  saveCoverageKept(cacheDir, site, gen);
  savePolicyKeys(cacheDir, site, gen);
  saveOrganOwners(cacheDir, site, gen);
  savePortalLayout(cacheDir, site, gen);
}
