/**
 * What one build works from: the validated records, the portal built from them, and every page
 * and file the build will write. Made before Eleventy starts (src/build/load-state.ts), so bad
 * content stops the build early.
 */
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import type { Problem } from "../problems/problems.ts";
import type { RecordCache } from "../content/record-cache.ts";
import type { Portal } from "../portal/portal.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import type { LayoutContext } from "../view/context.ts";
import type { ListPageData } from "../view/list-data.ts";
import type { Tallies } from "../tallies/compute.ts";
import type { SiteOutputs } from "./site-outputs.ts";
import type { ExtraFile, LoadOptions, PreparedFiles } from "../content/loader.ts";

export interface BuildOptions {
  site: Site;
  contentDir: string;
  /** The build's clock, epoch ms. */
  now: number;
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
  /** The content types (default: src/content-types/index.ts). */
  types?: readonly AnyTypeSpec[];
  /** Items other sites of a platform share into this one (src/platform/shares.ts). */
  extraFiles?: readonly ExtraFile[];
  /** content/ already listed and read (src/build/parallel/); the build drops it once loaded. */
  prepared?: PreparedFiles;
  /** Called once every file is read, before the checks (src/build/parallel/); dropped with `prepared`. */
  onLoaded?: LoadOptions["onLoaded"];
  /** The site config file (absolute), for problems about its settings. */
  configPath?: string;
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
  /** /media/ paths this build publishes (src/media/embargo.ts). */
  media: string[];
  /** Every page and file this build writes, and who writes it. */
  outputs: SiteOutputs;
  /** Warnings (errors stop the build before a state exists). */
  warnings: Problem[];
}

/** Holder the templates read from, so a rebuild can swap in a new state. */
export interface StateRef {
  current: BuildState;
}
