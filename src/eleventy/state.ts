/**
 * What one build works from: the validated records, the portal built from them, and the list of
 * pages to generate. Loaded before Eleventy starts, so bad content stops the build early.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import { ContentError, type Problem } from "../content/problems.ts";
import type { RecordCache } from "../content/record-cache.ts";
import { validateContent } from "../check/validate.ts";
import type { Portal } from "../portal/portal.ts";
import { hrefFor } from "../portal/urls.ts";
import { DateTime } from "luxon";
import { imageSizer } from "../media/image-size.ts";
import type { LayoutContext } from "../../layouts/context.ts";
import type { ListPageData } from "../../layouts/list.ts";
import type { Tallies } from "../tallies/compute.ts";

export interface BuildOptions {
  site: Site;
  contentDir: string;
  /** The build's clock, epoch ms. */
  now: number;
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
}

export interface BuildState {
  options: BuildOptions;
  now: number;
  portal: Portal;
  ctx: LayoutContext;
  /** Records that get a detail page. */
  details: ContentRecord[];
  lists: ListPageData[];
  /** Publication counts per year and site-wide (src/tallies/). */
  tallies: Tallies;
  /** Warnings (errors stop the build before a state exists). */
  warnings: Problem[];
}

/** Holder the templates read from, so a rebuild can swap in a new state. */
export interface StateRef {
  current: BuildState;
}

export function createState(options: BuildOptions): BuildState {
  const { site } = options;
  const { portal, details, lists, problems, tallies } = validateContent(options);
  if (problems.some((p) => p.severity === "error")) throw new ContentError(problems);
  return {
    options,
    now: options.now,
    portal,
    ctx: {
      site,
      portal,
      href: hrefFor(site),
      year: DateTime.fromMillis(options.now, { zone: site.timeZone }).year,
      imageSize: imageSizer(options.contentDir),
      preview: options.includeDrafts ? { now: options.now } : undefined,
    },
    details,
    lists,
    tallies,
    warnings: problems,
  };
}
