/**
 * The index step's filter and date columns (`f.gz`, `o.gz`, doc-store.ts) and its filters'
 * values (index.json's `facets`). With the build cache, when every shard's share is the one the
 * cached build's columns were made of (src/build/cache/search-columns.ts `KeptColumns`), the
 * columns are placed as it wrote them and the values read from it: after one edit only the
 * shards indexed again have their share made (the cache keeps it with them), not every page's
 * columns (~50k pages at 50k items) nor the cached shares read back, every build.
 */
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { columnsPartOf, facetKeys, pageColumns, type ColumnsFrom, type ColumnsPart } from "./doc-store.ts";
import type { FileLog, JoinedFiles, Writer } from "./join-writer.ts";
import type { SearchPage } from "./search-pages.ts";
import { sha256 } from "./sha256.mjs";
import { shareDigest, type KeptColumns } from "../build/cache/search-columns.ts";

const FILES = ["f.gz", "o.gz"] as const;

export interface StepColumns {
  keys: string[];
  values: Record<string, string[]>;
  /** The share of each shard indexed again (the cache keeps it with the shard). */
  parts: (ColumnsPart | undefined)[];
  /** Writes `f.gz` and `o.gz` (after the join: `writer` places them when made of the same bytes as then). */
  write(writer: Writer, log: FileLog, joined?: JoinedFiles): Promise<void>;
}

/** Where the shards' shares come from: `from[k]` for a shard from the cache (its key `keys[k]`), else made. */
export interface SharesFrom {
  from: readonly (ColumnsFrom | undefined)[];
  keys: readonly (string | undefined)[];
  kept?: KeptColumns;
}

/** The columns of the shards (their first ids `starts`, their pages `shards`). */
export function stepColumns(
  shards: readonly (readonly SearchPage[])[],
  starts: readonly number[],
  types: readonly AnyTypeSpec[],
  { from, keys: shardKeys, kept }: SharesFrom,
): StepColumns {
  const keys = facetKeys(types);
  const parts = shards.map((pages, k) => (from[k] ? undefined : columnsPartOf(pages, types)));
  // Every shard's share, the cached ones read back (or made again when their blob is gone).
  let every: ColumnsPart[] | undefined;
  const all = () =>
    (every ??= shards.map(
      (pages, k) => parts[k] ?? from[k]!(keys, pages.length, () => columnsPartOf(pages, types)),
    ));
  const shareOf = (k: number) => {
    const part = parts[k];
    const key = shardKeys[k];
    return part ? shareDigest(part) : key === undefined ? undefined : kept?.shareOf(key);
  };
  const shares = kept && shards.map((_, k) => shareOf(k));
  const before =
    kept && shares?.every((s) => s !== undefined) ? kept.previous(starts, keys, shares) : undefined;
  // Made now, while the workers index: after the join this thread's work is the step's last.
  const made = before ? undefined : pageColumns(keys, all());
  const values = before?.values ?? made!.values;
  return {
    keys,
    values,
    parts,
    async write(writer, log, joined) {
      let files: (Uint8Array | undefined)[] = made ? [made.columns, made.dates] : [];
      if (before && joined) {
        // As the cached build wrote them; one gone is made again (with every shard's share).
        const placed = FILES.map((rel, i) => joined.takeHashed(rel, before.raw[i]));
        placed.forEach((sha256, i) => sha256 !== undefined && log.addHash(FILES[i], sha256));
        if (placed.every((sha256) => sha256 !== undefined)) {
          kept!.placed();
          kept!.save({ starts: [...starts], keys, shares: shares as string[], values, raw: before.raw });
          return;
        }
        const again = pageColumns(keys, all());
        files = [placed[0] ? undefined : again.columns, placed[1] ? undefined : again.dates];
      }
      for (const [i, bytes] of files.entries()) if (bytes) await writer.write(FILES[i], bytes);
      if (!kept || !made) return;
      kept.save({
        starts: [...starts],
        keys,
        shares: all().map(shareDigest),
        values,
        raw: [sha256(made.columns, "hex"), sha256(made.dates, "hex")],
      });
    },
  };
}
