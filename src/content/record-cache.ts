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
  /**
   * The entries a record store kept, in its order (the listing's when it was written), looked up by
   * their place: a build lists content/ in the same order, so the file it asks for next is the one
   * after the last one found (or a few further on, past deleted files). `rows[i]` is undefined
   * once `paths[i]` is forgotten.
   */
  private readonly paths: readonly string[];
  private readonly rows: (RecordCacheEntry | undefined)[];
  /** How many of `rows` hold an entry. */
  private live = 0;
  /** Entries of paths not among `paths` (every entry of a cache not opened from a store). */
  private readonly extra: Map<string, RecordCacheEntry>;
  /** Per path in `extra`, the row the listing had reached when it was last asked for (its place in a snapshot). */
  private readonly extraAt = new Map<string, number>();
  /** `paths` by path, made only when a path is not found at its place (a file added since the store was written). */
  private index?: Map<string, number>;
  /** Paths whose row was found other than at its place by `get` (read anew, forgotten, from the delta); −1: none. */
  private readonly placed = new Map<string, number>();
  /** The row where the next path asked for is looked for first. */
  private next = 0;
  /** The rows and extra paths asked for since the last `prune`. */
  private seenRows: Uint8Array;
  private seenCount = 0;
  private seenExtra = new Set<string>();
  /** Has an entry been added, replaced or forgotten since the cache was made? */
  changed = false;
  /** The files whose entry was added, replaced or forgotten since the cache was made (or `touched.clear()`). */
  readonly touched = new Set<string>();

  /**
   * `entries`: what an earlier build kept, as pairs (a Map is taken as it is, not copied: the
   * caller gives it up). `stored`: the record store's entries in its order
   * (src/build/cache/records.ts), given up too, and looked up by place: no Map of every path.
   */
  constructor(
    readonly site: Site,
    entries?: Iterable<[string, RecordCacheEntry]>,
    stored?: { paths: readonly string[]; entries: RecordCacheEntry[] },
  ) {
    this.extra = entries instanceof Map ? (entries as Map<string, RecordCacheEntry>) : new Map(entries ?? []);
    this.paths = stored?.paths ?? [];
    this.rows = stored?.entries ?? [];
    if (this.rows.length !== this.paths.length) throw new Error("RecordCache: one entry per path");
    this.live = this.rows.length;
    this.seenRows = new Uint8Array(this.rows.length);
  }

  /**
   * Sets `entries` and forgets `removed` as the record store's delta says, not as changes of this
   * process (the delta is in the store already). One pass over the stored paths, no Map of them.
   */
  applyStored(entries: readonly [string, RecordCacheEntry][], removed: readonly string[]): void {
    const over = new Map<string, RecordCacheEntry | null>(entries);
    for (const abs of removed) over.set(abs, null);
    if (over.size === 0) return;
    for (let i = 0; i < this.paths.length && over.size > 0; i++) {
      const entry = over.get(this.paths[i]);
      if (entry === undefined) continue;
      if (entry && !this.rows[i]) this.live++;
      else if (!entry && this.rows[i]) this.live--;
      this.rows[i] = entry ?? undefined;
      this.placed.set(this.paths[i], i);
      over.delete(this.paths[i]);
    }
    for (const [abs, entry] of over)
      if (entry) this.extra.set(abs, entry);
      else this.placed.set(abs, -1);
  }

  /** Every file's entry, for keeping them past this process (in the order of the last listing). */
  snapshot(): [string, RecordCacheEntry][] {
    const all: [string, RecordCacheEntry][] = [];
    this.each((abs, entry) => void all.push([abs, entry]));
    return all;
  }

  /** Calls `f` with every file's entry, in the order of the last listing (an added file at its place). */
  each(f: (abs: string, entry: RecordCacheEntry) => void): void {
    const n = this.rows.length;
    // Not opened from a store: the Map's order is the order the files were first asked for.
    if (n === 0) return this.extra.forEach((entry, abs) => f(abs, entry));
    const at = (abs: string) => Math.min(this.extraAt.get(abs) ?? n, n);
    // Stable: extra paths at the same place keep the order they were added in.
    const extra = this.extra.size ? [...this.extra.keys()].sort((a, b) => at(a) - at(b)) : [];
    let e = 0;
    for (let i = 0; i <= n; i++) {
      for (; e < extra.length && at(extra[e]) <= i; e++) f(extra[e], this.extra.get(extra[e])!);
      const entry = this.rows[i];
      if (entry) f(this.paths[i], entry);
    }
  }

  /**
   * The cached result for `abs` while the file is unchanged, otherwise `read()`'s, remembered.
   * `read` is given the file's stamp as taken now (a result read earlier is good only for it).
   * `stat`: the file's stat, when the caller took it a moment ago (src/build/cache/content-scan.ts).
   */
  get(abs: string, read: (stamp: string) => FileResult, stat: FileStamp = statSync(abs)): FileResult {
    const { mtimeMs, size, ino } = stat;
    const recent = Date.now() - mtimeMs < RECENT_MS;
    const digest = recent ? digestOf(abs) : undefined;
    let entry = this.extra.size ? this.extra.get(abs) : undefined;
    const row = entry ? -1 : this.rowOf(abs);
    if (row >= 0) {
      entry = this.rows[row];
      if (!this.seenRows[row]) this.seenCount++;
      this.seenRows[row] = 1;
    } else {
      this.seenExtra.add(abs);
      // Its place among the stored rows (without any, the Map's order is the listing's).
      if (this.rows.length) this.extraAt.set(abs, this.next);
    }
    if (
      entry &&
      entry.mtimeMs === mtimeMs &&
      entry.size === size &&
      entry.ino === ino &&
      (!recent || entry.digest === digest)
    )
      return entry.result;
    const result = read(stampOf(stat));
    const fresh = { mtimeMs, size, ino, digest, result };
    if (row < 0) this.extra.set(abs, fresh);
    else {
      if (!this.rows[row]) this.live++;
      this.rows[row] = fresh;
      this.placed.set(abs, row);
    }
    this.changed = true;
    this.touched.add(abs);
    return result;
  }

  /** The row of `abs` among the stored paths (−1: none), at its place if it is there. */
  private rowOf(abs: string): number {
    const { paths } = this;
    // A few rows on: files deleted since the store was written.
    for (let k = this.next, end = Math.min(paths.length, this.next + 4); k < end; k++)
      if (paths[k] === abs) {
        this.next = k + 1;
        return k;
      }
    if (paths.length === 0) return -1;
    const k = this.indexed().get(abs);
    if (k === undefined) return -1;
    this.next = k + 1;
    return k;
  }

  /** Call after a whole pass over content/: forgets files that were not asked for (deleted). */
  prune(): void {
    // Every path asked for has an entry (get keeps one), so as many seen as kept means all were:
    // no file was deleted, and no pass over every entry.
    if (this.seenCount + this.seenExtra.size !== this.size) {
      for (let i = 0; i < this.rows.length; i++)
        if (this.rows[i] && !this.seenRows[i]) {
          this.rows[i] = undefined;
          this.live--;
          this.placed.set(this.paths[i], i);
          this.forgot(this.paths[i]);
        }
      for (const abs of this.extra.keys())
        if (!this.seenExtra.has(abs)) {
          this.extra.delete(abs);
          this.extraAt.delete(abs);
          this.placed.set(abs, -1);
          this.forgot(abs);
        }
    }
    this.seenRows.fill(0);
    this.seenCount = 0;
    this.seenExtra = new Set();
    this.next = 0;
  }

  private forgot(abs: string): void {
    this.changed = true;
    this.touched.add(abs);
  }

  /** The entry for `abs`, whatever the file's state now (the record store saves what changed). */
  entry(abs: string): RecordCacheEntry | undefined {
    const entry = this.extra.get(abs);
    if (entry) return entry;
    let row = this.placed.get(abs);
    if (row === undefined && this.paths.length) row = this.indexed().get(abs);
    return row === undefined || row < 0 ? undefined : this.rows[row];
  }

  /** `paths` by path, made on the first path not found at its place. */
  private indexed(): Map<string, number> {
    if (this.index) return this.index;
    this.index = new Map();
    for (let i = 0; i < this.paths.length; i++) this.index.set(this.paths[i], i);
    return this.index;
  }

  /** Was a Map of the stored paths made (a path not found at its place)? For tests. */
  get madeIndex(): boolean {
    return this.index !== undefined;
  }

  get size(): number {
    return this.live + this.extra.size;
  }
}
