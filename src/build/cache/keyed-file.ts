/**
 * A file of the build cache kept under a key (the record store's: code, site config, types):
 * read back only while the key is the same, written whole and atomically (a temporary file
 * renamed over it), so a killed build leaves the previous file or none. Used by the results the
 * load keeps beside the record store (organ-counts.ts, organ-categories.ts, site-tallies.ts).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

/** What `name` in `cacheDir` holds under `key`, or undefined (none, another key's, unreadable). */
export function readKeyedFile(
  cacheDir: string,
  name: string,
  key: string,
): Record<string, unknown> | undefined {
  try {
    const file = path.join(cacheDir, name);
    if (!existsSync(file)) return undefined;
    const stored = v8.deserialize(readFileSync(file)) as Record<string, unknown> | null;
    return stored?.key === key ? stored : undefined;
  } catch {
    return undefined;
  }
}

export function writeKeyedFile<T extends { key: string }>(cacheDir: string, name: string, stored: T): void {
  const file = path.join(cacheDir, name);
  writeFileSync(`${file}.tmp`, v8.serialize(stored));
  renameSync(`${file}.tmp`, file);
}
