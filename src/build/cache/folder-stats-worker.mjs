/**
 * The second thread's share of the manifest's folder checks (src/build/cache/folder-stats.ts):
 * the same test, on the folders it is given. Plain JavaScript: workers do not inherit tsx's loader.
 */
import { lstatSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { root, rels, stats, settled } = workerData;
const flags = new Uint8Array(rels.length);
for (let i = 0; i < rels.length; i++) {
  const now = lstatSync(`${root}/${rels[i]}`, { throwIfNoEntry: false });
  const mtimeMs = stats[3 * i + 1];
  const ctimeMs = stats[3 * i + 2];
  flags[i] =
    now?.isDirectory() &&
    now.ino === stats[3 * i] &&
    now.mtimeMs === mtimeMs &&
    now.ctimeMs === ctimeMs &&
    Math.min(mtimeMs, ctimeMs) < settled
      ? 1
      : 0;
}
parentPort.postMessage(flags, [flags.buffer]);
