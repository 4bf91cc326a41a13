/**
 * What a Gongkai build is made of, as values: the page sources (src/build/default-pages.ts) and
 * the after-render steps. `buildSite`, `npm run check` and the dev server take these unless told
 * otherwise; a test or another site passes its own list.
 */
import type { BuildStep } from "./steps.ts";
import type { SiteParts } from "./outputs.ts";
import { headersStep } from "./headers-file.ts";
import { versionedAssetsStep } from "./versioned-assets-step.ts";
import { mediaStep } from "../media/copy-step.ts";
import { sitemapStep } from "./sitemap-xml.ts";
import { manifestStep } from "./manifest.ts";
import { openDataStep } from "../tallies/open-data-step.ts";
import { searchIndexStep } from "../search/index-step.ts";
import { lettersOpenDataStep } from "../tallies/letters-open-data-step.ts";
import { websiteReportStep } from "../pages/website-report-pages.ts";
import { defaultPageSources } from "./default-pages.ts";
import { adminStep } from "../cms/admin-step.ts";

/** In list order unless a step names what it comes after (the manifest: after all others). */
export const defaultSteps: readonly BuildStep[] = [
  // First, beside the others: its workers index the pages while this thread runs the steps below.
  searchIndexStep(),
  // Before the steps that describe the output (the manifest) find the media there.
  mediaStep,
  headersStep,
  versionedAssetsStep,
  openDataStep,
  lettersOpenDataStep,
  websiteReportStep,
  sitemapStep(),
  adminStep,
  manifestStep,
];

export { defaultPageSources };

export const defaultParts: SiteParts = { pages: defaultPageSources, steps: defaultSteps };
