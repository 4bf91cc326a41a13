/**
 * The media sources' lstats, taken on a worker thread while the pages render: at 50k items a
 * one-edit build took ~14k lstats (~0.14 s of CPU) on the main thread in its media step, to find
 * that no media file had changed. The step places a file from its blob (media.ts) without
 * reading its source when the worker found a regular file with the stat the cache recorded;
 * any other file (changed, new, not a regular file, or the worker failed) is checked on the main
 * thread right before it is copied, as without the scan. A stat taken a moment before the step is
 * what a build started a moment earlier would have seen; the source is never read through a link.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";

const WORKER = new URL("./media-scan-worker.mjs", import.meta.url);
/**
 * Fewer media files than this are stat'ed on the main thread in the step: starting the worker costs
 * ~50–80 ms (a platform's small sites paid it each, ~1.5 s in a one-edit build of 20 sites), as
 * much as ~5k lstats (~10 µs each).
 */
export const WORKER_FROM = 4000;

/** A media source's stat as the worker found it: a regular file's, or undefined (check it here). */
export type MediaStat = { size: number; mtimeMs: number; ino: number } | undefined;

export class MediaScan {
  private constructor(
    private readonly urls: readonly string[],
    private readonly stats: Promise<Float64Array | undefined>,
  ) {}

  /** Starts the lstats of `urls` (site paths under /media/) below `contentDir`; undefined for a few. */
  static start(contentDir: string, urls: readonly string[], workerFrom = WORKER_FROM): MediaScan | undefined {
    if (urls.length === 0 || urls.length < workerFrom) return undefined;
    const paths = urls.map((url) => path.join(contentDir, url.slice(1)));
    const stats = new Promise<Float64Array | undefined>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER, { workerData: { paths } });
      } catch {
        return resolve(undefined);
      }
      worker.once("message", (found: Float64Array) => {
        void worker.terminate();
        resolve(found);
      });
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
    return new MediaScan(urls, stats);
  }

  /** The stats in the order of `urls`, when they are the urls the scan was started with; else undefined. */
  async statsOf(urls: readonly string[]): Promise<((index: number) => MediaStat) | undefined> {
    if (urls !== this.urls) return undefined;
    const stats = await this.stats;
    if (stats === undefined) return undefined;
    return (i) =>
      stats[4 * i] === 1
        ? { size: stats[4 * i + 1], mtimeMs: stats[4 * i + 2], ino: stats[4 * i + 3] }
        : undefined;
  }
}
