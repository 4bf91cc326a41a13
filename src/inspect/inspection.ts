/**
 * The self-inspection of `npm run inspect` (issue 16), as data: the veto deadlines predicted from
 * the build's clock (src/check/deadlines.ts), the 基本信息 pages due for review, and every external
 * address the published site points to, fetched and classified. The CLI writes it as report.json
 * and report.html (src/inspect/report-html.ts) and exits 1 on a veto risk within the horizon.
 */
import { DateTime } from "luxon";
import type { Site } from "../config/schema.ts";
import type { Portal } from "../portal/portal.ts";
import { predictDeadlines, type Deadlines } from "../check/deadlines.ts";
import { reviewDates, type ReviewDate } from "../check/review-by.ts";
import { collectExternalLinks, type ExternalLink } from "./collect-links.ts";
import { checkLinks, type LinkResult, type LinkStatus } from "./link-check.ts";
import { LinkCache } from "./link-cache.ts";

export interface CheckedLink extends ExternalLink {
  result?: LinkResult;
  /** Set when the host is in inspection.links.skipHosts. */
  skipped?: true;
}

export interface InspectionReport extends Deadlines {
  /** The build clock's day, yyyy-MM-dd. */
  today: string;
  horizon: number;
  /** The last day of the horizon: a veto on or before it fails the run. */
  horizonEnd: string;
  /** True when the predicted veto falls within the horizon. */
  vetoWithinHorizon: boolean;
  /** 基本信息 pages with a review date: overdue, or due within the horizon. */
  reviews: ReviewDate[];
  /** Absent when the links were not checked (--no-links). */
  links?: CheckedLink[];
  linkCounts?: Record<LinkStatus | "skipped", number>;
}

export interface InspectOptions {
  site: Site;
  portal: Portal;
  now: number;
  horizon: number;
  /** false: no network at all. */
  links: boolean;
  /** The link cache file; undefined: no cache. */
  cacheFile?: string;
  userAgent?: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

export async function inspect(o: InspectOptions): Promise<InspectionReport> {
  const { site, portal, now, horizon } = o;
  const clock = DateTime.fromMillis(now, { zone: site.timeZone });
  const today = clock.toFormat("yyyy-MM-dd");
  const horizonEnd = clock.plus({ days: horizon }).toFormat("yyyy-MM-dd");
  const deadlines = predictDeadlines(portal, now);
  const reviews = reviewDates(site, portal.records, now).filter((r) => r.overdue || r.day <= horizonEnd);
  const report: InspectionReport = {
    today,
    horizon,
    horizonEnd,
    ...deadlines,
    vetoWithinHorizon: deadlines.veto !== undefined && deadlines.veto.day <= horizonEnd,
    reviews,
  };
  if (!o.links) return report;
  const config = site.inspection.links;
  const skip = new Set(config.skipHosts.map((h) => h.toLowerCase()));
  const found: CheckedLink[] = collectExternalLinks(portal.records, site.allowHtml);
  const toFetch = found.filter((l) => !skip.has(hostOf(l.url).toLowerCase()));
  const cache = o.cacheFile ? new LinkCache(o.cacheFile, config.cacheHours) : undefined;
  const results = await checkLinks(
    toFetch.map((l) => l.url),
    {
      timeoutMs: config.timeoutSeconds * 1000,
      slowMs: config.slowSeconds * 1000,
      intervalMs: config.perHostIntervalSeconds * 1000,
      concurrency: config.concurrency,
      maxRedirects: config.maxRedirects,
      // Header values are bytes: an ASCII name, not the site's Chinese one.
      userAgent: o.userAgent ?? "Gongkai-inspect/0.1 (self-inspection of a government portal)",
      cache,
    },
  );
  cache?.save(Date.now());
  const byUrl = new Map(results.map((r) => [r.url, r]));
  const counts = { good: 0, broken: 0, slow: 0, redirected: 0, skipped: 0 };
  for (const link of found) {
    const result = byUrl.get(link.url);
    if (result) {
      link.result = result;
      counts[result.status]++;
    } else {
      link.skipped = true;
      counts.skipped++;
    }
  }
  return { ...report, links: found, linkCounts: counts };
}
