/**
 * The checks that read the records, the portal and the media index but not the enumerated pages.
 * A build on several threads (src/build/parallel/) shares them out: the main thread and a worker
 * that holds the same records each take the next check when free, so neither waits long for the
 * other; `npm run check` and single-threaded builds run them all in place. Each check's problems
 * go to a fixed place in the build's list (src/check/validate.ts), so the order is the same
 * wherever they ran.
 */
import type { Problem } from "../problems/problems.ts";
import type { ContentRecord } from "../content/types.ts";
import { type LoadOptions } from "../content/loader.ts";
import { configFileName, contentFolderName } from "../content/content-folder.ts";
import type { Portal } from "../portal/portal.ts";
import type { Tallies } from "../tallies/compute.ts";
import type { MediaIndex } from "./media-index.ts";
import { recordChecks } from "./record-checks.ts";
import { inspectionWarnings } from "./inspection.ts";
import { wordingProblems } from "./wording/check.ts";
import { signoffProblems } from "./signoff.ts";
import { backdatingProblems } from "./dates.ts";
import { reviewByWarnings } from "./review-by.ts";
import { countedTypeProblems, reportProblems } from "../tallies/checks.ts";
import { websiteReportProblems } from "../tallies/website-report-checks.ts";
import { organReportProblems } from "../organs/report-checks.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { mediaFileProblems } from "../media/media-checks.ts";

/** Plain data (a structured clone carries it from a worker). */
export interface PortableProblems {
  /** The media files themselves (size, type, SVG safety). */
  mediaFiles: Problem[];
  /** Each record against the project (media it names, placeholders, far-future dates). */
  records: Problem[];
  /** Inspection, review dates, tallies and reports, wording, sign-off, honest dates. */
  portal: Problem[];
}

export interface CheckInput {
  options: LoadOptions;
  all: readonly ContentRecord[];
  content: { portal: Portal; tallies: Tallies; mediaIndex: MediaIndex };
}

/**
 * In the order of their problems; each check is one unit of work a thread takes. `true` marks the
 * checks of the figures the page enumeration computes too (the tallies, the organs' 年报, the
 * website report): a render worker does not enumerate those pages, so these run where the pages
 * were enumerated, from what the enumeration already made (src/build/parallel/shared-checks.ts).
 */
const CHECKS: readonly [keyof PortableProblems, (input: CheckInput) => Problem[], figures?: true][] = [
  [
    "mediaFiles",
    ({ options, content }) => mediaFileProblems(options.site, options.contentDir, content.mediaIndex),
  ],
  [
    "records",
    ({ options, all, content }) =>
      recordChecks(options.site, options.types ?? DEFAULT_TYPES, all, content.mediaIndex, options.now),
  ],
  [
    "portal",
    ({ options, content }) =>
      inspectionWarnings(content.portal, options.now, contentFolderName(options.contentDir)),
  ],
  [
    "portal",
    ({ options, content }) =>
      reviewByWarnings(options.site, options.types ?? DEFAULT_TYPES, content.portal.records, options.now),
  ],
  ["portal", ({ content }) => reportProblems(content.portal, content.tallies), true],
  [
    "portal",
    ({ options, content }) =>
      countedTypeProblems(content.portal, configFileName(options.contentDir, options.configPath)),
    true,
  ],
  ["portal", ({ content }) => websiteReportProblems(content.portal), true],
  ["portal", ({ options, content }) => organReportProblems(content.portal, options.now), true],
  ["portal", ({ options, all }) => wordingProblems(options.site, options.types ?? DEFAULT_TYPES, all)],
  [
    "portal",
    ({ options, all }) =>
      signoffProblems(
        options.site,
        options.types ?? DEFAULT_TYPES,
        all,
        configFileName(options.contentDir, options.configPath),
      ),
  ],
  ["portal", ({ options, all }) => backdatingProblems(options.site, all, options.contentDir, options.now)],
];

export const PORTABLE_CHECKS = CHECKS.length;

/** The checks of the figures (marked in CHECKS), by index. */
export const FIGURE_CHECKS: readonly number[] = CHECKS.flatMap(([, , figures], i) => (figures ? [i] : []));

/** The other checks: they read only the records, the portal and the media index. */
export const RECORD_CHECKS: readonly number[] = CHECKS.flatMap(([, , figures], i) => (figures ? [] : [i]));

/** The problems of check `index` (0 ≤ index < PORTABLE_CHECKS). */
export function runPortableCheck(index: number, input: CheckInput): Problem[] {
  return CHECKS[index][1](input);
}

/** Every check's problems (by index, wherever each ran) in their places. */
export function portableProblems(results: readonly (readonly Problem[])[]): PortableProblems {
  const out: PortableProblems = { mediaFiles: [], records: [], portal: [] };
  CHECKS.forEach(([group], i) => out[group].push(...results[i]));
  return out;
}

/** Every check, here. */
export function portableChecks(input: CheckInput): PortableProblems {
  return portableProblems(CHECKS.map((_, i) => runPortableCheck(i, input)));
}
