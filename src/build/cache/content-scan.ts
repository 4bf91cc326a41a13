/**
 * With the record store, a one-edit build reads only the changed files, but it still lists
 * content/ and stats every file to find them: at 50k items ~1.5 s of the main thread in
 * load+validate. The listing is taken first and the stats on a worker thread while the main
 * thread opens the record store (src/build/cache/records.ts), so load+validate finds them taken.
 *
 * A stat taken a moment earlier is what a build started a moment earlier would have seen: the
 * record cache compares it as always (and a file modified in the last two seconds by its bytes,
 * src/content/record-cache.ts). A file the worker could not stat is stat'ed again by the build.
 */
import { Worker } from "node:worker_threads";
import type { PreparedFiles } from "../../content/loader.ts";
import type { FileStamp } from "../../content/record-cache.ts";
import { listContentFiles } from "../../content/walk.ts";

const WORKER = new URL("./content-scan-worker.mjs", import.meta.url);

/**
 * Lists `contentDir` now and stats its files on another thread, for the loader (undefined when
 * the folder cannot be listed: the loader lists it again and reports why, as without the scan).
 */
export function scanContent(contentDir: string): Promise<PreparedFiles | undefined> {
  let listing: PreparedFiles["listing"];
  try {
    listing = listContentFiles(contentDir);
  } catch {
    return Promise.resolve(undefined);
  }
  const paths = listing.files.map((f) => f.abs);
  const unscanned: PreparedFiles = { listing, result: () => undefined };
  return new Promise<PreparedFiles | undefined>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: { paths } });
    } catch {
      return resolve(unscanned);
    }
    worker.once("message", (stats: Float64Array) => {
      void worker.terminate();
      resolve({
        listing,
        result: () => undefined,
        stat(index): FileStamp | undefined {
          const mtimeMs = stats[3 * index];
          return Number.isNaN(mtimeMs)
            ? undefined
            : { mtimeMs, size: stats[3 * index + 1], ino: stats[3 * index + 2] };
        },
      });
    });
    worker.once("error", () => resolve(unscanned));
    worker.once("exit", () => resolve(unscanned));
  });
}
