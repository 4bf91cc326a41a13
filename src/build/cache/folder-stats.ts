/**
 * Which of the listed folders are as the spare scan found them (folder-listing.ts): one lstat
 * per folder, ~80k at 50k items, on two threads. The manifest runs last, when nothing else is
 * left for the second core, and these lstats were about half of it on one thread.
 */
import { lstatSync } from "node:fs";
import { Worker } from "node:worker_threads";

const WORKER = new URL("./folder-stats-worker.mjs", import.meta.url);
/** Below this many folders, starting a worker costs more than it takes over. */
const MIN_PARALLEL = 8_000;

/**
 * `rels`: folders below `root` ("/"-separated); `stats`: per folder the [ino, mtimeMs, ctimeMs]
 * the scan found. Per folder, 1 when it is a folder with that inode and both times, and one of
 * them is older than `settled` (a later change would set both to a later clock: see
 * folder-listing.ts); else 0.
 */
export async function unchangedFolders(
  root: string,
  rels: readonly string[],
  stats: Float64Array,
  settled: number,
): Promise<Uint8Array> {
  const half = rels.length < MIN_PARALLEL ? rels.length : Math.ceil(rels.length / 2);
  const other =
    half < rels.length ? checkedElsewhere(root, rels.slice(half), stats.slice(3 * half), settled) : undefined;
  const flags = new Uint8Array(rels.length);
  for (let i = 0; i < half; i++) flags[i] = unchanged(`${root}/${rels[i]}`, stats, i, settled);
  if (other) {
    try {
      flags.set(await other, half);
    } catch {
      // The worker failed: this thread checks its share too.
      for (let i = half; i < rels.length; i++) flags[i] = unchanged(`${root}/${rels[i]}`, stats, i, settled);
    }
  }
  return flags;
}

function unchanged(abs: string, stats: Float64Array, i: number, settled: number): 0 | 1 {
  const now = lstatSync(abs, { throwIfNoEntry: false });
  const mtimeMs = stats[3 * i + 1];
  const ctimeMs = stats[3 * i + 2];
  return now?.isDirectory() &&
    now.ino === stats[3 * i] &&
    now.mtimeMs === mtimeMs &&
    now.ctimeMs === ctimeMs &&
    Math.min(mtimeMs, ctimeMs) < settled
    ? 1
    : 0;
}

function checkedElsewhere(
  root: string,
  rels: string[],
  stats: Float64Array,
  settled: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Plain JavaScript: started without tsx's loader, in milliseconds.
    const worker = new Worker(WORKER, { workerData: { root, rels, stats, settled }, execArgv: [] });
    worker.once("message", (flags: Uint8Array) => resolve(flags));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`folder stat worker exited with ${code}`)));
  });
}
