/**
 * The claims on the staging folder taken from the output before last (spare.ts): a reused file
 * that is a usable blob's hard link stays where it is; any other is removed before something is
 * written at its path, so that nothing writes into an inode a blob and the published site share.
 */
import { unlinkSync } from "node:fs";
import path from "node:path";
import { Blobs } from "./blobs.ts";
import { scanPlaces } from "./scan-places.ts";
import { InodeTable } from "./inode-table.ts";

/**
 * The reused staging folder's files that may be blobs' hard links, as `adoptSpare` sorted them
 * (spare.ts): numbered entries in columns, no object per file (~107k at 50k items).
 */
export interface SpareFiles {
  /** The staging folder and a separator: every entry's path is this and its `paths` key. */
  root: string;
  /** Path below `root` ("/"-separated, as the spare scan lists them) → entry. */
  paths: Map<string, number>;
  /** Per entry: its inode when the build started. */
  inodes: Float64Array;
  /**
   * Per entry: the blob whose recorded stat (size, mtime, inode) the file had when it was listed
   * (a link of that very blob, as recorded), as a number into `sha256s` and `stats` (the rows of
   * this cache's `blobsByInode`: `place` notes the blob used by that row); -1 for none.
   * Typed columns sized once: three arrays grown entry by entry were ~a third of adoptSpare.
   */
  blobs: Int32Array;
  sha256s: readonly string[];
  /** [size, mtimeMs, ino] per blob, three numbers each. */
  stats: Float64Array;
  /** Per entry: its index in the spare scan's listing `scan`, or -1 (none without a listing). */
  places?: Int32Array;
  /** The spare scan's listing the entries were sorted from (spare-scan.ts), and its length. */
  scan?: { listing: object; length: number };
}

/**
 * A relative path that path.join would leave as it is, on POSIX: the spare scan's name of the
 * file at the staging folder and it (`place`'s `rel`).
 */
export const plainPath = (file: string): boolean =>
  path.sep === "/" &&
  !(file.startsWith("/") || file.startsWith(".") || file.includes("//") || file.includes("/."));

/** What the claims vouch for of each file of a listing (StagingClaims `vouched`). */
export interface VouchedFiles {
  vouched: Uint8Array;
  rows: Int32Array;
  blobs: { sha256s: readonly string[]; stats: Float64Array };
}

const NONE: SpareFiles = {
  root: "",
  paths: new Map(),
  inodes: new Float64Array(0),
  blobs: new Int32Array(0),
  sha256s: [],
  stats: new Float64Array(0),
};

export class StagingClaims extends Blobs {
  private spare = NONE;
  /** Per entry of `spare`, 1 once claimed (kept as it is, or removed by the caller). */
  private claimed = new Uint8Array(0);
  /**
   * Per entry of the spare scan's listing: 1 once kept in place for a writer of a declared output
   * (`place` with `rel`). Kept after the last sweep, for the manifest's last part (`vouched`).
   */
  private vouchedIn?: { listing: object; scanned: Uint8Array; rows: Int32Array };

  /** The unclaimed entry of the reused staging folder at `dest` (or `rel` below it), or undefined. */
  private entryAt(dest: string, rel?: string): number | undefined {
    const { root, paths } = this.spare;
    const at =
      rel !== undefined
        ? paths.get(rel)
        : dest.startsWith(root)
          ? paths.get(dest.slice(root.length))
          : undefined;
    return at === undefined || this.claimed[at] === 1 ? undefined : at;
  }

  /** Is `dir` the reused staging folder, as `place`'s `rel` is relative to? */
  isStaging(dir: string): boolean {
    return this.spare.root === dir + path.sep;
  }

  /**
   * Writes the blob `sha256` to `dest` (a hard link when possible); false if the blob is not
   * usable. `rel`: when the caller has it, `dest` below the reused staging folder (`dest` is
   * that folder, a separator and `rel`), as the spare scan names it: no path sliced and
   * hashed per file (~95k reused files at 50k items). Only a writer of a declared output (a page
   * of the build's outputs, a file in a declared folder) passes `rel`: the manifest takes a file
   * kept in place so as declared (`vouched`).
   */
  place(sha256: string, dest: string, rel?: string): boolean {
    const at = this.entryAt(dest, rel);
    // Most reused files: the file in place had the blob's recorded stat when it was listed, so it
    // is that blob's own inode as recorded, and its stat stands for the blob's (one map lookup and
    // one insert per file; before, six per file on ~95k files).
    const blob = at === undefined ? -1 : this.spare.blobs[at];
    if (blob >= 0 && this.spare.sha256s[blob] === sha256) {
      this.claimed[at!] = 1;
      if (rel !== undefined) this.vouch(at!, blob);
      // `blob` is a row of the previous index's table, the one the used blobs are noted over: a
      // flag set, no SHA-256 hashed (used-blobs.ts).
      this.used.useRow(blob);
      return true;
    }
    if (!this.usableBlob(sha256)) return false;
    if (at !== undefined && this.keep(at, dest, sha256)) {
      if (rel !== undefined) this.vouch(at);
      return true;
    }
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
    const at = this.entryAt(dest);
    return at !== undefined && this.keep(at, dest, sha256);
  }

  /** `claim` of the unclaimed entry `at` (at `dest`). */
  private keep(at: number, dest: string, sha256: string): boolean {
    this.claimed[at] = 1;
    if (this.usableBlob(sha256) && this.used.get(sha256)?.[2] === this.spare.inodes[at]) return true;
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
    const at = this.entryAt(dest);
    if (at === undefined) return false;
    this.claimed[at] = 1;
    return true;
  }

  /**
   * The blobs the previous index knows, by their inode: a reused staging file with another inode
   * is never a blob's link. `of` maps an inode to a row of the previous index's table, whose
   * columns are given as they are (index-blob-table.ts; `stats`: three numbers a row, blob-stat.ts).
   */
  blobsByInode(): { of: InodeTable; sha256s: readonly string[]; stats: Float64Array } {
    const { sha256s, stats } = this.known;
    return { of: new InodeTable(stats), sha256s, stats };
  }

  /** The reused staging folder's files that may be claimed (spare.ts). */
  offer(files: SpareFiles): void {
    this.spare = files;
    this.claimed = new Uint8Array(files.inodes.length);
    // The last sweep offers none: what was vouched for stays, for the manifest's last part.
    if (files !== NONE)
      this.vouchedIn = files.scan && {
        listing: files.scan.listing,
        scanned: new Uint8Array(files.scan.length),
        rows: new Int32Array(files.scan.length),
      };
  }

  /**
   * Entry `at` was kept in place for a writer of a declared output; `blob`: the row of the blob
   * it was found to be a link of (its recorded stat), when it was.
   */
  private vouch(at: number, blob = -1): void {
    const place = this.spare.places?.[at] ?? -1;
    if (place < 0 || this.vouchedIn === undefined) return;
    this.vouchedIn.scanned[place] = 1;
    this.vouchedIn.rows[place] = blob + 1;
  }

  /**
   * Per file of `files` (a staging folder's listing, folder-listing.ts `folderListingOf`):
   * `vouched[i]` 1 when it is a spare file this build kept in place for a writer of a declared
   * output, in a folder unchanged since the spare folder was listed (so neither removed nor
   * replaced by another entry since): its path is declared. The manifest checks the rest (~a few
   * hundred files of a one-edit build at 50k items, instead of ~95k). `rows[i]`, when not 0: the
   * row plus one of `blobs` whose link `place` found the file to be (its recorded stat), so the
   * manifest takes its SHA-256 and size from the row, not by its path from the maps this build
   * filled (three string lookups for each of ~95k files). Nothing writes into a blob's inode, and
   * a file replaced since changed its folder. Undefined when `files` is no such listing of this
   * spare folder.
   */
  vouched(files: readonly string[]): VouchedFiles | undefined {
    const listed = scanPlaces.get(files);
    const vouchedIn = this.vouchedIn;
    if (listed === undefined || vouchedIn === undefined || listed.listing !== vouchedIn.listing)
      return undefined;
    const { places } = listed;
    const { scanned, rows: rowAt } = vouchedIn;
    const vouched = new Uint8Array(files.length);
    const rows = new Int32Array(files.length);
    for (let i = 0; i < files.length; i++) {
      const place = places[i];
      if (place >= 0 && scanned[place] === 1) {
        vouched[i] = 1;
        rows[i] = rowAt[place];
      }
    }
    const { sha256s, stats } = this.known;
    return { vouched, rows, blobs: { sha256s, stats } };
  }

  /**
   * The reused staging folder's files nobody claimed: the caller removes them. `except`: not
   * those whose path starts with one of these (the folders a running step may still claim files
   * in), which stay on offer.
   */
  unclaimed(except?: readonly string[]): string[] {
    const left: string[] = [];
    const { root, paths } = this.spare;
    for (const [rel, at] of paths) {
      if (this.claimed[at] === 1) continue;
      const file = root + rel;
      if (except?.some((prefix) => file.startsWith(prefix))) continue;
      // Taken as claimed: the caller removes it, and a later sweep must not list it again.
      this.claimed[at] = 1;
      left.push(file);
    }
    if (except === undefined) this.offer(NONE);
    return left;
  }
}
