/**
 * Where the search index goes and how it is cut: shared by the step (index-step.ts), its indexing
 * (index-pages.ts) and the readers of the bundle.
 */
import { availableParallelism } from "node:os";

export const SEARCH_BUNDLE_DIR = "pagefind";
export const INDEX_MANIFEST = "index.json";
/** Bumped when the files change shape: the Worker refuses an index it cannot read. */
export const INDEX_FORMAT = 1;

export interface SearchIndexSettings {
  /** Most pages a shard (rounded down to a multiple of DOC_CHUNK). Tests lower it. */
  shardPages: number;
  /** Shards indexed at once (worker threads: a core and up to a shard's memory each). */
  workers: number;
}

export const DEFAULT_SEARCH_INDEX: Readonly<SearchIndexSettings> = {
  shardPages: 4096,
  workers: Math.min(2, availableParallelism()),
};
