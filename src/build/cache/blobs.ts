/**
 * The cache folder's blobs (`blobs/ab/ab…`: output files by SHA-256, hard-linked into the build's
 * staging folder) and the claims on the staging folder taken from the output before last
 * (spare.ts). A blob is used only when its size, mtime and inode are as recorded when it was
 * stored, or else its bytes hash to its name (a cache restored by CI has new inodes). A published
 * file edited in place shares its blob's inode, changes the blob's mtime and so is never reused.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { BlobStat } from "./index-file.ts";

/** A file of the reused staging folder as `lstat` found it when the build started (spare.ts). */
export interface SpareFile {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The inode of a reused staging file once claimed (no file has it). */
const CLAIMED = -1;

export const sha256Of = (bytes: string | Buffer): string => createHash("sha256").update(bytes).digest("hex");

export class Blobs {
  /** Blobs checked this build: sha256 → usable. */
  private readonly checked = new Map<string, boolean>();
  private canLink = true;
  /** Folders this build made (one mkdir per folder, not one per file: 60k pages share 3k folders). */
  private readonly made = new Set<string>();
  /**
   * The reused staging folder's files that may be blobs' hard links (path → its lstat), until
   * claimed (spare.ts). A claimed file's entry stays, its inode set to CLAIMED: deleting ~80k
   * entries one by one made the map shrink and rehash again and again.
   */
  private spare = new Map<string, SpareFile>();
  /** Blobs this build wrote (the ones its index may not use are removed when it is saved). */
  protected readonly stored = new Set<string>();

  /**
   * `known`: the blobs the cached index lists, with their stats then; `used`: the new index's,
   * filled as this build checks, places and stores blobs.
   */
  protected constructor(
    readonly dir: string,
    protected readonly known: Map<string, BlobStat>,
    protected readonly used: Map<string, BlobStat>,
  ) {}

  /** Does the cached index list the blob `sha256` (not yet checked)? */
  knows(sha256: string): boolean {
    return this.known.has(sha256);
  }

  /** Writes the blob `sha256` to `dest` (a hard link when possible); false if the blob is not usable. */
  place(sha256: string, dest: string): boolean {
    // The previous output's file at `dest` is the blob's own inode, already stat'ed: when it is
    // as recorded, that stat stands for the blob's (one stat less per reused file: ~100k at 50k items).
    const kept = this.spare.get(dest);
    if (kept !== undefined && kept.ino !== CLAIMED) {
      // Most reused pages: the file in place is the usable blob's own inode (`claim`, in fewer lookups).
      let stat = this.used.get(sha256);
      if (stat === undefined && !this.checked.has(sha256)) {
        const known = this.known.get(sha256);
        if (known && known[0] === kept.size && known[1] === kept.mtimeMs && known[2] === kept.ino) {
          this.checked.set(sha256, true);
          this.used.set(sha256, (stat = known));
        }
      }
      if (stat !== undefined && stat[2] === kept.ino) {
        kept.ino = CLAIMED;
        return true;
      }
    }
    if (!this.usableBlob(sha256)) return false;
    if (this.claim(dest, sha256)) return true;
    this.folder(path.dirname(dest));
    try {
      this.copy(this.blobPath(sha256), dest);
    } catch (err) {
      // The blob's file itself is gone (only its links in the previous output were seen): not usable.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      this.checked.set(sha256, false);
      this.used.delete(sha256);
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
    if (kept === undefined || kept.ino === CLAIMED) return false;
    const { ino } = kept;
    kept.ino = CLAIMED;
    if (this.usableBlob(sha256) && this.used.get(sha256)?.[2] === ino) return true;
    unlinkSync(dest);
    return false;
  }

  /** Removes the reused staging folder's file at `dest` before something is written there. */
  vacate(dest: string): void {
    const kept = this.spare.get(dest);
    if (kept === undefined || kept.ino === CLAIMED) return;
    kept.ino = CLAIMED;
    unlinkSync(dest);
  }

  /** Inodes of the blobs the previous index knows: a reused staging file with another is never a blob's link. */
  blobInodes(): Set<number> {
    const inodes = new Set<number>();
    for (const stat of this.known.values()) inodes.add(stat[2]);
    return inodes;
  }

  /** The reused staging folder's files that may be claimed (spare.ts). */
  offer(files: Map<string, SpareFile>): void {
    this.spare = files;
  }

  /** The reused staging folder's files nobody claimed: the caller removes them. */
  unclaimed(): string[] {
    const left: string[] = [];
    for (const [file, kept] of this.spare) if (kept.ino !== CLAIMED) left.push(file);
    this.spare.clear();
    return left;
  }

  /** Size of a blob this build placed or stored (the manifest lists it without a stat). */
  sizeOf(sha256: string): number | undefined {
    return this.used.get(sha256)?.[0];
  }

  /** Keeps `file` (just written by this build, with this digest) as a blob. */
  store(file: string, sha256: string): void {
    if (this.checked.get(sha256)) return;
    const blob = this.blobPath(sha256);
    this.folder(path.dirname(blob));
    rmSync(blob, { force: true });
    this.copy(file, blob);
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

  /** The bytes of the blob `sha256`, or undefined when it is not usable. */
  read(sha256: string): Buffer | undefined {
    return this.usableBlob(sha256) ? readFileSync(this.blobPath(sha256)) : undefined;
  }

  /** The blob's file, to be read elsewhere (a worker thread), or undefined when it is not usable. */
  blobFile(sha256: string): string | undefined {
    return this.usableBlob(sha256) ? this.blobPath(sha256) : undefined;
  }

  /** `length` bytes of the blob `sha256` from `position`, or undefined when it is not usable. */
  readRange(sha256: string, position: number, length: number): Buffer | undefined {
    if (!this.usableBlob(sha256)) return undefined;
    const fd = openSync(this.blobPath(sha256), "r");
    try {
      const out = Buffer.allocUnsafe(length);
      return readSync(fd, out, 0, length, position) === length ? out : undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** Makes `dir` (and its parents) once per build. */
  folder(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  protected blobPath(sha256: string): string {
    return path.join(this.dir, "blobs", sha256.slice(0, 2), sha256);
  }

  /** Whether the blob `sha256` is there as recorded (or its bytes still hash to its name). */
  usableBlob(sha256: string): boolean {
    let ok = this.checked.get(sha256);
    if (ok !== undefined) return ok;
    const blob = this.blobPath(sha256);
    const known = this.known.get(sha256);
    try {
      const { size, mtimeMs, ino } = statSync(blob);
      ok = known !== undefined && known[0] === size && known[1] === mtimeMs && known[2] === ino;
      // Not as recorded (a restored cache, or edited): usable only if the bytes still match the name.
      if (!ok && sha256Of(readFileSync(blob)) === sha256) {
        ok = true;
        this.remember(sha256, blob);
      }
      if (ok && !this.used.has(sha256) && known) this.used.set(sha256, known);
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
    this.used.set(sha256, [size, mtimeMs, ino]);
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
