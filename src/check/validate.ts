/**
 * Everything the build checks before it renders, in one function: `npm run build` calls it (and
 * stops on errors), `npm run check` calls it and prints. The two can never drift apart.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../content/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { loadContent, type LoadOptions, type LoadResult } from "../content/loader.ts";
import { buildPortal, type Portal } from "../portal/portal.ts";
import type { ListPageData } from "../../layouts/list.ts";
import { listPagesOf } from "../pages/list-pages.ts";
import { ASSETS_DIR } from "../eleventy/plugin.ts";
import { indexMedia } from "./media-index.ts";
import { recordChecks } from "./record-checks.ts";
import { bodyLinkProblems } from "./body-links.ts";
import { generatedUrls, urlProblems } from "./site-urls.ts";
import { inspectionWarnings } from "./inspection.ts";
import { wordingProblems } from "./wording/check.ts";
import { signoffProblems } from "./signoff.ts";
import { backdatingProblems } from "./dates.ts";
import { computeTallies, type Tallies } from "../tallies/compute.ts";
import { reportProblems } from "../tallies/checks.ts";

export interface Validated {
  loaded: LoadResult;
  portal: Portal;
  /** Records that get a detail page. */
  details: ContentRecord[];
  lists: ListPageData[];
  /** The counts; the report files are checked against them. */
  tallies: Tallies;
  /** Errors and warnings, in the order files were read. */
  problems: Problem[];
}

export function validateContent(options: LoadOptions): Validated {
  const { site } = options;
  const loaded = loadContent(options);
  const portal = buildPortal(site, loaded.published);
  const details = portal.records.filter((r) => r.type !== "topic");
  const lists = listPagesOf(portal);
  const tallies = computeTallies(portal);
  const media = indexMedia(options.contentDir);
  const publishedUrls = new Set(loaded.published.map((r) => r.url));
  const unpublished = new Map(loaded.all.filter((r) => !publishedUrls.has(r.url)).map((r) => [r.url, r]));
  const targets = {
    pages: generatedUrls(portal, details, lists),
    unpublished,
    media,
    asset: (url: string) => existsSync(path.join(ASSETS_DIR, url.slice("/assets/".length))),
  };
  const problems = [
    ...loaded.problems,
    ...media.problems,
    ...recordChecks(site, loaded.all, media, options.now),
    ...bodyLinkProblems(loaded.all, targets, site.allowHtml),
    ...urlProblems(details, lists),
    ...inspectionWarnings(portal, options.now),
    ...reportProblems(portal, tallies),
    ...wordingProblems(site, loaded.all),
    ...signoffProblems(site, loaded.all),
    ...backdatingProblems(site, loaded.all, options.contentDir, options.now),
  ];
  return { loaded, portal, details, lists, tallies, problems };
}
