/**
 * The spare output folder (spare.ts) made at the end of a build that leaves none: the build that
 * filled the cache (nothing was published before it, so nothing became the spare folder). Without
 * it the next build, the one an operator runs after editing a file, made the folder itself from the
 * published output (spare-scan.ts: a readdir and an lstat per folder and file, ~2.3 s of a worker's
 * CPU at 50k items, ~1 s of it waited for on the main thread). Made here from what this build knows
 * (the manifest's paths and SHA-256s, the blobs named by them), it is a link per file and a folder
 * per folder, on a worker thread while this thread saves the cache; the cache's lock is kept until
 * it is done, since the spare folder only ever changes under that lock.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { MANIFEST_FILE } from "../manifest.ts";
// The window folder-listing.ts waits out before it trusts a folder's times (SETTLED_MS).
import { RECENT_MS } from "../../content/record-cache.ts";

const WORKER = new URL("./spare-from-blobs-worker.mjs", import.meta.url);

export class SpareFromBlobs {
  private constructor(
    private readonly worker: Worker,
    private readonly root: string,
    /** True once `spare/` is made; false when the worker failed (the next build copies the output itself). */
    readonly done: Promise<boolean>,
  ) {}

  /**
   * Starts making `cacheDir`'s spare folder from its blobs and the manifest of `published` (the
   * output this build just published); undefined when there is a spare folder already, no manifest,
   * or the output is on another filesystem.
   * The caller holds the cache's lock until `done`.
   */
  static start(cacheDir: string, published: string): SpareFromBlobs | undefined {
    const root = path.join(cacheDir, "spare");
    const manifest = path.join(published, MANIFEST_FILE);
    if (existsSync(root) || !existsSync(manifest)) return undefined;
    // The next build renames it beside the output: on another filesystem it could only be removed.
    if (statSync(cacheDir).dev !== statSync(path.dirname(published)).dev) return undefined;
    const partial = `${root}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const worker = new Worker(WORKER, {
      workerData: { manifest, blobs: path.join(cacheDir, "blobs"), partial, root, settledMs: RECENT_MS },
    });
    const done = new Promise<boolean>((resolve) => {
      const failed = () => {
        rmSync(partial, { recursive: true, force: true });
        resolve(false);
      };
      worker.once("message", () => resolve(true));
      worker.once("error", failed);
      worker.once("exit", failed);
    });
    return new SpareFromBlobs(worker, root, done);
  }

  /** The build will not keep it (its cache was not saved): stops the worker and removes what it made. */
  async stop(): Promise<void> {
    await this.worker.terminate();
    if (await this.done) rmSync(this.root, { recursive: true, force: true });
  }
}
