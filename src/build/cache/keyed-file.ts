/**
 * A file of the build cache kept under a key (the record store's: code, site config, types):
 * read back only while the key is the same, written whole and atomically (a temporary file
 * renamed over it), so a killed build leaves the previous file or none. Used by the results the
 * load keeps beside the record store (organ-counts.ts, organ-categories.ts, site-tallies.ts,
 * kept-by-generation.ts) and the platform's share plan (src/platform/share-decls.ts).
 *
 * The serialized payload is preceded by its SHA-256 and read only when it still hashes to it: a
 * byte changed in place (a disk fault, a tool, a hand) mostly still deserializes, and a number
 * that is wrong but in range passes every shape check (a flipped bit made the layout's 2026 into
 * 2042, and the home page counted that year's items: the randomized harness, seed 128).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

const DIGEST_BYTES = 32;

/** The file's bytes for `stored`: its serialization's SHA-256, then the serialization. */
export function keyedBytes(stored: object): Buffer {
  const body = v8.serialize(stored);
  return Buffer.concat([createHash("sha256").update(body).digest(), body]);
}

/** What `bytes` (keyedBytes') hold, or undefined when they are not whole. */
export function fromKeyedBytes(bytes: Buffer): Record<string, unknown> | undefined {
  if (bytes.length <= DIGEST_BYTES) return undefined;
  const body = bytes.subarray(DIGEST_BYTES);
  if (!createHash("sha256").update(body).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  return (v8.deserialize(body) as Record<string, unknown> | null) ?? undefined;
}

/** What `name` in `cacheDir` holds under `key`, or undefined (none, another key's, damaged). */
export function readKeyedFile(
  cacheDir: string,
  name: string,
  key: string,
): Record<string, unknown> | undefined {
  try {
    const file = path.join(cacheDir, name);
    if (!existsSync(file)) return undefined;
    const stored = fromKeyedBytes(readFileSync(file));
    return stored?.key === key ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `stored` as `name` atomically; `temp` names the temporary file (default: `<name>.tmp`). */
export function writeKeyedFile<T extends { key: string }>(
  cacheDir: string,
  name: string,
  stored: T,
  temp = `${name}.tmp`,
): void {
  const file = path.join(cacheDir, name);
  writeFileSync(path.join(cacheDir, temp), keyedBytes(stored));
  renameSync(path.join(cacheDir, temp), file);
}
