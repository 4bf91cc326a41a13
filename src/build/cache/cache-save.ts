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
