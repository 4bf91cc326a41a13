/** The search index's `index.json` (docs/search.md, "Layout"), as index-step.ts writes it. */
export interface IndexManifest {
  format: number;
  pages: number;
  /** First id of each shard. */
  shards: number[];
  buckets: number;
  chunk: number;
  /** A hash of every other file of the index: the Worker adds `?v=<version>` to their URLs. */
  version: string;
  facets: { key: string; values: string[] }[];
  /** The grams with positions files of their own (gram-files.ts `wideKeys`). */
  wide: string;
  /** 1 when a shard keeps long grams (gram-long.mjs); absent else. */
  long?: 1;
}
