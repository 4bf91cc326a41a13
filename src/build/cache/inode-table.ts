/**
 * The cache's blobs numbered by inode, for sorting the reused staging folder (spare.ts
 * `adoptSpare`: ~107k files looked up among ~93k blobs at 50k items). An open-addressing table of
 * row numbers over the blobs' stat column: no Map of ~93k numbers built per build.
 */
import { inoAt } from "./blob-stat.ts";
import { tableSize } from "./index-blob-table.ts";

export class InodeTable {
  /** Per slot, a row + 1 (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `stats`: [size, mtimeMs, ino] per row (blob-stat.ts). A later row of the same inode wins (as a Map's set). */
  constructor(private readonly stats: Float64Array) {
    const count = stats.length / 3;
    const size = tableSize(count);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let row = 0; row < count; row++) {
      const ino = inoAt(stats, row);
      let slot = slotOf(ino) & this.mask;
      for (;;) {
        const at = this.slots[slot];
        if (at === 0 || inoAt(stats, at - 1) === ino) break;
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = row + 1;
    }
  }

  /** The row of the blob with inode `ino`, or -1. */
  rowOf(ino: number): number {
    for (let slot = slotOf(ino) & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot];
      if (at === 0) return -1;
      if (inoAt(this.stats, at - 1) === ino) return at - 1;
    }
  }
}

/** A hash of an inode number (any double; inodes are integers below 2^53): its two 32-bit halves mixed. */
function slotOf(ino: number): number {
  const low = (ino % 4294967296) | 0;
  const high = (ino / 4294967296) | 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 12;
}
