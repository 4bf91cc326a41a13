/**
 * The after-render step that writes the search index (docs/search.md, "Layout") into the
 * staging folder, which replaces the published one as a whole, so no index file from an earlier
 * build survives. The indexing itself: index-pages.ts.
 */
import type { BuildState } from "../eleventy/state.ts";
import type { BuildStep } from "../build/steps.ts";
import { searchPagesOf } from "./search-pages.ts";
import { sessionOf } from "../build/cache/session.ts";
import { IndexSpans } from "./index-spans.ts";
import { indexPages } from "./index-pages.ts";
import { writtenFilesOf } from "../build/written-pages.ts";
import type { IndexManifest } from "./index-manifest.ts";
import { SEARCH_BUNDLE_DIR, type SearchIndexSettings } from "./index-settings.ts";

export { SEARCH_SCRIPTS, writeSearchScripts } from "./search-scripts.ts";
export type { IndexManifest } from "./index-manifest.ts";
export * from "./index-settings.ts";

/**
 * Writes the index into `outDir/pagefind/`. The pages' text is read from the pages in `pagesDir`
 * (the build's output; the dev server writes its index elsewhere), rendered anew when missing.
 * `hashes` is given each gzipped file's SHA-256 by its path in `outDir` (the manifest's).
 */
export async function writeSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
  pagesDir = outDir,
  hashes?: Map<string, string>,
): Promise<IndexManifest> {
  return prepareSearchIndex(state, outDir, settings, pagesDir, hashes).run();
}

/** The index step read what it needs of the state and may run without it (`ahead`, steps.ts). */
export interface PreparedIndex {
  /** The URLs of the pages the index reads (from `pagesDir`). */
  urls: () => ReadonlySet<string>;
  /** Writes the index; reads nothing of the state (the render may have swapped traced proxies into it). */
  run: () => Promise<IndexManifest>;
}

/**
 * `writeSearchIndex` in two parts: this one reads the state (the pages, their records, the
 * types, the build cache session) and `run` the pages' HTML and the cache. In a build with the
 * cache, the build runs this part before the streamed pages and `run` as soon as the render has
 * settled the indexed pages (build-site.ts), while the render goes on with the other pages.
 */
export function prepareSearchIndex(
  state: BuildState,
  outDir: string,
  settings: Partial<SearchIndexSettings> = {},
  pagesDir = outDir,
  hashes?: Map<string, string>,
): PreparedIndex {
  const spans = new IndexSpans();
  const session = sessionOf(state);
  const pages = searchPagesOf(state);
  const types = state.portal.types;
  spans.lap("pages");
  return {
    urls: () => new Set(pages.map((page) => page.url)),
    run: () => indexPages(pages, types, session, outDir, settings, pagesDir, hashes, spans),
  };
}

/** The search index step's name (the dev server leaves it to its background refresh). */
export const SEARCH_STEP = "search index";

/** The step; tests pass smaller shards. */
export function searchIndexStep(settings: Partial<SearchIndexSettings> = {}): BuildStep {
  return {
    name: SEARCH_STEP,
    // Its shards are indexed on its own workers: media, sitemap.xml … run on this thread meanwhile.
    beside: true,
    outputs: () => [`/${SEARCH_BUNDLE_DIR}/`],
    // The manifest takes the files' SHA-256 from here rather than reading them again.
    run: (state, outDir) =>
      writeSearchIndex(state, outDir, settings, outDir, writtenFilesOf(state)).then(() => undefined),
    // With the cache, the shards are keyed and the changed ones indexed once the render has settled the
    // indexed pages (details and topic pages), while it goes on with the other ~30k (lists, feeds …).
    ahead: (state, outDir) => {
      const prepared = prepareSearchIndex(state, outDir, settings, outDir, writtenFilesOf(state));
      return { reads: prepared.urls(), run: () => prepared.run().then(() => undefined) };
    },
  };
}
