/** Types of shard-splice.mjs (plain JavaScript: the index step's worker threads run it). */
import type { CachedShard } from "../build/cache/search-texts.ts";
import type { ShardGrams } from "./gram-types.ts";

export declare const PATCH_PAGES: number;

/** A page of the worker's job (shard-jobs.ts ShardJob), as the splice reads it. */
interface SplicePage {
  cached?: true;
  pieces?: string[];
  title: string;
  /** Without `meta`: the cached shard's record. */
  record: { url: string; meta?: Record<string, string> };
}

export declare function spliceShard<P extends SplicePage>(
  job: { shard: number; first: number; cached: CachedShard; pages: readonly P[] },
  readPieces: (page: P) => string[],
  patch: (
    grams: Uint8Array,
    pages: number,
    changed: number[],
    before: { title: string; pieces: string[] }[],
    after: { title: string; pieces: string[] }[],
  ) => (ShardGrams & { starts: number[][] }) | undefined,
):
  | {
      grams: ShardGrams & { starts: number[][] };
      starts: number[][];
      /** [path in the index, the bytes before gzip when made again, the cached file's SHA-256 when they are as then]. */
      files: [string, Buffer | undefined, string | undefined][];
      read: number;
    }
  | undefined;
