/**
 * The persistent build cache (`.gongkai-cache/` by default, a folder CI can keep between runs):
 *
 *   CACHEDIR.TAG        marks the folder as a cache (backup tools skip it; we refuse any other folder)
 *   index.json          the last build's fingerprint, per output file its key, reads and SHA-256,
 *                       per search shard the files it wrote, per joined search file its SHA-256
 *                       before and after gzip
 *   blobs/ab/ab…        output files by SHA-256, hard-linked into the build's staging folder
 *
 * Nothing in it is trusted: an index of another format or fingerprint, or one that does not
 * parse, is ignored; a blob is used only when its size, mtime and inode are as recorded when it
 * was stored, or else its bytes hash to its name (a cache restored by CI has new inodes). A
 * published file edited in place shares its blob's inode, changes the blob's mtime and so is
 * never reused. A lock file keeps two builds from pruning each other's blobs.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { CACHE_FORMAT } from "./fingerprint.ts";
import type { Dependency } from "./trace.ts";
import { asIndex, indexText, isSha256, PageTable, type Index } from "./index-file.ts";

/** Present while blobs may exist that no index names (a failed or killed build): the next save lists them all. */
const UNSWEPT = "unswept";
const TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Gongkai build cache (safe to delete)\n";

/** A file of the reused staging folder as `lstat` found it when the build started (spare.ts). */
export interface SpareFile {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface PageEntry {
  key: string;
  sha256: string;
  deps: Dependency[];
}

export const sha256Of = (bytes: string | Buffer): string => createHash("sha256").update(bytes).digest("hex");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the cache folder's lock for this process (kept when this process holds it already: a
 * build takes it early to list the spare folder, spare-scan.ts). Returns the process id of
 * another live build that holds it, or undefined when this process holds it now.
 */
export function takeLock(dir: string): number | undefined {
  const lock = path.join(dir, "lock");
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(readFileSync(lock, "utf8"));
    if (holder === process.pid) return undefined;
    if (Number.isInteger(holder) && isAlive(holder)) return holder;
    writeFileSync(lock, String(process.pid));
    // The holder died without letting go: its blobs are in no index.
    writeFileSync(path.join(dir, UNSWEPT), "");
  }
  return undefined;
}

/** Lets go of the lock when this process holds it. */
export function dropLock(dir: string): void {
  const lock = path.join(dir, "lock");
  try {
    if (readFileSync(lock, "utf8") === String(process.pid)) unlinkSync(lock);
  } catch {
    // Already gone.
  }
}

export class BuildCache {
  private readonly previous: Index;
  private readonly next: Index;
  /** Blobs checked this build: sha256 → usable. */
  private readonly checked = new Map<string, boolean>();
  private canLink = true;
  /** Folders this build made (one mkdir per folder, not one per file: 60k pages share 3k folders). */
  private readonly made = new Set<string>();
  /** Why the previous index was not used (for the build's report), or undefined. */
  readonly ignored?: string;
  /** The reused staging folder's files that may be blobs' hard links (path → its lstat), until claimed (spare.ts). */
  private spare = new Map<string, SpareFile>();
  /** Blobs this build wrote (the ones its index may not use are removed when it is saved). */
  private readonly stored = new Set<string>();
  /**
   * Whether saving must list every blob to remove those no index uses: a build that failed or
   * was killed may have left blobs that no index names. Otherwise only the blobs the previous
   * index used and this build stored are candidates (no listing of ~100k blobs at 50k items).
   */
  private sweepAll = false;
  /** The new index's lists of reads (`reads`), by the list object and by its text. */
  private readonly readsByList = new Map<Dependency[], number>();
  private readonly readsByText = new Map<string, number>();
  /** The previous index's number of a list of reads → the new index's (`keepPage`). */
  private readonly carried = new Map<number, number>();

  private constructor(
    readonly dir: string,
    fingerprint: string,
    previous: Index | undefined,
    ignored: string | undefined,
    blobs?: Index["blobs"],
  ) {
    this.ignored = ignored;
    const empty = (): Index => ({
      format: CACHE_FORMAT,
      fingerprint,
      pages: new PageTable(),
      reads: [],
      shards: {},
      joined: {},
      notes: {},
      blobs: new Map(),
    });
    this.previous = previous ?? empty();
    this.next = empty();
    if (blobs) this.previous.blobs = blobs;
  }

  /**
   * Opens (creating) the cache folder for a build with this fingerprint. Returns a warning in
   * Chinese instead when the folder may not be used: it is not a Gongkai cache, or another build
   * holds it.
   */
  static open(dir: string, fingerprint: string): BuildCache | string {
    const tag = path.join(dir, "CACHEDIR.TAG");
    if (existsSync(dir) && readdirSync(dir).length && !existsSync(tag))
      return `构建缓存目录 ${dir} 不是 Gongkai 的缓存目录（缺少 CACHEDIR.TAG），本次不使用缓存，也不改动它。`;
    mkdirSync(path.join(dir, "blobs"), { recursive: true });
    writeFileSync(tag, TAG);
    const holder = takeLock(dir);
    if (holder !== undefined) return `构建缓存 ${dir} 正被另一个构建（进程 ${holder}）使用，本次不使用缓存。`;
    let previous: Index | undefined;
    let ignored: string | undefined;
    let blobs: Index["blobs"] | undefined;
    const file = path.join(dir, "index.json");
    if (existsSync(file)) {
      try {
        const index = asIndex(JSON.parse(readFileSync(file, "utf8")), CACHE_FORMAT);
        if (!index) ignored = "缓存格式不符";
        else if (index.fingerprint !== fingerprint) {
          ignored = "代码、配置或版式已改变";
          // Its blobs are still those bytes: the output before last, their links, stays in place
          // where a page comes out the same (spare.ts), instead of every file removed and written.
          blobs = index.blobs;
        } else previous = index;
      } catch {
        ignored = "缓存索引无法读取";
      }
    }
    const cache = new BuildCache(dir, fingerprint, previous, ignored, blobs);
    cache.sweepAll = previous === undefined || existsSync(path.join(dir, UNSWEPT));
    return cache;
  }

  /** The cached build's entry of an output file; pages with the same reads share one `deps` array. */
  page(file: string): PageEntry | undefined {
    const { pages, reads } = this.previous;
    const row = pages.row(file);
    return row === undefined
      ? undefined
      : { key: pages.keys[row], sha256: pages.sha256s[row], deps: reads[pages.reads[row]] };
  }

  /** The cached build's row of an output file: a number into the index's columns (no copy: ~80k a build). */
  pageRow(file: string): number | undefined {
    return this.previous.pages.row(file);
  }

  /** The key and the SHA-256 of a cached row. */
  rowKey(row: number): string {
    return this.previous.pages.keys[row];
  }
  rowSha256(row: number): string {
    return this.previous.pages.sha256s[row];
  }

  /** The reads of a cached row (rows with the same reads share one array). */
  readsOf(row: number): Dependency[] {
    return this.previous.reads[this.previous.pages.reads[row]];
  }

  /** Carries a cached row over to the new index unchanged (its reads' number translated once per list). */
  keepPage(file: string, row: number): void {
    const { pages, reads } = this.previous;
    let id = this.carried.get(pages.reads[row]);
    if (id === undefined) this.carried.set(pages.reads[row], (id = this.readsId(reads[pages.reads[row]])));
    this.next.pages.set(file, pages.keys[row], pages.sha256s[row], id);
  }

  shard(key: string): [string, string][] | undefined {
    return this.previous.shards[key];
  }

  /** Every search shard's entry in the cached index. */
  shards(): [string, string][][] {
    return Object.values(this.previous.shards);
  }

  /** Does the cached index list the blob `sha256` (not yet checked)? */
  knows(sha256: string): boolean {
    return this.previous.blobs.has(sha256);
  }

  /** Writes the blob `sha256` to `dest` (a hard link when possible); false if the blob is not usable. */
  place(sha256: string, dest: string): boolean {
    // The previous output's file at `dest` is the blob's own inode, already stat'ed: when it is
    // as recorded, that stat stands for the blob's (one stat less per reused file: ~100k at 50k items).
    const kept = this.spare.get(dest);
    if (kept) {
      let ok = this.checked.get(sha256);
      if (ok === undefined) {
        const known = this.previous.blobs.get(sha256);
        if (known && known[0] === kept.size && known[1] === kept.mtimeMs && known[2] === kept.ino) {
          this.checked.set(sha256, (ok = true));
          if (!this.next.blobs.has(sha256)) this.next.blobs.set(sha256, known);
        }
      }
      // Most reused pages: the file in place is the usable blob's own inode (`claim`, in fewer lookups).
      if (ok && this.next.blobs.get(sha256)?.[2] === kept.ino) {
        this.spare.delete(dest);
        return true;
      }
    }
    if (!this.usable(sha256)) return false;
    if (this.claim(dest, sha256)) return true;
    this.folder(path.dirname(dest));
    try {
      this.copy(this.blobPath(sha256), dest);
    } catch (err) {
      // The blob's file itself is gone (only its links in the previous output were seen): not usable.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      this.checked.set(sha256, false);
      this.next.blobs.delete(sha256);
      return false;
    }
    return true;
  }

  /**
   * Takes the reused staging folder's file at `dest` when it is a hard link of the usable blob
   * `sha256` (same inode: same bytes); otherwise removes it (vacate), so that nothing writes into
   * an inode a blob and the published site share. True when `dest` already holds the bytes.
   */
  claim(dest: string, sha256: string): boolean {
    const kept = this.spare.get(dest);
    if (kept === undefined) return false;
    this.spare.delete(dest);
    if (this.usable(sha256) && this.next.blobs.get(sha256)?.[2] === kept.ino) return true;
    unlinkSync(dest);
    return false;
  }

  /** Removes the reused staging folder's file at `dest` before something is written there. */
  vacate(dest: string): void {
    if (this.spare.delete(dest)) unlinkSync(dest);
  }

  /** Inodes of the blobs the previous index knows: a reused staging file with another is never a blob's link. */
  blobInodes(): Set<number> {
    const inodes = new Set<number>();
    for (const stat of this.previous.blobs.values()) inodes.add(stat[2]);
    return inodes;
  }

  /** The reused staging folder's files that may be claimed (spare.ts). */
  offer(files: Map<string, SpareFile>): void {
    this.spare = files;
  }

  /** The reused staging folder's files nobody claimed: the caller removes them. */
  unclaimed(): string[] {
    const left = [...this.spare.keys()];
    this.spare.clear();
    return left;
  }

  /** Size of a blob this build placed or stored (the manifest lists it without a stat). */
  sizeOf(sha256: string): number | undefined {
    return this.next.blobs.get(sha256)?.[0];
  }

  /** Keeps `file` (just written by this build, with this digest) as a blob. */
  store(file: string, sha256: string): void {
    if (this.checked.get(sha256)) return;
    const blob = this.blobPath(sha256);
    this.folder(path.dirname(blob));
    // A copy would write into a file there (a blob no index names, a killed build's): removed first.
    if (!this.canLink) rmSync(blob, { force: true });
    try {
      this.copy(file, blob);
    } catch (err) {
      // A link fails on it instead, and it is removed only then: one lstat less per page (~80k
      // when a build fills the cache at 50k items).
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      unlinkSync(blob);
      this.copy(file, blob);
    }
    this.remember(sha256, blob);
  }

  /** Keeps bytes that are no output file (a search shard's grams) as a blob; returns their SHA-256. */
  storeBytes(bytes: Uint8Array): string {
    const sha256 = sha256Of(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (this.checked.get(sha256)) return sha256;
    const blob = this.blobPath(sha256);
    this.folder(path.dirname(blob));
    writeFileSync(`${blob}.tmp`, bytes);
    renameSync(`${blob}.tmp`, blob);
    this.remember(sha256, blob);
    return sha256;
  }

  /** Whether the blob `sha256` is there as recorded (or its bytes still hash to its name). */
  usableBlob(sha256: string): boolean {
    return this.usable(sha256);
  }

  /** The bytes of the blob `sha256`, or undefined when it is not usable. */
  read(sha256: string): Buffer | undefined {
    return this.usable(sha256) ? readFileSync(this.blobPath(sha256)) : undefined;
  }

  /** `length` bytes of the blob `sha256` from `position`, or undefined when it is not usable. */
  readRange(sha256: string, position: number, length: number): Buffer | undefined {
    if (!this.usable(sha256)) return undefined;
    const fd = openSync(this.blobPath(sha256), "r");
    try {
      const out = Buffer.allocUnsafe(length);
      return readSync(fd, out, 0, length, position) === length ? out : undefined;
    } finally {
      closeSync(fd);
    }
  }

  setPage(file: string, entry: PageEntry): void {
    this.next.pages.set(file, entry.key, entry.sha256, this.readsId(entry.deps));
  }

  /** The new index's number for a list of reads: a reused page's list by its identity, a new one by its text. */
  private readsId(deps: Dependency[]): number {
    let id = this.readsByList.get(deps);
    if (id === undefined) {
      const text = JSON.stringify(deps);
      id = this.readsByText.get(text);
      if (id === undefined) {
        id = this.next.reads.push(deps) - 1;
        this.readsByText.set(text, id);
      }
      this.readsByList.set(deps, id);
    }
    return id;
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

  /** Writes the new index (atomically), removes blobs nothing refers to, releases the lock. */
  save(): void {
    // A build that indexed nothing (the dev server leaves the index to its background refresh)
    // keeps the shards of the build before.
    if (Object.keys(this.next.shards).length === 0) {
      this.next.shards = this.previous.shards;
      this.next.joined = this.previous.joined;
    }
    const used = new Set<string>();
    for (const sha256 of this.next.pages.sha256s) used.add(sha256);
    for (const [, sha256] of Object.values(this.next.joined)) used.add(sha256);
    for (const files of Object.values(this.next.shards)) for (const [, sha256] of files) used.add(sha256);
    for (const sha256 of used) {
      const known = this.next.blobs.get(sha256) ?? this.previous.blobs.get(sha256);
      if (known) this.next.blobs.set(sha256, known);
    }
    const file = path.join(this.dir, "index.json");
    writeFileSync(`${file}.tmp`, indexText(this.next));
    renameSync(`${file}.tmp`, file);
    const blobs = path.join(this.dir, "blobs");
    if (this.sweepAll) {
      for (const prefix of readdirSync(blobs))
        for (const name of readdirSync(path.join(blobs, prefix)))
          if (isSha256(name) && !used.has(name)) rmSync(path.join(blobs, prefix, name), { force: true });
    } else {
      for (const sha256 of this.previous.blobs.keys())
        if (!used.has(sha256)) rmSync(this.blobPath(sha256), { force: true });
      for (const sha256 of this.stored) if (!used.has(sha256)) rmSync(this.blobPath(sha256), { force: true });
    }
    rmSync(path.join(this.dir, UNSWEPT), { force: true });
    this.unlock();
  }

  /** Lets go of the lock without writing (a failed build); the next save lists every blob. */
  release(): void {
    try {
      writeFileSync(path.join(this.dir, UNSWEPT), "");
    } catch {
      // The folder is gone: nothing to sweep.
    }
    this.unlock();
  }

  private unlock(): void {
    dropLock(this.dir);
  }

  /** Makes `dir` (and its parents) once per build. */
  folder(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  private blobPath(sha256: string): string {
    return path.join(this.dir, "blobs", sha256.slice(0, 2), sha256);
  }

  private usable(sha256: string): boolean {
    let ok = this.checked.get(sha256);
    if (ok !== undefined) return ok;
    const blob = this.blobPath(sha256);
    const known = this.previous.blobs.get(sha256);
    try {
      const { size, mtimeMs, ino } = statSync(blob);
      ok = known !== undefined && known[0] === size && known[1] === mtimeMs && known[2] === ino;
      // Not as recorded (a restored cache, or edited): usable only if the bytes still match the name.
      if (!ok && sha256Of(readFileSync(blob)) === sha256) {
        ok = true;
        this.remember(sha256, blob);
      }
      if (ok && !this.next.blobs.has(sha256) && known) this.next.blobs.set(sha256, known);
    } catch {
      ok = false;
    }
    if (!ok) rmSync(blob, { force: true });
    this.checked.set(sha256, ok);
    return ok;
  }

  private remember(sha256: string, blob: string): void {
    this.stored.add(sha256);
    const { size, mtimeMs, ino } = statSync(blob);
    this.next.blobs.set(sha256, [size, mtimeMs, ino]);
    this.checked.set(sha256, true);
  }

  private copy(from: string, to: string): void {
    if (this.canLink)
      try {
        linkSync(from, to);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // Another filesystem, or one without hard links: copy from now on.
        if (code !== "EXDEV" && code !== "EPERM" && code !== "ENOTSUP") throw err;
        this.canLink = false;
      }
    copyFileSync(from, to);
  }
}
