/**
 * The content files' stats, shared between the content scan's worker (content-scan-worker.mjs)
 * and the main thread (content-scan.ts): the worker posts its listing first, then both take
 * chunks of the files from one counter, so that the main thread, which waits for the stats once
 * the record store is open, takes a share of them instead of idling (~50k stats at 50k items,
 * mostly the kernel's time). Plain JavaScript: the worker runs it, and workers do not inherit
 * tsx's loader.
 */
import { statSync } from "node:fs";

/** Files a thread stats per turn: ~1–2 ms of stats. */
export const STAT_CHUNK = 512;

/**
 * Stats the files `paths[chunk * STAT_CHUNK ..]` into `stats` (per file its mtime, size and inode;
 * the mtime the later of mtime and ctime, as record-cache.ts `stampFrom` takes it; NaN where the
 * stat failed: the build stats that file itself); false when there is no such chunk.
 * @param {readonly string[]} paths
 * @param {Float64Array} stats
 * @param {number} chunk
 */
export function statChunk(paths, stats, chunk) {
  const start = chunk * STAT_CHUNK;
  if (start >= paths.length) return false;
  const end = Math.min(paths.length, start + STAT_CHUNK);
  for (let i = start; i < end; i++) {
    try {
      const { mtimeMs, ctimeMs, size, ino } = statSync(paths[i]);
      stats[3 * i] = Math.max(mtimeMs, ctimeMs);
      stats[3 * i + 1] = size;
      stats[3 * i + 2] = ino;
    } catch {
      // Left NaN.
    }
  }
  return true;
}
