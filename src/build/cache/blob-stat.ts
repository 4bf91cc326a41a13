/**
 * A blob's stat as the cache index records it, and its layout in a column of stats. The index's
 * blobs (index-blob-table.ts), the blobs a build uses (used-blobs.ts) and the rows it saves
 * (index-blobs.ts) keep their stats in a Float64Array, three numbers a row, so that ~93k blobs at
 * 50k items are no ~93k arrays: an array is made only when one stat is asked for.
 */

/** [size, mtimeMs, ino] of a blob: its stat when it was stored or last verified. */
export type BlobStat = [number, number, number];

/** A column of stats for `count` rows, zeros. */
export const statColumn = (count: number): Float64Array => new Float64Array(3 * count);

/** The stat of row `row` of the column `stats`, a new array. */
export const statAt = (stats: Float64Array, row: number): BlobStat => [
  stats[3 * row],
  stats[3 * row + 1],
  stats[3 * row + 2],
];

/** Writes `stat` as row `row` of the column `stats`. */
export function putStat(stats: Float64Array, row: number, stat: Readonly<BlobStat>): void {
  stats[3 * row] = stat[0];
  stats[3 * row + 1] = stat[1];
  stats[3 * row + 2] = stat[2];
}

/** Copies row `row` of the column `from` to row `row` of `to` (no array made). */
export function copyStat(from: Float64Array, to: Float64Array, row: number): void {
  to[3 * row] = from[3 * row];
  to[3 * row + 1] = from[3 * row + 1];
  to[3 * row + 2] = from[3 * row + 2];
}

/** The size in row `row` of the column `stats`. */
export const sizeAt = (stats: Float64Array, row: number): number => stats[3 * row];

/** The inode in row `row` of the column `stats`. */
export const inoAt = (stats: Float64Array, row: number): number => stats[3 * row + 2];
