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
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { Site } from "../../config/schema.ts";
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import { RecordCache, type RecordCacheEntry } from "../../content/record-cache.ts";
import { CACHE_FORMAT, codeFingerprint } from "./fingerprint.ts";

const FILE = "records.v8";

interface Stored {
  key: string;
  entries: [string, RecordCacheEntry][];
  /**
   * Per entry (same order), the digest the build cache gave its record (digest.ts), or null.
   * A record depends only on its file, and an unchanged file keeps the very record object
   * (record-cache.ts), so the next build takes the digest instead of serializing ~50k records
   * again to find that they did not change.
   */
  digests?: (string | null)[];
}

/** Records as read back from the store → their digest in the build that stored them. */
const storedDigests = new WeakMap<object, string>();
/** Record caches opened without digests: saved once so the next build has them. */
const withoutDigests = new WeakSet<RecordCache>();

/** The digest the record had when the store kept it (undefined: not from the store, or none kept). */
export const storedDigestOf = (record: object): string | undefined => storedDigests.get(record);

/** What the records were made with: the code, the site config, the content types. */
function storeKey(site: Site, types: readonly AnyTypeSpec[]): string {
  const described = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "function" ? `ƒ ${String(v)}` : v instanceof Map ? [...v.entries()] : v,
    );
  return createHash("sha256")
    .update(`${CACHE_FORMAT}\0${codeFingerprint()}\0${process.version}\0`)
    .update(described(site))
    .update("\0")
    .update(described(types))
    .digest("base64url");
}

/**
 * A RecordCache holding what the last build kept in `cacheDir` for this site and types (empty
 * when there is nothing usable). Only for a folder that is a Gongkai cache (CACHEDIR.TAG).
 */
export function openRecordStore(cacheDir: string, site: Site, types: readonly AnyTypeSpec[]): RecordCache {
  const file = path.join(cacheDir, FILE);
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG")) || !existsSync(file)) return new RecordCache(site);
  try {
    const stored = v8.deserialize(readFileSync(file)) as Stored;
    if (stored?.key === storeKey(site, types) && Array.isArray(stored.entries)) {
      const cache = new RecordCache(site, stored.entries);
      const { digests } = stored;
      if (Array.isArray(digests) && digests.length === stored.entries.length)
        stored.entries.forEach(([, entry], i) => {
          const digest = digests[i];
          if (entry?.result?.record && typeof digest === "string")
            storedDigests.set(entry.result.record, digest);
        });
      else withoutDigests.add(cache);
      return cache;
    }
  } catch {
    // Unreadable: read every file.
  }
  return new RecordCache(site);
}

/** Is there anything to save: a file read or forgotten, or digests the store does not hold yet? */
export const recordStoreStale = (cache: RecordCache): boolean => cache.changed || withoutDigests.has(cache);

/**
 * Keeps the records for the next build (atomically), with the digests `digestOf` knows for them
 * (the build cache's, computed this build or taken from the store); a record that cannot be
 * serialized keeps none.
 */
export function saveRecordStore(
  cacheDir: string,
  cache: RecordCache,
  types: readonly AnyTypeSpec[],
  digestOf: (record: object) => string | undefined = storedDigestOf,
): void {
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG"))) return;
  const file = path.join(cacheDir, FILE);
  let bytes: Buffer;
  try {
    const entries = cache.snapshot();
    const digests = entries.map(
      ([, entry]) => (entry.result.record && digestOf(entry.result.record)) ?? null,
    );
    bytes = v8.serialize({ key: storeKey(cache.site, types), entries, digests } satisfies Stored);
  } catch {
    return;
  }
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}
