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
 *
 * Without a spare folder (the build after the one that filled the cache: nothing was published
 * before it), the worker makes one from the published output, its folders made again and its
 * files hard-linked, while the build loads its content. The published output stays as it is: the
 * build removes every copied file that is not a blob's link at once, and any other before writing
 * to its path (spare.ts), as it does with a spare folder. Then that build costs what the next
 * ones do: at 50k items it placed ~100k files by a link each and read every folder again for the
 * manifest on its own thread.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { dropLock, takeLock } from "./store.ts";
import { isGongkaiOutput, OUTPUT_MARKER } from "../output-guard.ts";
import { recordFileOf } from "./spare-records.ts";
import { FolderLister, type SpareListing } from "./folder-lister.ts";
// folder-listing.ts's window (SETTLED_MS), taken from where it is set: that file reads this one's listing.
import { RECENT_MS } from "../../content/record-cache.ts";

export { FolderLister, type SpareListing };

const WORKER = new URL("./spare-scan-worker.mjs", import.meta.url);

export class SpareScan {
  /** The listing, or undefined when the worker failed or was stopped. */
  readonly listing: Promise<SpareListing | undefined>;
  /** `dispose` began to end the worker. */
  private stopping = false;

  private constructor(
    private readonly cacheDir: string,
    private readonly worker: Worker,
    partial: string,
  ) {
    this.listing = new Promise<SpareListing | undefined>((resolve) => {
      const failed = () => {
        rmSync(partial, { recursive: true, force: true });
        resolve(undefined);
      };
      worker.once("message", (result: SpareListing) => {
        worker.off("error", failed);
        worker.off("exit", failed);
        // A listing that arrives after `dispose` began to end the worker: no lister, whose
        // unref() would let the process's loop end before the worker does, leaving the build's
        // wait for that end unsettled (session 30's CI failures; 1 run in ~8 of incremental-random).
        if (this.stopping) return resolve(undefined);
        // From now on the worker's end is the lister's concern (the spare.partial it might have left is gone).
        resolve({ ...result, lister: new FolderLister(worker, result) });
      });
      worker.once("error", failed);
      worker.once("exit", failed);
    });
  }

  /**
   * Starts listing `cacheDir`'s spare folder when there is one, or making it from `published`
   * (the published output) when that is a Gongkai output folder, and this process can take the
   * cache's lock (held from now on); undefined otherwise.
   */
  static start(cacheDir: string, published?: string): SpareScan | undefined {
    const spare = path.join(cacheDir, "spare");
    const partial = `${spare}.partial`;
    if (!existsSync(path.join(cacheDir, "CACHEDIR.TAG"))) return undefined;
    const from = existsSync(spare) || published === undefined || !isFolder(published) ? undefined : published;
    if (from === undefined ? !existsSync(spare) : !isGongkaiOutput(from)) return undefined;
    if (takeLock(cacheDir) !== undefined) return undefined;
    // What a killed build was making: never taken as the spare folder.
    rmSync(partial, { recursive: true, force: true });
    // The listing its build kept of the folder (when it was published), to read only what changed since.
    const record = from === undefined ? recordFileOf(cacheDir, spare) : undefined;
    // Plain JavaScript: without the parent's `--import tsx`, whose module hooks a terminate during
    // its loading could wait on (a failed build's `abandon` never settled, 1 run in 3 of
    // test/perf/kept-generation with the fixtures of ci30).
    const worker = new Worker(WORKER, {
      execArgv: [],
      workerData: { root: spare, from, partial, marker: OUTPUT_MARKER, settledMs: RECENT_MS, record },
    });
    return new SpareScan(cacheDir, worker, partial);
  }

  /** The build will not adopt the folder (it did not start from it): stops the worker. */
  dispose(): Promise<unknown> {
    this.stopping = true;
    // Held again: a lister made before this unreferenced the worker, and its end is awaited here.
    this.worker.ref();
    return this.worker.terminate();
  }

  /** The build stopped before opening the cache: stops the worker, then lets go of the lock. */
  async abandon(): Promise<void> {
    await this.dispose();
    await this.listing;
    dropLock(this.cacheDir);
  }
}

function isFolder(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
}
