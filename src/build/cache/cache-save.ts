/**
 * The end of a build with the cache: the record store first (when the build's records are its
 * own, not a dev server's), then the index, stamped with the store's generation on disk
 * (interpretation-reads.ts: the next build takes the 解读 maps' reads by it). The index is saved
 * even if the store fails, without a stamp, and the store's error is thrown after it.
 */
import type { AnyTypeSpec } from "../../content-types/spec.ts";
import type { RecordCache } from "../../content/record-cache.ts";
import { sinceOf } from "./generation.ts";
import { recordStoreStale, saveRecordStore } from "./record-store-save.ts";
import type { CacheSession } from "./session.ts";
import { SpareFromBlobs } from "./spare-from-blobs.ts";
import { dropLock } from "./store.ts";

/** `records`: the record cache the build opened from the store in the cache folder, if any. */
export function saveCache(
  session: CacheSession,
  keepLock: boolean,
  records: RecordCache | undefined,
  types: readonly AnyTypeSpec[],
): void {
  let gen: string | undefined;
  let failed: Error | undefined;
  if (records)
    try {
      // Unchanged (no file read or forgotten): the store on disk already says the same.
      gen = recordStoreStale(records)
        ? saveRecordStore(session.cache.dir, records, types, (r) => session.digests.known(r))
        : sinceOf(records)?.gen;
    } catch (err) {
      failed = err instanceof Error ? err : new Error(String(err));
      gen = undefined;
    }
  session.save(keepLock, gen);
  if (failed !== undefined) throw failed;
}

export interface SaveAfterPublish {
  /** The build cache folder, absolute. */
  cacheDir: string;
  /** The folder just published (its spare copy is made from the blobs when there was none). */
  target: string;
  /** A platform's site: the platform's publish makes the spare folder (src/platform/build.ts). */
  inPlatform?: boolean;
  records: RecordCache | undefined;
  types: readonly AnyTypeSpec[];
}

/**
 * The site is published: a cache that cannot be written only makes the next build slower, so a
 * failure is said and the build still succeeds.
 */
export async function saveAfterPublish(session: CacheSession, to: SaveAfterPublish): Promise<void> {
  let spare: SpareFromBlobs | undefined;
  try {
    // Nothing became the spare folder (nothing was published before): made meanwhile, under the lock.
    if (!to.inPlatform) spare = SpareFromBlobs.start(to.cacheDir, to.target);
    saveCache(session, spare !== undefined, to.records, to.types);
  } catch (err) {
    await spare?.stop();
    session.release();
    console.error(`构建缓存未能保存（下次构建将重新生成全部页面）：${(err as Error).message}`);
    return;
  }
  if (spare) {
    await spare.done;
    dropLock(to.cacheDir);
  }
}
