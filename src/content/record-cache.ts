/**
 * Per-file results kept between dev-server rebuilds: a file whose modification time and size are
 * unchanged is not read or validated again, and keeps the very same record object (so the dev
 * server can tell changed records by identity). One cache belongs to one validated site config.
 */
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import type { Site } from "../config/schema.ts";
import type { FileResult } from "./read-file.ts";
import type { ContentRecord } from "./types.ts";
import { RecordSlots } from "./record-slots.ts";

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

/** What the cache compares of a file's stat (`mtimeMs`: the later of mtime and ctime, `stampFrom`). */
export interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

/**
 * A stat as the caches compare it. The time is the later of mtime and ctime: every write, rename
 * or `utimes` sets ctime to now and nothing sets it back, so new bytes of the same size whose
 * mtime was put back (`touch -r`, `cp -p` over the file, an editor that keeps times) are still
 * seen, as git sees them by its ctime. Nothing in the build links or chmods content files, so
 * ctime moves only when the file does.
 */
export const stampFrom = (stat: FileStamp & { ctimeMs: number }): FileStamp => ({
  mtimeMs: Math.max(stat.mtimeMs, stat.ctimeMs),
  size: stat.size,
  ino: stat.ino,
});

/** A file's identity as the cache compares it (the build's worker threads stamp what they read with it). */
export const stampOf = ({ mtimeMs, size, ino }: FileStamp): string => `${mtimeMs}:${size}:${ino}`;

const digestOf = (abs: string) => createHash("sha1").update(readFileSync(abs)).digest("hex");

export class RecordCache {
  /** The entries, one slot per path (src/content/record-slots.ts: the store's rows looked up by place). */
  private readonly slots: RecordSlots<RecordCacheEntry>;
  /** Has an entry been added, replaced or forgotten since the cache was made? */
  changed = false;
  /** The files whose entry was added, replaced or forgotten since the cache was made (or `touched.clear()`). */
  readonly touched = new Set<string>();
  /**
   * What changed since the cache was made, for the record store's generation
   * (src/build/cache/generation.ts): each entry replaced, as its record before and after (either
   * undefined for a file with errors), and whether a file was added or forgotten.
   */
  readonly edits: { replaced: [ContentRecord | undefined, ContentRecord | undefined][]; reshaped: boolean } = {
    replaced: [],
    reshaped: false,
  };

  /**
   * `stored`: the record store's entries in its order (src/build/cache/records.ts), given up by
   * the caller; without it the cache starts empty (the dev server without a build cache).
   */
  constructor(
    readonly site: Site,
    stored?: { paths: string[]; entries: RecordCacheEntry[] },
  ) {
    this.slots = new RecordSlots(stored);
  }

  /**
   * Sets `entries` and forgets `removed` as the record store's delta says, not as changes of this
   * process (the delta is in the store already).
   */
  applyStored(entries: readonly [string, RecordCacheEntry][], removed: readonly string[]): void {
    this.slots.applyDelta(entries, removed);
  }

  /**
   * The cached result for `abs` while the file is unchanged, otherwise `read()`'s, remembered.
   * `read` is given the file's stamp as taken now (a result read earlier is good only for it).
   * `stat`: the file's stat, when the caller took it a moment ago (src/build/cache/content-scan.ts).
   */
  get(abs: string, read: (stamp: string) => FileResult, stat: FileStamp = stampFrom(statSync(abs))): FileResult {
    const { mtimeMs, size, ino } = stat;
    const recent = Date.now() - mtimeMs < RECENT_MS;
    const slot = this.slots.slotOf(abs);
    const entry = this.slots.entryAt(slot);
    const same = entry && entry.mtimeMs === mtimeMs && entry.size === size && entry.ino === ino;
    // An entry read while its file was recent may predate a save in the same clock tick (the
    // racy-git case): its bytes are compared until the file is read after it settled.
    const digest = recent || (same && entry.digest !== undefined) ? digestOf(abs) : undefined;
    if (same && (entry.digest === undefined ? !recent : entry.digest === digest)) {
      if (entry.digest !== undefined && !recent) {
        // Settled with the bytes recorded: the stat vouches for them from now on.
        this.slots.setAt(slot, { ...entry, digest: undefined });
        this.touch(abs);
      }
      return entry.result;
    }
    const result = read(stampOf(stat));
    if (entry) this.edits.replaced.push([entry.result.record, result.record]);
    else this.edits.reshaped = true;
    this.slots.setAt(slot, { mtimeMs, size, ino, digest: recent ? digest : undefined, result });
    this.touch(abs);
    return result;
  }

  /** Call after a whole pass over content/: forgets files that were not asked for (deleted). */
  prune(): void {
    for (const abs of this.slots.endPass()) {
      this.edits.reshaped = true;
      this.touch(abs);
    }
  }

  private touch(abs: string): void {
    this.changed = true;
    this.touched.add(abs);
  }

  /** The entry for `abs`, whatever the file's state now (the record store saves what changed). */
  entry(abs: string): RecordCacheEntry | undefined {
    return this.slots.entry(abs);
  }

  /** Calls `f` with every file's entry, in the order of the last listing (an added file at its place). */
  each(f: (abs: string, entry: RecordCacheEntry) => void): void {
    this.slots.each(f);
  }

  /** Every file's entry, for keeping them past this process (in the order of the last listing). */
  snapshot(): [string, RecordCacheEntry][] {
    const all: [string, RecordCacheEntry][] = [];
    this.each((abs, entry) => void all.push([abs, entry]));
    return all;
  }

  /** Was a Map of the stored paths made (a path not found at its place)? For tests. */
  get madeIndex(): boolean {
    return this.slots.madeIndex;
  }

  get size(): number {
    return this.slots.live;
  }
}
