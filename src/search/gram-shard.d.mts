/** Types of gram-shard.mjs (plain JavaScript: it runs in a worker thread). */
import type { ShardGrams } from "./gram-files.ts";
export declare function indexShard(
  pages: readonly { title: string; pieces: readonly string[] }[],
  options?: { long?: boolean },
): ShardGrams & {
  starts: number[][];
};
