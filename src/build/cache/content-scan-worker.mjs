/**
 * Lists content/ and stats its files on a worker thread (src/build/cache/content-scan.ts), with
 * the walk the loader uses (src/content/walk-list.mjs), which also lists content/media as the
 * media index does. Posts the paths as `\0`-joined strings (a clone of 50k objects would cost
 * both threads more than the walk), and per content file, in order, the mtime, size and inode
 * `stat` gives (NaN when it failed: the build then stats the file itself and reports what it
 * finds), and the same for each SVG of content/media (the media check compares an SVG's stat with
 * its kept verdict); `{ unlisted: true }` when the folder cannot be listed (the loader lists it
 * again and reports why). Plain JavaScript: workers do not inherit tsx's loader.
 */
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { listContentTree } from "../../content/walk-list.mjs";

const { contentDir } = workerData;
let listing;
try {
  listing = listContentTree(contentDir, { media: true });
} catch {
  listing = undefined;
}

/** mtime, size and inode of each path, NaN where the stat failed. */
function statsOf(paths) {
  const stats = new Float64Array(paths.length * 3).fill(NaN);
  paths.forEach((abs, i) => {
    try {
      const { mtimeMs, ctimeMs, size, ino } = statSync(abs);
      // The later of mtime and ctime, as record-cache.ts `stampFrom` takes it.
      stats[3 * i] = Math.max(mtimeMs, ctimeMs);
      stats[3 * i + 1] = size;
      stats[3 * i + 2] = ino;
    } catch {
      // Left NaN: the build stats it again.
    }
  });
  return stats;
}

if (!listing) parentPort.postMessage({ unlisted: true });
else {
  const { files, strays, specials, media } = listing;
  const abs = files.map((f) => f.abs);
  const stats = statsOf(abs);
  const svgs = media.filter((m) => /\.svg$/i.test(m.url));
  const svgStats = statsOf(svgs.map((m) => m.abs));
  parentPort.postMessage(
    {
      abs: abs.join("\0"),
      rel: files.map((f) => f.rel).join("\0"),
      count: files.length,
      strays,
      specials,
      stats,
      media: media.map((m) => m.url).join("\0"),
      mediaCount: media.length,
      svgs: svgs.map((m) => m.url).join("\0"),
      svgStats,
    },
    [stats.buffer, svgStats.buffer],
  );
}
