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
import { bodyLinkProblems, bodyMediaPaths, type LinkTargets } from "./body-links.ts";
import { bodyA11yProblems } from "./body-a11y.ts";
import { urlProblems } from "./site-urls.ts";
import { computeTallies, type Tallies } from "../tallies/compute.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { MediaReferences, planMedia } from "../media/embargo.ts";
import { portableChecks, runPortableCheck, type PortableProblems } from "./portable-checks.ts";

/** What the pages are made from. */
export interface ValidatedContent {
  portal: Portal;
  /** Records that get a detail page. */
  details: ContentRecord[];
  /** The counts; the report files are checked against them. */
  tallies: Tallies;
  /** /media/ paths to publish (src/media/embargo.ts). */
  media: string[];
}

export interface Validated extends ValidatedContent {
  loaded: LoadResult;
  /** Every page and file the build writes. */
  outputs: SiteOutputs;
  /** Errors and warnings, in the order files were read. */
  problems: Problem[];
}

/**
 * The portal and the records that get a detail page: all a render worker needs to render the
 * detail pages (src/build/parallel/), and the start of `assembleContent`.
 */
export function portalOf(
  options: LoadOptions,
  published: readonly ContentRecord[],
): Pick<ValidatedContent, "portal" | "details"> {
  const types = options.types ?? DEFAULT_TYPES;
  // A platform's shared files are read again by every build, outside the record store.
  const portal = buildPortal(options.site, published, types, (options.extraFiles?.length ?? 0) > 0);
  const withPage = new Map<string, AnyTypeSpec>(types.filter((t) => t.detail).map((t) => [t.type, t]));
  const details = portal.records.filter((r) => {
    const spec = withPage.get(r.type);
    return spec !== undefined && (spec.hasPage?.(r) ?? true);
  });
  return { portal, details };
}

/**
 * What the pages are made from, given the loaded records: no check runs here. A render worker
 * (src/build/parallel/) rebuilds the state from the records with it, after the build checked them.
 */
export function assembleContent(
  options: LoadOptions,
  loaded: Pick<LoadResult, "all" | "published">,
): ValidatedContent & { mediaIndex: ReturnType<typeof indexMedia>; mediaPlan: ReturnType<typeof planMedia> } {
  const { site } = options;
  const { portal, details } = portalOf(options, loaded.published);
  const tallies = computeTallies(portal);
  const mediaIndex = indexMedia(options.contentDir, options.prepared?.media);
  const references = new MediaReferences();
  references.addFields(site, loaded.all);
  for (const record of loaded.all)
    for (const url of bodyMediaPaths(record, site.allowHtml)) references.add(url, record);
  const mediaPlan = planMedia(mediaIndex, references, new Set(loaded.published));
  return { portal, details, tallies, media: mediaPlan.publish, mediaIndex, mediaPlan };
}

/** Loaded, assembled and enumerated; the checks that need no pages may still run elsewhere. */
export interface BegunValidation {
  loaded: LoadResult;
  content: AssembledContent;
  /** The checks that need no pages, run here. */
  portable(): PortableProblems;
  /** One of them (src/check/portable-checks.ts), run here. */
  runCheck(index: number): Problem[];
  /** Every problem, in the order of a build that ran every check here. */
  finish(portable: PortableProblems): Validated;
}

export type AssembledContent = ReturnType<typeof assembleContent>;

/**
 * Loads, assembles and enumerates; `finish` adds the checks. A build on several threads has the
 * checks that need no pages run on a worker meanwhile (src/build/parallel/), any other caller runs
 * them here (`validateContent`).
 */
export function beginValidation(
  options: LoadOptions,
  enumerate: (content: ValidatedContent) => SiteOutputs,
): BegunValidation {
  const { site } = options;
  const types = options.types ?? DEFAULT_TYPES;
  const loaded = loadContent({ ...options, types });
  const content = assembleContent({ ...options, types }, loaded);
  const { portal, details, tallies, mediaIndex: media, mediaPlan } = content;
  const outputs = enumerate({ portal, details, tallies, media: mediaPlan.publish });
  return {
    loaded,
    content,
    portable: () => portableChecks({ options: { ...options, types }, all: loaded.all, content }),
    runCheck: (index) =>
      runPortableCheck(index, { options: { ...options, types }, all: loaded.all, content }),
    finish(portable) {
      const unpublished = unpublishedOf(loaded);
      const problems = [
        ...loaded.problems,
        ...media.problems,
        ...portable.mediaFiles,
        ...mediaPlan.warnings,
        ...portable.records,
        ...bodyLinkProblems(loaded.all, { outputs, unpublished, media }, site.allowHtml),
        ...bodyA11yProblems(loaded.all, site.allowHtml),
        ...urlProblems(details, outputs, portal.byUrl, portal),
        ...portable.portal,
      ];
      return { loaded, portal, details, tallies, media: mediaPlan.publish, outputs, problems };
    },
  };
}

/**
 * The valid records not published in this build, by URL, made when a link first asks: only a link
 * to no output does (at 50k items, a Set and a Map of ~50k URLs a build, ~50 ms of CPU, for none).
 */
function unpublishedOf(loaded: Pick<LoadResult, "all" | "published">): LinkTargets["unpublished"] {
  let made: Map<string, ContentRecord> | undefined;
  const map = (): Map<string, ContentRecord> => {
    if (made) return made;
    const publishedUrls = new Set(loaded.published.map((r) => r.url));
    return (made = new Map(loaded.all.filter((r) => !publishedUrls.has(r.url)).map((r) => [r.url, r])));
  };
  return { get: (url) => map().get(url), has: (url) => map().has(url) };
}

export function validateContent(
  options: LoadOptions,
  enumerate: (content: ValidatedContent) => SiteOutputs,
): Validated {
  const begun = beginValidation(options, enumerate);
  return begun.finish(begun.portable());
}
