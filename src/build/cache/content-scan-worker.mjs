/**
 * Stats the content files on a worker thread (src/build/cache/content-scan.ts): per path, in
 * order, the mtime, size and inode `stat` gives (NaN when it failed; the build then stats the file
 * itself and reports what it finds). Plain JavaScript: workers do not inherit tsx's loader.
 */
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { paths } = workerData;
const stats = new Float64Array(paths.length * 3).fill(NaN);
paths.forEach((abs, i) => {
  try {
    const { mtimeMs, size, ino } = statSync(abs);
    stats[3 * i] = mtimeMs;
    stats[3 * i + 1] = size;
    stats[3 * i + 2] = ino;
  } catch {
    // Left NaN: the build stats it again.
  }
});
parentPort.postMessage(stats, [stats.buffer]);
