/** Types of cached-texts.mjs (plain JavaScript: the index step's worker threads run it). */
import type { CachedShard, ShardTexts } from "../build/cache/search-texts.ts";
export declare function cachedTexts(
  cached: CachedShard,
  first: number,
  pages: readonly { url: string; title: string }[],
): ShardTexts;
