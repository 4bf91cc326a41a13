/**
 * The blobs the index being made uses (store.ts `next.blobs`): a flag and a stat per row of the
 * previous index's blob table (index-blob-table.ts; an empty table when there was no index), and
 * a Map only for the blobs it does not list. At 50k items a one-edit build places ~95k blobs it
 * lists: a Map of their SHA-256s (each hashed over its 64 characters, a stat array each) was the
 * larger part of the staging claims' `place`, and saving looked each previous row up in it again
 * (index-blobs.ts `blobRows`). Here placing a blob the claims found by its row sets that row's
 * flag, and saving reads the flags in row order.
 */
import { copyStat, putStat, sizeAt, statAt, statColumn, type BlobStat } from "./blob-stat.ts";
import type { BlobTable } from "./index-blob-table.ts";

export class UsedBlobs extends Map<string, BlobStat> {
  /** Per row of `table`: 1 when used. */
  private readonly flags: Uint8Array;
  /** Per row of `table`: its stat in this index (three numbers a row, blob-stat.ts). */
  private readonly stats: Float64Array;
  private rows = 0;

  constructor(readonly table: BlobTable) {
    super();
    this.flags = new Uint8Array(table.size);
    this.stats = statColumn(table.size);
  }

  /** Marks row `row` of `table` used with its stat there, unless it is used already. */
  useRow(row: number): void {
    if (this.flags[row] === 1) return;
    this.flags[row] = 1;
    this.rows++;
    copyStat(this.table.stats, this.stats, row);
  }

  /** The stat of row `row` of `table` when it is used, else undefined. */
  rowStat(row: number): BlobStat | undefined {
    return this.flags[row] === 1 ? statAt(this.stats, row) : undefined;
  }

  /** The size of `sha256` when it is used, else undefined; no stat array made (the manifest's `sizeOf`). */
  sizeOf(sha256: string): number | undefined {
    const row = this.table.rowOf(sha256);
    if (row < 0) return super.get(sha256)?.[0];
    return this.flags[row] === 1 ? sizeAt(this.stats, row) : undefined;
  }

  override get size(): number {
    return this.rows + super.size;
  }

  override get(sha256: string): BlobStat | undefined {
    const row = this.table.rowOf(sha256);
    return row < 0 ? super.get(sha256) : this.rowStat(row);
  }

  override has(sha256: string): boolean {
    const row = this.table.rowOf(sha256);
    return row < 0 ? super.has(sha256) : this.flags[row] === 1;
  }

  override set(sha256: string, stat: BlobStat): this {
    // Map's constructor calls `set` before the fields exist: it is given no entries.
    const row = this.table.rowOf(sha256);
    if (row < 0) return super.set(sha256, stat);
    if (this.flags[row] !== 1) this.rows++;
    this.flags[row] = 1;
    putStat(this.stats, row, stat);
    return this;
  }

  override delete(sha256: string): boolean {
    const row = this.table.rowOf(sha256);
    if (row < 0) return super.delete(sha256);
    if (this.flags[row] !== 1) return false;
    this.flags[row] = 0;
    this.rows--;
    return true;
  }

  override clear(): void {
    this.flags.fill(0);
    this.rows = 0;
    super.clear();
  }

  /** The used rows of `table` in row order, then the others in the order they were added. */
  override *entries(): MapIterator<[string, BlobStat]> {
    for (let row = 0; row < this.flags.length; row++)
      if (this.flags[row] === 1) yield [this.table.sha256s[row], this.rowStat(row)!];
    yield* super.entries();
  }

  override *keys(): MapIterator<string> {
    for (const [sha256] of this.entries()) yield sha256;
  }

  override *values(): MapIterator<BlobStat> {
    for (const [, stat] of this.entries()) yield stat;
  }

  override [Symbol.iterator](): MapIterator<[string, BlobStat]> {
    return this.entries();
  }

  override forEach(callback: (value: BlobStat, key: string, map: Map<string, BlobStat>) => void): void {
    for (const [sha256, stat] of this.entries()) callback(stat, sha256, this);
  }
}
