/**
 * Lists the spare output folder (spare.ts) on another thread while the build loads and
 * validates its content: at 50k items the folder holds ~116k files, and listing them with an
 * lstat each took seconds of a one-edit build's critical path while the second core idled
 * (with the record store, load+validate reads only the changed files, on one thread).
 *
 * The listing stays true until the build adopts the folder because the spare folder only ever
 * changes under the cache's lock (a build renames it into its staging folder, and its replaced
 * output into it, between opening and saving the cache), and the scan takes that lock first.
 * A build that stops before it opens the cache lets go of it (`abandon`). When the worker fails,
 * the build lists the folder itself as before.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { dropLock, takeLock } from "./store.ts";

const WORKER = new URL("./spare-scan-worker.mjs", import.meta.url);

/**
 * Entries below the spare folder: "/"-separated paths, kinds (0 file, 1 folder, 2 other), per
 * entry [ino, size, mtimeMs] (a file) or [ino, mtimeMs, ctimeMs] (a folder, taken before it was
 * read); `started`: the clock (epoch ms) before the first folder's lstat.
 */
export interface SpareListing {
  paths: string[];
  kinds: Uint8Array;
  stats: Float64Array;
  started: number;
}

export class SpareScan {
  private constructor(
    private readonly cacheDir: string,
    private readonly worker: Worker,
    /** The listing, or undefined when the worker failed. */
    readonly listing: Promise<SpareListing | undefined>,
  ) {}

  /**
   * Starts listing `cacheDir`'s spare folder when there is one and this process can take the
   * cache's lock (held from now on); undefined otherwise.
   */
  static start(cacheDir: string): SpareScan | undefined {
    const spare = path.join(cacheDir, "spare");
    if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG")) || !existsSync(spare)) return undefined;
    if (takeLock(cacheDir) !== undefined) return undefined;
    const worker = new Worker(WORKER, { workerData: { root: spare } });
    const listing = new Promise<SpareListing | undefined>((resolve) => {
      worker.once("message", (result: SpareListing) => resolve(result));
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
    return new SpareScan(cacheDir, worker, listing);
  }

  /** The build will not adopt the folder (it did not start from it): stops the worker. */
  dispose(): void {
    void this.worker.terminate();
  }

  /** The build stopped before opening the cache: stops the worker and lets go of the lock. */
  abandon(): void {
    this.dispose();
    dropLock(this.cacheDir);
  }
}
