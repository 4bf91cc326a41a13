/**
 * The persistent build cache (`.gongkai-cache/` by default, a folder CI can keep between runs):
 *
 *   CACHEDIR.TAG        marks the folder as a cache (backup tools skip it; we refuse any other folder)
 *   index.txt           the last build's fingerprint, per output file its key, reads and SHA-256,
 *                       per search shard the files it wrote, per joined search file its SHA-256
 *                       before and after gzip (index-file.ts, laid out by index-sections.ts)
 *   blobs/ab/ab…        output files by SHA-256, hard-linked into the build's staging folder (blobs.ts)
 *   lock, unswept       one build at a time (cache-lock.ts)
 *
 * Nothing in it is trusted: an index of another format or fingerprint, or one that does not
 * parse, is ignored; a blob is used only when it is as recorded or its bytes hash to its name.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Dependency } from "./trace.ts";
import { emptyIndex, INDEX_FILE, readIndex, type Index, type NewIndex } from "./index-file.ts";
import { keepUsedBlobs, sweepBlobs, writeIndexFile } from "./index-save.ts";
import { StagingClaims } from "./staging-claims.ts";
import { tableOf } from "./index-blob-table.ts";
import { UsedBlobs } from "./used-blobs.ts";
import { dropLock, takeLock, UNSWEPT } from "./cache-lock.ts";
import { ReadsIds } from "./reads-ids.ts";

export { sha256Of } from "./blobs.ts";
export { dropLock, takeLock } from "./cache-lock.ts";

const TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Gongkai build cache (safe to delete)\n";

export interface PageEntry {
  key: string;
  sha256: string;
  deps: Dependency[];
  /** A list page's hint (list-hints.ts), if it has one. */
  hint?: string;
}

export class BuildCache extends StagingClaims {
  /**
   * Whether saving must list every blob to remove those no index uses: a build that failed or
   * was killed may have left blobs that no index names. Otherwise only the blobs the previous
   * index used and this build stored are candidates (no listing of ~100k blobs at 50k items).
   */
  private sweepAll = false;
  /** The new index's lists of reads (`reads`) by their number. */
  private readonly readsIds: ReadsIds;
  /** The previous index's number of a list of reads → the new index's (`keepPage`). */
  private readonly carried = new Map<number, number>();
  /** The new index's row of each previous row (-1: none yet): the new table needs no map of ~80k files. */
  private readonly nextRowOf: Int32Array;

  private constructor(
    dir: string,
    private readonly previous: Index,
    private readonly next: NewIndex & { blobs: UsedBlobs },
    /** Why the previous index was not used (for the build's report), or undefined. */
    readonly ignored: string | undefined,
  ) {
    super(dir, next.blobs);
    this.readsIds = new ReadsIds(next.reads);
    this.nextRowOf = new Int32Array(previous.pages.size).fill(-1);
  }

  /**
   * Opens (creating) the cache folder for a build with this fingerprint. Returns a warning in
   * Chinese instead when the folder may not be used: it is not a Gongkai cache, or another build
   * holds it.
   */
  static open(dir: string, fingerprint: string, search?: string): BuildCache | string {
    const tag = path.join(dir, "CACHEDIR.TAG");
    if (existsSync(dir) && readdirSync(dir).length && !existsSync(tag))
      return `构建缓存目录 ${dir} 不是 Gongkai 的缓存目录（缺少 CACHEDIR.TAG），本次不使用缓存，也不改动它。`;
    mkdirSync(path.join(dir, "blobs"), { recursive: true });
    writeFileSync(tag, TAG);
    const holder = takeLock(dir);
    if (holder !== undefined) return `构建缓存 ${dir} 正被另一个构建（进程 ${holder}）使用，本次不使用缓存。`;
    const { previous, ignored, blobs } = readIndex(path.join(dir, INDEX_FILE), fingerprint, search);
    const before = previous ?? emptyIndex(fingerprint);
    if (blobs) before.blobs = blobs;
    const next = { ...emptyIndex(fingerprint, search), blobs: new UsedBlobs(tableOf(before.blobs)) }; // noted by row (used-blobs.ts)
    const cache = new BuildCache(dir, before, next, ignored);
    // An index of another fingerprint (its shards kept or not) names none of its pages' blobs: list them all.
    cache.sweepAll = previous === undefined || ignored !== undefined || existsSync(path.join(dir, UNSWEPT));
    return cache;
  }

  /** The cached build's entry of an output file; pages with the same reads share one `deps` array. */
  page(file: string): PageEntry | undefined {
    const { pages, reads } = this.previous;
    const row = pages.row(file);
    return row === undefined
      ? undefined
      : {
          key: pages.keys[row],
          sha256: pages.sha256s[row],
          deps: reads[pages.reads[row]],
          hint: pages.hints[row] || undefined,
        };
  }

  /** The cached build's row of an output file: a number into the index's columns (no copy: ~80k a build). */
  pageRow(file: string): number | undefined {
    return this.previous.pages.row(file);
  }
  /** `pageRow`, tried first at row `guess` (page-table.ts `rowNear`). */
  pageRowNear(file: string, guess: number): number | undefined {
    return this.previous.pages.rowNear(file, guess);
  }

  /** The key and the SHA-256 of a cached row. */
  rowKey(row: number): string {
    return this.previous.pages.keys[row];
  }
  rowSha256(row: number): string {
    return this.previous.pages.sha256s[row];
  }
  /** The hint of a cached row ("" for none; list-hints.ts). */
  rowHint(row: number): string {
    return this.previous.pages.hints[row];
  }

  /** The reads of a cached row (rows with the same reads share one array, numbered by `readsIdOf`). */
  readsOf(row: number): Dependency[] {
    return this.previous.reads[this.previous.pages.reads[row]];
  }
  readsIdOf(row: number): number {
    return this.previous.pages.reads[row];
  }
  /** How many distinct lists of reads the cached index has. */
  get readsCount(): number {
    return this.previous.reads.length;
  }

  /**
   * Carries a cached row over to the new index unchanged (its reads' number translated once per
   * list), with this build's hint of the page ("" for none).
   */
  keepPage(file: string, row: number, hint = ""): void {
    const { pages, reads } = this.previous;
    let id = this.carried.get(pages.reads[row]);
    if (id === undefined) this.carried.set(pages.reads[row], (id = this.readsId(reads[pages.reads[row]])));
    this.setRow(file, row, pages.keys[row], pages.sha256s[row], id, hint);
  }

  /** Sets the new index's entry of `file`, the previous index's row `row` (or undefined: a file it does not have). */
  private setRow(
    file: string,
    row: number | undefined,
    key: string,
    sha256: string,
    reads: number,
    hint: string,
  ): void {
    if (row === undefined) return this.next.pages.set(file, key, sha256, reads, hint);
    const at = this.nextRowOf[row];
    if (at >= 0) this.next.pages.setRow(at, key, sha256, reads, hint);
    else this.nextRowOf[row] = this.next.pages.append(file, key, sha256, reads, hint);
  }

  shard(key: string): [string, string][] | undefined {
    return this.previous.shards[key];
  }

  /** Every search shard's entry in the cached index. */
  shards(): [string, string][][] {
    return Object.values(this.previous.shards);
  }

  setPage(file: string, entry: PageEntry): void {
    const row = this.previous.pages.row(file);
    this.setRow(file, row, entry.key, entry.sha256, this.readsId(entry.deps), entry.hint ?? "");
  }

  /** The new index's number for a list of reads (reads-ids.ts). */
  private readsId(deps: Dependency[]): number {
    return this.readsIds.idOf(deps);
  }

  setShard(key: string, files: [string, string][]): void {
    this.next.shards[key] = files;
  }

  /**
   * What the step `name` noted about the cached build's output, or undefined when it did not run
   * then. Notes are not carried over: they speak of the pages of the build that wrote them.
   */
  note(name: string): readonly string[] | undefined {
    return this.previous.notes[name];
  }

  setNote(name: string, note: string[]): void {
    this.next.notes[name] = note;
  }

  /** A joined file of the search index: [SHA-256 before gzip, SHA-256 of the file]. */
  joinedFile(rel: string): [string, string] | undefined {
    return this.previous.joined[rel];
  }

  setJoinedFile(rel: string, entry: [string, string]): void {
    this.next.joined[rel] = entry;
  }

  /**
   * Writes the new index (atomically), removes unused blobs, releases the lock unless `keepLock`
   * (the caller drops it: spare-from-blobs.ts); returns the rows carried (column-carry.ts).
   */
  save(keepLock = false): number | undefined {
    // A build that indexed nothing (the dev server leaves the index to its background refresh)
    // keeps the shards of the build before.
    if (Object.keys(this.next.shards).length === 0) {
      this.next.shards = this.previous.shards;
      this.next.joined = this.previous.joined;
    }
    // The blobs not placed as an output file's bytes (checked, stored): the ones that may be unused.
    const checked = new Set(this.stored);
    for (const [sha256, ok] of this.checked) if (ok) checked.add(sha256);
    keepUsedBlobs(this.next, this.previous, checked);
    // Per list of reads of the new index, the previous index's number of it (index-reads.ts).
    const readsFrom = new Int32Array(this.next.reads.length).fill(-1);
    for (const [was, id] of this.carried) readsFrom[id] = was;
    const { carried, gone } = writeIndexFile(this.dir, this.next, this.previous, this.stored, readsFrom);
    sweepBlobs(this.dir, this.next.blobs, this.sweepAll, [gone, this.stored], (sha256) =>
      this.blobPath(sha256),
    );
    rmSync(path.join(this.dir, UNSWEPT), { force: true });
    if (!keepLock) dropLock(this.dir);
    return carried;
  }

  /** Lets go of the lock without writing (a failed build); the next save lists every blob. */
  release(): void {
    try {
      writeFileSync(path.join(this.dir, UNSWEPT), "");
    } catch {
      // The folder is gone: nothing to sweep.
    }
    dropLock(this.dir);
  }
}
