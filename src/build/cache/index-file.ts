/**
 * The cache's index (`index.json`): its shape and a check of it. At 50k items the index holds
 * ~80k pages and ~100k blobs (~35 MB of JSON); a zod schema over it took longer than JSON.parse
 * itself (0.6 s of a one-edit build's 0.75 s "cache open" at 10k items), so the check is
 * written out: one pass, typeof and length tests, no objects made. Anything else than exactly
 * this shape makes the whole index unusable (the build starts afresh), as before.
 */
import type { Dependency } from "./trace.ts";

export interface Index {
  format: string;
  fingerprint: string;
  /** Output file → [key, sha256, its reads: an index into `reads`]. */
  pages: Record<string, [string, string, number]>;
  /**
   * The distinct lists of reads, each written once: at 50k items ~80k pages share a few thousand
   * lists (most detail pages read only `portal.byType.page`), so the index is a third smaller
   * and a build checks each list once (trace.ts `unchanged`).
   */
  reads: Dependency[][];
  /** Shard key → its files [relative path, sha256]. */
  shards: Record<string, [string, string][]>;
  /** The search index's joined files: path in the index → [SHA-256 before gzip, SHA-256 of the file]. */
  joined: Record<string, [string, string]>;
  /** What a step noted about this build's output (sitemap.xml: its pages marked noindex), by step. */
  notes: Record<string, string[]>;
  /** sha256 → [size, mtimeMs, ino] of the blob when it was stored or last verified. */
  blobs: Record<string, [number, number, number]>;
}

const KEYS = ["format", "fingerprint", "pages", "reads", "shards", "joined", "notes", "blobs"];

const HEX = /^[0-9a-f]{64}$/;
/** A SHA-256 in hex: checked by its length and characters (blob paths are made from it). */
export const isSha256 = (value: unknown): value is string =>
  typeof value === "string" && value.length === 64 && HEX.test(value);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isPair = (value: unknown, second: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && second(value[1]);

const isString = (value: unknown) => typeof value === "string";

function every(record: unknown, test: (value: unknown, key: string) => boolean): boolean {
  if (!isRecord(record)) return false;
  for (const key in record) if (!test(record[key], key)) return false;
  return true;
}

const isPageOf =
  (reads: number) =>
  (value: unknown): boolean =>
    Array.isArray(value) &&
    value.length === 3 &&
    typeof value[0] === "string" &&
    isSha256(value[1]) &&
    Number.isInteger(value[2]) &&
    (value[2] as number) >= 0 &&
    (value[2] as number) < reads;

const isReads = (value: unknown): boolean =>
  Array.isArray(value) && value.every((dep) => isPair(dep, isString));

const isBlob = (value: unknown, key: string): boolean =>
  isSha256(key) &&
  Array.isArray(value) &&
  value.length === 3 &&
  value.every((n) => typeof n === "number" && Number.isFinite(n));

/** The index in `value` (parsed JSON) when it has exactly the shape of `Index` and this format. */
export function asIndex(value: unknown, format: string): Index | undefined {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== KEYS.length || !KEYS.every((key) => key in value)) return undefined;
  const ok =
    value.format === format &&
    typeof value.fingerprint === "string" &&
    Array.isArray(value.reads) &&
    value.reads.every(isReads) &&
    every(value.pages, isPageOf(value.reads.length)) &&
    every(value.shards, (files) => Array.isArray(files) && files.every((file) => isPair(file, isSha256))) &&
    every(value.joined, (entry) => Array.isArray(entry) && entry.length === 2 && entry.every(isSha256)) &&
    every(value.notes, (note) => Array.isArray(note) && note.every(isString)) &&
    every(value.blobs, isBlob);
  return ok ? (value as unknown as Index) : undefined;
}
