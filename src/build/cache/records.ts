/**
 * The record store: the validated record of every content file, kept in the build cache folder
 * (`records.v8`) so the next build reads and validates only the files that changed. The dev
 * server's RecordCache (src/content/record-cache.ts) decides per file, by path, size, mtime and
 * inode (and the bytes, for a file modified in the last two seconds), whether its record still
 * holds; this module keeps that cache from one process to the next.
 *
 * Nothing in it is trusted beyond that: a store of another format, another generator (code),
 * another site config or type list, or one that does not parse, is ignored and the build reads
 * every file. A record depends only on its file, the site config and the types (reading one
 * opens nothing else), which is what the key names. Checks that span files run on every build.
 *
 * A build that read a few files writes only those: `records.delta.v8` holds the entries added,
 * replaced or removed since `records.v8` was written (named by the base's id, so a delta never
 * applies to another base), and grows from build to build until it holds an eighth of the
 * entries; then the whole store is written again and the delta removed (record-store-save.ts).
 * At 50k items the whole store is ~87 MB, which a one-edit build wrote in ~1.2 s.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../config/schema.ts";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import { RecordCache, type RecordCacheEntry } from "../../content/record-cache.ts";
import { CACHE_FORMAT, searchCodeFingerprint, runtimeFingerprint } from "./fingerprint.ts";
import { described } from "./described.ts";
import { openSvgVerdicts } from "./svg-verdicts.ts";
import { openKeptResults } from "./kept-results.ts";
import { Since } from "./generation.ts";
import { readDelta, type Delta } from "./record-delta.ts";
import { storedRows, type RecordColumns } from "./record-columns.ts";
import { StoredBodies } from "./record-bodies.ts";
import { readStoreFile } from "./record-file.ts";
import { keptValues } from "./record-facts.ts";
import { keepWith, keptWith } from "../../content/kept.ts";

export const STORE_FILE = "records.v8";

/** The whole store: its key, its id (which names it for its delta) and its entries as columns. */
export type Stored = { key: string; id: string } & RecordColumns;

/**
 * Per record cache opened from a base with an id: that id, the store's generation on disk
 * (generation.ts; undefined when unknown) and the files its delta on disk names (record-store-save.ts
 * updates it as it writes).
 */
export const bases = new WeakMap<RecordCache, { id: string; gen: string | undefined; delta: Set<string> }>();

/** The digest the record had when the store kept it (undefined: not from the store, or none kept). */
export const storedDigestOf = (record: object): string | undefined => keptWith(record)?.digest ?? undefined;

/**
 * What the records were made with: the code, the site config, the content types. Not the site's
 * look (the config's `theme`, the style assets under src/assets/): only layouts and the asset
 * copies read them, nothing that loads, validates or tallies a record (search-fingerprint.ts), so a
 * new colour keeps every record.
 */
export function storeKey(site: Site, types: readonly AnyTypeSpec[]): string {
  return createHash("sha256")
    .update(`${CACHE_FORMAT}\0${searchCodeFingerprint()}\0${runtimeFingerprint()}\0`)
    .update(described({ ...site, theme: undefined }))
    .update("\0")
    .update(described(types))
    .digest("base64url");
}

/** Record caches opened for a build that also reads a platform's shared files (`openRecordStore`). */
export const sharedStores = new WeakSet<RecordCache>();

/** The size of the record store in `cacheDir` (a build that opens it reads only the changed files), if there is one. */
export const recordStoreBytes = (cacheDir: string): number | undefined =>
  statSync(path.join(cacheDir, STORE_FILE), { throwIfNoEntry: false })?.size;

/**
 * A RecordCache holding what the last build kept in `cacheDir` for this site and types (empty
 * when there is nothing usable). Only for a folder that is a Gongkai cache (CACHEDIR.TAG).
 * `shared`: the build also reads a platform's shared files, which are read again every build
 * outside the store, so the store's generation cannot say what changed (nothing is taken by it).
 */
export function openRecordStore(
  cacheDir: string,
  site: Site,
  types: readonly AnyTypeSpec[],
  shared = false,
): RecordCache {
  openSvgVerdicts(cacheDir);
  const key = storeKey(site, types);
  const cache = openRows(cacheDir, site, key);
  // The results kept beside the store, and what they may take by its generation.
  if (shared) sharedStores.add(cache);
  const gen = shared ? undefined : bases.get(cache)?.gen;
  openKeptResults(cacheDir, site, key, storedDigestOf, new Since(gen, cache));
  return cache;
}

function openRows(cacheDir: string, site: Site, key: string): RecordCache {
  const file = path.join(cacheDir, STORE_FILE);
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG")) || !existsSync(file)) return new RecordCache(site);
  let read: ReturnType<typeof readStoreFile>;
  let bodies: StoredBodies | undefined;
  try {
    read = readStoreFile(file);
    if (!read) return new RecordCache(site);
    const { value, fd, start, size } = read;
    const stored = value as Stored;
    const rows =
      stored?.key === key && typeof stored.id === "string"
        ? storedRows(stored, (ends, wide) => (bodies = new StoredBodies(fd, start, ends, wide)), size)
        : undefined;
    if (rows) {
      const delta = readDelta(cacheDir, key, stored.id);
      keepAll(rows.entries, rows);
      // The rows become the cache's own (it adds slots to them), looked up by their place in the
      // listing: no Map of 50k paths.
      const cache = new RecordCache(site, rows);
      if (delta) cache.applyStored(delta.entries, delta.removed);
      if (delta)
        keepAll(
          delta.entries.map(([, entry]) => entry),
          delta,
        );
      bases.set(cache, {
        id: stored.id,
        // Without a delta the store is its base; a delta of older code names no generation.
        gen: delta ? delta.gen : stored.id,
        delta: new Set(delta ? delta.entries.map(([abs]) => abs).concat(delta.removed) : []),
      });
      return cache;
    }
  } catch {
    // Unreadable: read every file.
  }
  // Not used: the file is let go of (by its reader, which no record holds, once made).
  if (bodies) bodies.close();
  else if (read) closeSync(read.fd);
  return new RecordCache(site);
}

/** Each record's digest, clean mark and facts, with the record (src/content/kept.ts), in one pass. */
function keepAll(
  entries: readonly RecordCacheEntry[],
  { digests, clean, facts }: Pick<Delta, "digests" | "clean" | "facts">,
): void {
  // Marks and facts that are not one per entry are not used (the checks find them again).
  const marks = Array.isArray(clean) && clean.length === entries.length ? clean : undefined;
  const found = Array.isArray(facts) && facts.length === entries.length ? facts : undefined;
  for (let i = 0; i < entries.length; i++) {
    const record = entries[i]?.result?.record;
    if (record) keepWith(record, keptValues(digests[i], marks?.[i], found?.[i]));
  }
}
