/**
 * The cache index's blobs as read from its file (index-file.ts): the column of SHA-256s and the
 * column of their stats, looked up without a Map. At 50k items ~93k blobs: a Map of their
 * SHA-256s, a [size, mtime, inode] array each, took ~50 samples of the cache's open (each key
 * hashed over its 64 characters, each stat an object), and the staging claims' `blobsByInode`
 * went through that Map again (~57 samples) to number the blobs by inode. A SHA-256 is already
 * a uniform hash: its first seven hex digits place it in an open-addressing table of row
 * numbers, so building the table reads seven characters a row, and a lookup compares one string.
 */
import { putStat, statAt, statColumn, type BlobStat } from "./blob-stat.ts";

/** The value of a lowercase hex digit's character code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** The first seven hex digits of `sha256` as a number (28 bits), or -1 when it has none. */
function prefixOf(sha256: string): number {
  if (sha256.length !== 64) return -1;
  let value = 0;
  for (let i = 0; i < 7; i++) {
    const digit = hexValue(sha256.charCodeAt(i));
    if (digit < 0) return -1;
    value = (value << 4) | digit;
  }
  return value;
}

/** The size of a table of row numbers for `count` rows: a power of two, at most half full (inode-table.ts too). */
export function tableSize(count: number): number {
  let size = 16;
  while (size < 2 * count) size *= 2;
  return size;
}

/**
 * The blobs `sha256s` (distinct SHA-256s in hex, checked by the caller) with their stats, three
 * numbers a row in `stats` (blob-stat.ts): a read-only map of SHA-256 → stat, a stat made when asked.
 */
export class BlobTable implements ReadonlyMap<string, BlobStat> {
  /** Per slot, a row + 1 (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** False when a SHA-256 is listed twice (the index is not one this code wrote). */
  readonly distinct: boolean = true;

  constructor(
    readonly sha256s: readonly string[],
    readonly stats: Float64Array,
  ) {
    const size = tableSize(sha256s.length);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let row = 0; row < sha256s.length; row++) {
      let slot = prefixOf(sha256s[row]) & this.mask;
      for (;;) {
        const at = this.slots[slot];
        if (at === 0) break;
        if (sha256s[at - 1] === sha256s[row]) {
          this.distinct = false;
          return;
        }
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = row + 1;
    }
  }

  /** The row of `sha256`, or -1. */
  rowOf(sha256: string): number {
    const prefix = prefixOf(sha256);
    if (prefix < 0) return -1;
    for (let slot = prefix & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot];
      if (at === 0) return -1;
      if (this.sha256s[at - 1] === sha256) return at - 1;
    }
  }

  get size(): number {
    return this.sha256s.length;
  }

  get(sha256: string): BlobStat | undefined {
    const row = this.rowOf(sha256);
    return row < 0 ? undefined : statAt(this.stats, row);
  }

  has(sha256: string): boolean {
    return this.rowOf(sha256) >= 0;
  }

  *entries(): MapIterator<[string, BlobStat]> {
    for (let row = 0; row < this.sha256s.length; row++) yield [this.sha256s[row], statAt(this.stats, row)];
  }

  *keys(): MapIterator<string> {
    yield* this.sha256s;
  }

  *values(): MapIterator<BlobStat> {
    for (let row = 0; row < this.sha256s.length; row++) yield statAt(this.stats, row);
  }

  [Symbol.iterator](): MapIterator<[string, BlobStat]> {
    return this.entries();
  }

  forEach(callback: (value: BlobStat, key: string, map: ReadonlyMap<string, BlobStat>) => void): void {
    for (let row = 0; row < this.sha256s.length; row++)
      callback(statAt(this.stats, row), this.sha256s[row], this);
  }
}

/**
 * `blobs` as a table: itself when it is one (an index read from a file), else its entries in
 * columns (an index made in memory: the empty one of a cache without an index, a test's).
 */
export function tableOf(blobs: ReadonlyMap<string, BlobStat>): BlobTable {
  if (blobs instanceof BlobTable) return blobs;
  const sha256s = [...blobs.keys()];
  const stats = statColumn(sha256s.length);
  sha256s.forEach((sha256, row) => putStat(stats, row, blobs.get(sha256)!));
  return new BlobTable(sha256s, stats);
}
