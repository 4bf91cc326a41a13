/**
 * The spare scan's listing (spare-scan.ts) and the worker that made it once it posted it: the
 * worker stays to list the staging folder made of the spare folder for the manifest, with this
 * thread taking a share of the folders' lstats while it waits, and to write the record of what it
 * listed (spare-records.ts).
 */
import type { Worker } from "node:worker_threads";
import type { RecordAhead, RecordWriter } from "./spare-records.ts";
import {
  CHUNK,
  checkChunk,
  foldersToCheck,
  type ChangedFolders,
  type FolderChecks,
} from "./changed-folders.mjs";
// folder-listing.ts's window (SETTLED_MS), taken from where it is set: that file reads this one's listing.
import { RECENT_MS } from "../../content/record-cache.ts";

/** The longest the cache's save waits for the worker's record before it writes the record itself. */
const RECORD_WAIT_MS = 5000;

/**
 * Entries below the spare folder: "/"-separated paths, kinds (0 file, 1 folder, 2 other), per
 * entry [ino, size, mtimeMs] (a file) or [ino, mtimeMs, ctimeMs] (a folder, taken before it was
 * read); `ends`: per folder, the index after the last entry below it (0 for other entries; as
 * folder-listing.ts `subtreeEnds` works it out when absent); `started`: the clock (epoch ms)
 * before the first folder's lstat.
 */
export interface SpareListing {
  paths: string[];
  kinds: Uint8Array;
  stats: Float64Array;
  ends?: Int32Array;
  started: number;
  /** With the output's record (spare-records.ts): its folders taken as recorded / read. */
  recorded?: { trusted: number; read: number };
  /** The worker that made it, kept to list the staging folder made of it (undefined when gone). */
  lister?: FolderLister;
}

/**
 * The spare scan's worker once it posted its listing: it lists the staging folder made of the
 * spare folder for the manifest (changed-folders.mjs) on its own thread, from the listing it
 * holds, so that the main thread neither lstats ~81k folders nor walks ~200k entries (at 50k
 * items), and receives only typed arrays and the paths of entries new since the scan; then it
 * writes the record of what it listed (spare-records.ts). It holds the process only while a
 * listing is asked for.
 */
export class FolderLister implements RecordWriter {
  private gone = false;
  /** Folders this thread checked for the listings it asked for (`help`). */
  checkedHere = 0;

  /**
   * `scan`: the listing the worker posted, with which this thread takes a share of the folders'
   * lstats while it waits (without it, the worker takes them all).
   */
  constructor(
    private readonly worker: Worker,
    private readonly scan?: Pick<SpareListing, "paths" | "kinds" | "stats" | "ends" | "started">,
  ) {
    // A failure while no listing is asked for is found by the next ask (or never: the manifest
    // then lists on the main thread); unheard, it would throw in the main thread.
    worker.on("error", () => {});
    worker.once("exit", () => (this.gone = true));
    worker.unref();
  }

  /**
   * Has the worker write the record of the parts it listed to `file`; the main thread waits for
   * it only at the cache's save (by then it is written: ~0.1 s at 50k items, while the output is
   * published), at most RECORD_WAIT_MS.
   */
  writeRecord(file: string, rootIno: number): RecordAhead {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    this.worker.postMessage({ record: { file, rootIno, flag: flag.buffer } });
    return {
      file,
      wait: () => {
        if (!this.gone) Atomics.wait(flag, 0, 0, RECORD_WAIT_MS);
        return Atomics.load(flag, 0) === 1;
      },
    };
  }

  /** `root` (the staging folder) without the top-level entries named in `skip`; rejects when the worker fails. */
  list(root: string, skip?: ReadonlySet<string>): Promise<ChangedFolders> {
    const { worker } = this;
    // An ended worker answers nothing, and would hold nothing: the wait would never settle.
    if (this.gone) return Promise.reject(new Error("spare scan worker is gone"));
    return new Promise((resolve, reject) => {
      const done = () => {
        worker.off("message", answered);
        worker.off("error", failed);
        worker.off("exit", failed);
        worker.unref();
      };
      const answered = (result: ChangedFolders | { error: string }) => {
        done();
        if ("error" in result) reject(new Error(result.error));
        else resolve(result);
      };
      const failed = (err: unknown) => {
        done();
        reject(err instanceof Error ? err : new Error(`spare scan worker exited (${String(err)})`));
      };
      worker.ref();
      worker.on("message", answered);
      worker.once("error", failed);
      worker.once("exit", failed);
      const help = this.helpFor(skip);
      // The clock before any of the folders' lstats (changed-folders.mjs `listChanged`).
      const started = Date.now();
      // The first chunk is this thread's, taken before the worker can take one.
      const first = help && Atomics.add(help.counters, 0, 1);
      worker.postMessage({ root, skip: skip && [...skip], help: help && { ...help, started } });
      if (help) void this.help(root, help, first!);
    });
  }

  /** The folders' checks to share for a listing without `skip` (undefined: the worker does them all). */
  private helpFor(skip: ReadonlySet<string> | undefined): FolderChecks | undefined {
    const { scan } = this;
    if (scan?.ends === undefined || scan.ends.length !== scan.paths.length) return undefined;
    const todo = foldersToCheck({ ...scan, ends: scan.ends }, skip);
    if (todo.length < 2 * CHUNK) return undefined;
    return {
      todo,
      flags: new Uint8Array(new SharedArrayBuffer(scan.paths.length)),
      counters: new Int32Array(new SharedArrayBuffer(8)),
    };
  }

  /**
   * Takes chunks of the folders' checks while the worker does (it idles otherwise: at 50k items
   * the wait was ~0.3–1.5 s of a no-change build, behind nothing). A turn of the event loop
   * between chunks, for the search index's workers, whose messages the early part answers.
   */
  private async help(root: string, help: FolderChecks, first: number): Promise<void> {
    const scan = this.scan!;
    let chunk = first;
    while (!this.gone && checkChunk(root, scan, help, RECENT_MS, chunk)) {
      this.checkedHere += Math.min(CHUNK, help.todo.length - chunk * CHUNK);
      await new Promise<void>((resolve) => setImmediate(resolve));
      chunk = Atomics.add(help.counters, 0, 1);
    }
  }

  /** Stops the worker (the manifest listed the folder, or the build ends). */
  close(): void {
    void this.worker.terminate();
  }
}
