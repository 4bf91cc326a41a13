/**
 * Per-file results kept between dev-server rebuilds: a file whose modification time and size are
 * unchanged is not read or validated again, and keeps the very same record object (so the dev
 * server can tell changed records by identity). One cache belongs to one validated site config.
 */
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import type { Site } from "../config/schema.ts";
import type { FileResult } from "./read-file.ts";

export interface RecordCacheEntry {
  mtimeMs: number;
  size: number;
  ino: number;
  /** Digest of the bytes, kept for recently modified files only (see `get`). */
  digest?: string;
  result: FileResult;
}

/**
 * File times come from the kernel's coarse clock (a few ms; FAT's are 2 s): two saves of the same
 * length inside one tick, or an unlink-and-create that reuses the inode, leave the stat unchanged.
 * A file modified this recently is compared by its bytes as well; the build cache's media blobs,
 * SVG verdicts and folder listings use the same window.
 */
export const RECENT_MS = 2000;

/** What the cache compares of a file's stat. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

/** A file's identity as the cache compares it (the build's worker threads stamp what they read with it). */
export const stampOf = ({ mtimeMs, size, ino }: FileStamp): string => `${mtimeMs}:${size}:${ino}`;

const digestOf = (abs: string) => createHash("sha1").update(readFileSync(abs)).digest("hex");

export class RecordCache {
  private readonly entries: Map<string, RecordCacheEntry> = new Map();
  private seen = new Set<string>();
  /** Has an entry been added, replaced or forgotten since the cache was made? */
  changed = false;
  /** The files whose entry was added, replaced or forgotten since the cache was made (or `touched.clear()`). */
  readonly touched = new Set<string>();

  /**
   * `entries`: what an earlier build kept (the build cache's record store, src/build/cache/records.ts).
   * A Map is taken as it is, not copied: the caller gives it up (at 50k items a copy is ~50k inserts).
   */
  constructor(
    readonly site: Site,
    entries?: Iterable<[string, RecordCacheEntry]>,
  ) {
    if (entries) this.entries = entries instanceof Map ? (entries as Map<string, RecordCacheEntry>) : new Map(entries);
  }

  /** Every file's entry, for keeping them past this process. */
  snapshot(): [string, RecordCacheEntry][] {
    return [...this.entries];
  }

  /**
   * The cached result for `abs` while the file is unchanged, otherwise `read()`'s, remembered.
   * `read` is given the file's stamp as taken now (a result read earlier is good only for it).
   * `stat`: the file's stat, when the caller took it a moment ago (src/build/cache/content-scan.ts).
   */
  get(abs: string, read: (stamp: string) => FileResult, stat: FileStamp = statSync(abs)): FileResult {
    this.seen.add(abs);
    const { mtimeMs, size, ino } = stat;
    const recent = Date.now() - mtimeMs < RECENT_MS;
    const digest = recent ? digestOf(abs) : undefined;
    const entry = this.entries.get(abs);
    if (
      entry &&
      entry.mtimeMs === mtimeMs &&
      entry.size === size &&
      entry.ino === ino &&
      (!recent || entry.digest === digest)
    )
      return entry.result;
    const result = read(stampOf(stat));
    this.entries.set(abs, { mtimeMs, size, ino, digest, result });
    this.changed = true;
    this.touched.add(abs);
    return result;
  }

  /** Call after a whole pass over content/: forgets files that were not asked for (deleted). */
  prune(): void {
    // Every path asked for has an entry (get keeps one), so as many seen as kept means all were:
    // no file was deleted, and no pass over every entry (~50k lookups at 50k items).
    const deleted = this.seen.size !== this.entries.size;
    for (const abs of deleted ? this.entries.keys() : [])
      if (!this.seen.has(abs)) {
        this.entries.delete(abs);
        this.changed = true;
        this.touched.add(abs);
      }
    this.seen = new Set();
  }

  /** The entry for `abs`, whatever the file's state now (the record store saves what changed). */
  entry(abs: string): RecordCacheEntry | undefined {
    return this.entries.get(abs);
  }

  get size(): number {
    return this.entries.size;
  }
}
