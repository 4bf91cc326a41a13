/**
 * With the record store, a one-edit build reads only the changed files, but it still lists
 * content/ and stats every file to find them: at 50k items ~1.5 s of the main thread in
 * load+validate. Both are done on a worker thread while the main thread opens the record store
 * (src/build/cache/records.ts), so load+validate finds them done: the walk (~0.1–0.3 s of the
 * main thread at 50k items, with a clone of every path to send to the worker) runs there too,
 * with the loader's own rules (src/content/walk-list.mjs); the same walk gives content/media's
 * files, so the media index does not list that folder again, and its SVGs are stat'ed there too
 * (the media check compares each with its kept verdict, src/media/media-checks.ts).
 *
 * A listing and a stat taken a moment earlier are what a build started a moment earlier would
 * have seen: the record cache compares the stat as always (and a file modified in the last two
 * seconds by its bytes, src/content/record-cache.ts). A file the worker could not stat is stat'ed
 * again by the build; a worker that fails leaves the listing to this thread, as before.
 */
import { Worker } from "node:worker_threads";
import type { ListedMedia, PreparedFiles } from "../../content/loader.ts";
import type { FileStamp } from "../../content/record-cache.ts";
import { listContentFiles, type ContentFile, type SpecialFile } from "../../content/walk.ts";

const WORKER = new URL("./content-scan-worker.mjs", import.meta.url);

/**
 * A stored record takes at least ~1 KB of the record store (1.3 KB in the synthetic corpus, whose
 * bodies are short), so a store smaller than this many bytes a file holds fewer files.
 */
const STORE_BYTES_PER_FILE = 1024;

/**
 * Whether the scan pays on a worker, for a site whose record store has `storeBytes`: a small
 * site's own walk on the main thread (~10 ms for 1k files) costs less than waiting for a worker
 * to start (50–200 ms a site, over 3 s summed in a 20-site platform at load). `minFiles` is the
 * build's own rule for reading files on workers (src/build/parallel/settings.ts).
 */
export const scanOnWorker = (storeBytes: number, minFiles: number): boolean =>
  storeBytes >= minFiles * STORE_BYTES_PER_FILE;

/** What the worker posts (content-scan-worker.mjs). */
type Scanned =
  | { unlisted: true }
  | {
      unlisted?: undefined;
      abs: string;
      rel: string;
      count: number;
      strays: ContentFile[];
      specials: SpecialFile[];
      stats: Float64Array;
      media: string;
      mediaCount: number;
      svgs: string;
      svgStats: Float64Array;
    };

/** The listing here, with no stats (undefined when the folder cannot be listed: the loader reports why). */
function listedHere(contentDir: string): PreparedFiles | undefined {
  try {
    return { listing: listContentFiles(contentDir), result: () => undefined };
  } catch {
    return undefined;
  }
}

/** The stamp at `index` of stats the worker took (undefined where its stat failed). */
function stampAt(stats: Float64Array, index: number): FileStamp | undefined {
  const mtimeMs = stats[3 * index];
  return Number.isNaN(mtimeMs)
    ? undefined
    : { mtimeMs, size: stats[3 * index + 1], ino: stats[3 * index + 2] };
}

/** content/media as the worker listed it, with its SVGs' stats (undefined when malformed: listed again). */
function mediaOf(scanned: Exclude<Scanned, { unlisted: true }>): ListedMedia | undefined {
  const files = scanned.mediaCount ? scanned.media.split("\0") : [];
  const svgs = scanned.svgs ? scanned.svgs.split("\0") : [];
  if (files.length !== scanned.mediaCount || scanned.svgStats.length !== 3 * svgs.length) return undefined;
  const svgIndex = new Map(svgs.map((url, i) => [url, i]));
  const { svgStats } = scanned;
  return {
    files,
    stat(url) {
      const i = svgIndex.get(url);
      return i === undefined ? undefined : stampAt(svgStats, i);
    },
  };
}

/** The worker's listing as the loader takes it: one `{ abs, rel }` per file, in the walk's order. */
function listingOf(scanned: Exclude<Scanned, { unlisted: true }>): PreparedFiles["listing"] | undefined {
  const abs = scanned.count ? scanned.abs.split("\0") : [];
  const rel = scanned.count ? scanned.rel.split("\0") : [];
  if (abs.length !== scanned.count || rel.length !== scanned.count) return undefined;
  const files = new Array<ContentFile>(scanned.count);
  for (let i = 0; i < files.length; i++) files[i] = { abs: abs[i], rel: rel[i] };
  return { files, strays: scanned.strays, specials: scanned.specials };
}

/**
 * Lists `contentDir` and stats its files on another thread, for the loader (undefined when the
 * folder cannot be listed: the loader lists it again and reports why, as without the scan).
 */
export function scanContent(contentDir: string): Promise<PreparedFiles | undefined> {
  return new Promise<PreparedFiles | undefined>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { workerData: { contentDir } });
    } catch {
      return resolve(listedHere(contentDir));
    }
    let settled = false;
    worker.once("message", (scanned: Scanned) => {
      settled = true;
      void worker.terminate();
      if (scanned.unlisted) return resolve(undefined);
      const listing = listingOf(scanned);
      if (!listing) return resolve(listedHere(contentDir));
      const { stats } = scanned;
      resolve({
        listing,
        result: () => undefined,
        stat: (index) => stampAt(stats, index),
        media: mediaOf(scanned),
      });
    });
    const failed = () => {
      if (settled) return;
      settled = true;
      resolve(listedHere(contentDir));
    };
    worker.once("error", failed);
    worker.once("exit", failed);
  });
}
