/**
 * Lists the spare output folder in a worker thread (src/build/cache/spare-scan.ts): every entry
 * below `root` with, for regular files, the inode, size and mtime `lstat` gives, and for
 * folders the inode, mtime and ctime `lstat` gave before the folder was read (so a change made
 * while or after it was read gives it another time: the manifest reads again only those,
 * src/build/cache/folder-listing.ts). Plain JavaScript: workers do not inherit tsx's loader (and
 * start in milliseconds without it).
 */
import { lstatSync, readdirSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { root } = workerData;
/** Before any folder's lstat: a folder changed since it was listed has a later time (or the same, when it was changed this soon before). */
const started = Date.now();
/** Paths relative to root, "/"-separated; per file its kind: 0 file, 1 folder, 2 anything else. */
const paths = [];
const kinds = [];
const numbers = [];
const walk = (dir, prefix) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    const abs = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      const { ino, mtimeMs, ctimeMs } = lstatSync(abs);
      paths.push(rel);
      kinds.push(1);
      numbers.push(ino, mtimeMs, ctimeMs);
      walk(abs, `${rel}/`);
    } else if (entry.isFile()) {
      const { ino, size, mtimeMs } = lstatSync(abs);
      paths.push(rel);
      kinds.push(0);
      numbers.push(ino, size, mtimeMs);
    } else {
      paths.push(rel);
      kinds.push(2);
      numbers.push(0, 0, 0);
    }
  }
};
walk(root, "");
const stats = Float64Array.from(numbers);
parentPort.postMessage({ paths, kinds: Uint8Array.from(kinds), stats, started }, [stats.buffer]);
