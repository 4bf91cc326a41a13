/**
 * The claims on the staging folder taken from the output before last (spare.ts): a reused file
 * that is a usable blob's hard link stays where it is; any other is removed before something is
 * written at its path, so that nothing writes into an inode a blob and the published site share.
 */
import { unlinkSync } from "node:fs";
import path from "node:path";
import { Blobs } from "./blobs.ts";

/** A file of the reused staging folder as `lstat` found it when the build started (spare.ts). */
export interface SpareFile {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The inode of a reused staging file once claimed (no file has it). */
const CLAIMED = -1;

export class StagingClaims extends Blobs {
  /**
   * The reused staging folder's files that may be blobs' hard links (path → its lstat), until
   * claimed (spare.ts). A claimed file's entry stays, its inode set to CLAIMED: deleting ~80k
   * entries one by one made the map shrink and rehash again and again.
   */
  private spare = new Map<string, SpareFile>();

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
    if (this.claimForWriter(dest)) unlinkSync(dest);
  }

  /**
   * Claims the reused staging folder's file at `dest` for a writer that removes it itself before
   * writing (a worker thread: the search index's joined files); true when there is one to remove.
   */
  claimForWriter(dest: string): boolean {
    const kept = this.spare.get(dest);
    if (kept === undefined || kept.ino === CLAIMED) return false;
    kept.ino = CLAIMED;
    return true;
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

  /**
   * The reused staging folder's files nobody claimed: the caller removes them. `except`: not
   * those whose path starts with one of these (the folders a running step may still claim files
   * in), which stay on offer.
   */
  unclaimed(except?: readonly string[]): string[] {
    const left: string[] = [];
    if (except === undefined) {
      for (const [file, kept] of this.spare) if (kept.ino !== CLAIMED) left.push(file);
      this.spare.clear();
      return left;
    }
    for (const [file, kept] of this.spare)
      if (kept.ino !== CLAIMED && !except.some((prefix) => file.startsWith(prefix))) {
        // Taken as claimed: the caller removes it, and a later sweep must not list it again.
        kept.ino = CLAIMED;
        left.push(file);
      }
    return left;
  }
}
