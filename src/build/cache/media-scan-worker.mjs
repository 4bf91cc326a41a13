/**
 * Takes the lstat of each media source file on a worker thread (src/build/cache/media-scan.ts):
 * per path, in order, a kind (1 a regular file, 0 anything else or gone), its size, change time and
 * inode. Plain JavaScript: workers do not inherit tsx's loader.
 */
import { lstatSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { paths } = workerData;
const stats = new Float64Array(paths.length * 4);
paths.forEach((abs, i) => {
  const stat = lstatSync(abs, { throwIfNoEntry: false });
  // Anything but a regular file (a link, gone) is left 0: the build checks it again itself.
  if (!stat?.isFile()) return;
  stats[4 * i] = 1;
  stats[4 * i + 1] = stat.size;
  // The later of mtime and ctime, as record-cache.ts `stampFrom` takes it.
  stats[4 * i + 2] = Math.max(stat.mtimeMs, stat.ctimeMs);
  stats[4 * i + 3] = stat.ino;
});
parentPort.postMessage(stats, [stats.buffer]);
