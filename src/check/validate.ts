/**
 * Everything the build checks before it renders, in one function: `npm run build` calls it (and
 * stops on errors), `npm run check` calls it and prints. The two can never drift apart.
 * Links and URLs are checked against what the build will write, which the caller enumerates from
 * the validated records (`enumerate`, src/build/load-state.ts): the checks never guess.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { loadContent, type LoadOptions, type LoadResult } from "../content/loader.ts";
import { buildPortal, type Portal } from "../portal/portal.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";
import { indexMedia } from "./media-index.ts";
import { recordChecks } from "./record-checks.ts";
import { bodyLinkProblems } from "./body-links.ts";
import { urlProblems } from "./site-urls.ts";
import { inspectionWarnings } from "./inspection.ts";
import { computeTallies, type Tallies } from "../tallies/compute.ts";
import { reportProblems } from "../tallies/checks.ts";

/** What the pages are made from. */
export interface ValidatedContent {
  portal: Portal;
  /** Records that get a detail page. */
  details: ContentRecord[];
  /** The counts; the report files are checked against them. */
  tallies: Tallies;
}

export interface Validated extends ValidatedContent {
  loaded: LoadResult;
  /** Every page and file the build writes. */
  outputs: SiteOutputs;
  /** Errors and warnings, in the order files were read. */
  problems: Problem[];
}

export function validateContent(
  options: LoadOptions,
  enumerate: (content: ValidatedContent) => SiteOutputs,
): Validated {
  const { site } = options;
  const loaded = loadContent(options);
  const portal = buildPortal(site, loaded.published);
  const details = portal.records.filter((r) => r.type !== "topic");
  const tallies = computeTallies(portal);
  const outputs = enumerate({ portal, details, tallies });
  const media = indexMedia(options.contentDir);
  const publishedUrls = new Set(loaded.published.map((r) => r.url));
  const unpublished = new Map(loaded.all.filter((r) => !publishedUrls.has(r.url)).map((r) => [r.url, r]));
  const problems = [
    ...loaded.problems,
    ...media.problems,
    ...recordChecks(site, loaded.all, media, options.now),
    ...bodyLinkProblems(loaded.all, { outputs, unpublished, media }, site.allowHtml),
    ...urlProblems(details, outputs),
    ...inspectionWarnings(portal, options.now),
    ...reportProblems(portal, tallies),
  ];
  return { loaded, portal, details, tallies, outputs, problems };
}
