/**
 * The shards a build indexed again, kept in the build cache (search-shards.ts `keep`) with their
 * files, grams, shares of the buckets and columns, and the shards' proofs saved. It needs the
 * bucket count but not the joined files, so index-step.ts does it while the join's lanes lay out:
 * after them it was the step's last work on the main thread, with both workers done.
 */
import type { KeyParts, SearchShardCache } from "../build/cache/search-shards.ts";
import type { ColumnsPart } from "./doc-store.ts";
import type { FileLog, IndexedShard } from "./gram-files.ts";

/** The step's facts by shard number (index-step.ts). */
export interface ByShard {
  /** The shard's key, and what it holds of each page (none: not kept). */
  keys: readonly (string | undefined)[];
  parts: readonly (KeyParts | undefined)[];
  /** Its files' paths in the index (their SHA-256 in the step's FileLog), and those written anew. */
  files: readonly (readonly string[])[];
  written: readonly ReadonlySet<string>[];
  shards: readonly IndexedShard[];
  columns: readonly (ColumnsPart | undefined)[] | undefined;
}

/** Keeps the shards `todo` (indexed again) for a join of `buckets` buckets. */
export function keepIndexed(
  cache: SearchShardCache,
  log: FileLog,
  buckets: number,
  todo: readonly { k: number }[],
  by: ByShard,
): void {
  for (const { k } of todo) {
    const [key, parts, shard] = [by.keys[k], by.parts[k], by.shards[k]];
    if (key && parts)
      cache.keep(
        key,
        by.files[k].map((rel) => [rel, log.hashOf(rel)!]),
        shard.grams(),
        // Its shares of the buckets: the next build compares them if the shard changes (changed-buckets.ts).
        { buckets, digests: shard.digests(buckets) },
        parts,
        by.columns![k]!,
        by.written[k],
      );
  }
  cache.proofs.save();
}
