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
}

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
    if (stored?.key === storeKey(site, types) && Array.isArray(stored.entries))
      return new RecordCache(site, stored.entries);
  } catch {
    // Unreadable: read every file.
  }
  return new RecordCache(site);
}

/** Keeps the records for the next build (atomically); a record that cannot be serialized keeps none. */
export function saveRecordStore(cacheDir: string, cache: RecordCache, types: readonly AnyTypeSpec[]): void {
  if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG"))) return;
  const file = path.join(cacheDir, FILE);
  let bytes: Buffer;
  try {
    bytes = v8.serialize({ key: storeKey(cache.site, types), entries: cache.snapshot() } satisfies Stored);
  } catch {
    return;
  }
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}
