/**
 * Lists content/ and stats its files on a worker thread (src/build/cache/content-scan.ts), with
 * the walk the loader uses (src/content/walk-list.mjs), which also lists content/media as the
 * media index does. Posts the paths as `\0`-joined strings (a clone of 50k objects would cost
 * both threads more than the walk) as soon as they are listed, with shared memory for each content
 * file's mtime, size and inode, which it then fills from the last file back while the build,
 * from the first file on, stats those it reaches first (NaN when the stat failed: the build then
 * stats the file itself and reports what it finds); and each SVG of content/media's stat (the
 * media check compares it with its kept verdict); `{ unlisted: true }` when the folder cannot be
 * listed (the loader lists it again and reports why). Plain JavaScript: workers do not inherit
 * tsx's loader.
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

/** A file's claim (content-scan.ts has the same numbers): nobody's, being stat'ed here, stat'ed here. */
const UNCLAIMED = 0;
const SCANNING = 1;
const SCANNED = 2;

/** mtime, size and inode of `abs` at `i` of `stats`, left NaN where the stat fails. */
function statInto(stats, i, abs) {
  try {
    const { mtimeMs, ctimeMs, size, ino } = statSync(abs);
    // The later of mtime and ctime, as record-cache.ts `stampFrom` takes it.
    stats[3 * i] = Math.max(mtimeMs, ctimeMs);
    stats[3 * i + 1] = size;
    stats[3 * i + 2] = ino;
  } catch {
    // Left NaN: the build stats it again.
  }
}

/** mtime, size and inode of each path, NaN where the stat failed. */
function statsOf(paths) {
  const stats = new Float64Array(paths.length * 3).fill(NaN);
  paths.forEach((abs, i) => statInto(stats, i, abs));
  return stats;
}

if (!listing) parentPort.postMessage({ unlisted: true });
else {
  const { files, strays, specials, media } = listing;
  const abs = files.map((f) => f.abs);
  const svgs = media.filter((m) => /\.svg$/i.test(m.url));
  const svgStats = statsOf(svgs.map((m) => m.abs));
  // The files' stats are shared with the build (content-scan.ts `sharedStamp`): posted with the
  // listing before any is taken, so the build starts reading as soon as it has the listing.
  const stats = new Float64Array(new SharedArrayBuffer(abs.length * 3 * 8)).fill(NaN);
  const claims = new Int32Array(new SharedArrayBuffer(abs.length * 4));
  parentPort.postMessage(
    {
      abs: abs.join("\0"),
      rel: files.map((f) => f.rel).join("\0"),
      count: files.length,
      strays,
      specials,
      stats,
      claims,
      media: media.map((m) => m.url).join("\0"),
      mediaCount: media.length,
      svgs: svgs.map((m) => m.url).join("\0"),
      svgStats,
    },
    [svgStats.buffer],
  );
  // From the last file back, each file claimed first: the build goes from the first file on and
  // stats a file it claims itself, so the two meet in between and no file is stat'ed twice.
  for (let i = abs.length - 1; i >= 0; i--) {
    if (Atomics.compareExchange(claims, i, UNCLAIMED, SCANNING) !== UNCLAIMED) break;
    try {
      statInto(stats, i, abs[i]);
    } finally {
      Atomics.store(claims, i, SCANNED);
      Atomics.notify(claims, i);
    }
  }
}
