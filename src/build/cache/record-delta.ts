/**
 * The record store's delta (records.ts): `records.delta.v8` holds the entries set or removed since
 * the whole store `records.v8` was written, named by that base's id so it never applies to another.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import type { RecordCacheEntry } from "../../content/record-cache.ts";
import type { RecordFacts } from "./record-facts.ts";

export const DELTA = "records.delta.v8";

/** The changes since the base `base` (records.v8 of that id): entries to set, then paths to forget. */
export interface Delta {
  key: string;
  base: string;
  entries: [string, RecordCacheEntry][];
  digests: (string | null)[];
  clean: (string | null)[];
  facts?: (RecordFacts | null)[];
  removed: string[];
  /** The store's generation once this delta is applied (generation.ts); none in a delta of older code. */
  gen?: string;
}

/** The delta for the base `id`, or undefined when there is none, or it is another base's or unreadable. */
export function readDelta(cacheDir: string, key: string, id: string): Delta | undefined {
  const file = path.join(cacheDir, DELTA);
  if (!existsSync(file)) return undefined;
  const delta = v8.deserialize(readFileSync(file)) as Delta;
  if (delta?.key !== key || delta.base !== id) return undefined;
  if (!Array.isArray(delta.entries) || !Array.isArray(delta.removed) || !Array.isArray(delta.digests))
    throw new Error("malformed delta");
  if (delta.digests.length !== delta.entries.length || !Array.isArray(delta.clean))
    throw new Error("malformed delta");
  if (delta.gen !== undefined && typeof delta.gen !== "string") throw new Error("malformed delta");
  return delta;
}

/** The delta's bytes, or undefined when a record in it cannot be serialized. */
export function serializedDelta(delta: Delta): Buffer | undefined {
  try {
    return v8.serialize(delta);
  } catch {
    return undefined;
  }
}

/** Replaces the delta on disk at once: a build stopped while writing leaves the previous one. */
export function writeDelta(cacheDir: string, bytes: Buffer): void {
  const file = path.join(cacheDir, DELTA);
  writeFileSync(`${file}.tmp`, bytes);
  renameSync(`${file}.tmp`, file);
}
