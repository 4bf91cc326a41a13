/**
 * The cache folder's blobs (`blobs/ab/ab…`: output files by SHA-256, hard-linked into the build's
 * staging folder; the claims on the staging folder taken from the output before last are in
 * staging-claims.ts). A blob is used only when its size, mtime and inode are as recorded when it was
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
import type { BlobTable } from "./index-blob-table.ts";
import type { UsedBlobs } from "./used-blobs.ts";

export const sha256Of = (bytes: string | Buffer): string => createHash("sha256").update(bytes).digest("hex");

export class Blobs {
  /** Blobs checked this build: sha256 → usable. */
  protected readonly checked = new Map<string, boolean>();
  private canLink = true;
  /** Folders this build made (one mkdir per folder, not one per file: 60k pages share 3k folders). */
  private readonly made = new Set<string>();
  /** Blobs this build wrote (the ones its index may not use are removed when it is saved). */
  protected readonly stored = new Set<string>();

  /** The blobs the cached index lists, with their stats then (`used`'s table). */
  protected readonly known: BlobTable;

  /** `used`: the new index's blobs, noted over the cached index's table as this build checks, places and stores them. */
  protected constructor(
    readonly dir: string,
    protected readonly used: UsedBlobs,
  ) {
    this.known = used.table;
  }

  /** Does the cached index list the blob `sha256` (not yet checked)? */
  knows(sha256: string): boolean {
    return this.known.has(sha256);
  }

  /** Size of a blob this build placed or stored (the manifest lists it without a stat). */
  sizeOf(sha256: string): number | undefined {
    return this.used.sizeOf(sha256);
  }

  /** Keeps `file` (just written by this build, with this digest) as a blob. */
  store(file: string, sha256: string): void {
    if (this.checked.get(sha256)) {
      // The same bytes as a blob already there (another file's: a media file attached twice, a
      // search file many shards share): the file becomes that blob's link too. Left a file of its
      // own, the build after next found it no blob's link in the staging folder, removed it and
      // linked the blob there again (at 50k items ~14k media files of the synthetic corpus).
      if (this.canLink) this.relink(file, sha256);
      return;
    }
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

  /**
   * Replaces `file` (this build's, with the blob's bytes) by a link of the blob `sha256`: linked
   * beside it and renamed over it, so the path always holds the bytes. A failure leaves the file.
   */
  private relink(file: string, sha256: string): void {
    const blob = this.blobPath(sha256);
    const beside = `${file}.gongkai-link`;
    try {
      if (statSync(file).ino === this.used.get(sha256)?.[2]) return;
      linkSync(blob, beside);
      renameSync(beside, file);
    } catch {
      rmSync(beside, { force: true });
    }
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

  protected copy(from: string, to: string): void {
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
