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
import { NONE, type SpareFiles, type VouchedFiles } from "./spare-files.ts";

export { plainPath, type SpareFiles, type VouchedFiles } from "./spare-files.ts";

export class StagingClaims extends Blobs {
  private spare = NONE;
  /** Entries asked for by a page's row (`entryOfRow`), for the build's report. */
  placedByRow = 0;
  /** Per entry of `spare`, 1 once claimed (kept as it is, or removed by the caller). */
  private claimed = new Uint8Array(0);
  /**
   * Per entry of the spare scan's listing: 1 once kept in place for a writer of a declared output
   * (`place` with `rel`). Kept after the last sweep, for the manifest's last part (`vouched`).
   */
  private vouchedIn?: { listing: object; scanned: Uint8Array; rows: Int32Array };

  /** The unclaimed entry of the reused staging folder at `dest` (or `rel` below it), or undefined. */
  private entryAt(dest: string, rel?: string): number | undefined {
    const { root, paths, rows } = this.spare;
    const name = rel ?? (dest.startsWith(root) ? dest.slice(root.length) : undefined);
    if (name === undefined) return undefined;
    let at = paths.get(name);
    if (at === undefined && rows !== undefined) {
      const row = rows.rowOf(name);
      if (row !== undefined && rows.entries[row] >= 0) at = rows.entries[row];
    }
    return at === undefined || this.claimed[at] === 1 ? undefined : at;
  }

  /** `entryAt` of the cached index's page `row`, whose file is `rel` (adoptSpare noted it by row). */
  private entryOfRow(row: number, dest: string, rel: string): number | undefined {
    const entries = this.spare.rows?.entries;
    if (entries === undefined) return this.entryAt(dest, rel);
    const at = entries[row];
    this.placedByRow++;
    return at < 0 || this.claimed[at] === 1 ? undefined : at;
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
   * kept in place so as declared (`vouched`). `row`, with `rel`: the cached index's row of the
   * page whose file `rel` is, whose entry is then read by row (SpareFiles `rows`).
   */
  place(sha256: string, dest: string, rel?: string, row?: number): boolean {
    const at =
      rel !== undefined && row !== undefined ? this.entryOfRow(row, dest, rel) : this.entryAt(dest, rel);
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
    const { root, paths, rows } = this.spare;
    const take = (rel: string, at: number) => {
      if (this.claimed[at] === 1) return;
      const file = root + rel;
      if (except?.some((prefix) => file.startsWith(prefix))) return;
      // Taken as claimed: the caller removes it, and a later sweep must not list it again.
      this.claimed[at] = 1;
      left.push(file);
    };
    for (const [rel, at] of paths) take(rel, at);
    if (rows) rows.entries.forEach((at, row) => at >= 0 && take(rows.files[row], at));
    if (except === undefined) this.offer(NONE);
    return left;
  }
}
