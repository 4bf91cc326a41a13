/** Types of gram-patch.mjs (plain JavaScript: it runs in a worker thread). */
import type { ShardGrams } from "./gram-files.ts";
type Page = { title: string; pieces: readonly string[] };
export declare function patchShard(
  grams: ShardGrams,
  pages: number,
  changed: readonly number[],
  before: readonly Page[],
  after: readonly Page[],
): (ShardGrams & { starts: number[][] }) | undefined;
