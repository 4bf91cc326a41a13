/** What `buildSite` (build-site.ts) is given and gives back. */
import type { Site } from "../config/schema.ts";
import type { BuildOptions, BuildState } from "../eleventy/state.ts";
import type { SiteParts } from "./outputs.ts";
import type { RecordCache } from "../content/record-cache.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import type { CacheReport } from "./cache/cache-report.ts";
import type { ParallelSettings } from "./parallel/settings.ts";

export interface BuildSiteOptions {
  site: Site;
  /** Absolute path of content/. */
  contentDir: string;
  /** The folder to publish into (_site). */
  outDir: string;
  /** site.config.ts, so the output folder can never be one that holds it (src/build/output-guard.ts). */
  configPath?: string;
  /** The build's clock, epoch ms (default: now). */
  now?: number;
  /** Preview: publish drafts and scheduled items, marked as such. */
  includeDrafts?: boolean;
  /** Dev server: reuse what unchanged files gave last time. */
  cache?: RecordCache;
  /** The content types (default: src/content-types/index.ts); tests add their own. */
  types?: readonly AnyTypeSpec[];
  /** Page sources and after-render steps (default: the portal's, src/build/defaults.ts). */
  parts?: SiteParts;
  /** Items other sites of a platform share into this one (src/platform/shares.ts). */
  extraFiles?: BuildOptions["extraFiles"];
  /**
   * The build cache folder (src/build/cache/): unchanged pages and search shards are taken from
   * it. Unset: no cache (every page rendered). Preview builds never use it.
   */
  cacheDir?: string;
  /** Threads for reading files and rendering pages (default: every core; src/build/parallel/). */
  parallel?: Partial<ParallelSettings>;
  /**
   * Called once the records are loaded and validated, before anything is rendered: `npm start`
   * renders the pages people ask for from this state while the build goes on (src/dev/).
   */
  onState?: (state: BuildState) => void;
}

export interface BuildResult {
  state: BuildState;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  /** CPU milliseconds per phase, of the whole process (every thread: workers, GC, the index's threads). */
  cpuTimings: Record<string, number>;
  /** What the build cache gave, when one was used. */
  cache?: CacheReport;
}
