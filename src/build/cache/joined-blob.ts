/**
 * A record the search index keeps beside its joined files as a JSON blob (the join's `#join`, the
 * proofs' `#proof`, the columns' `#columns`): read back as the cached build wrote it, or undefined
 * when it has none or the blob is gone or unreadable (a cache of other code); the caller checks its shape.
 */
import type { BuildCache } from "./store.ts";

export function readJoinedBlob<T>(cache: BuildCache, name: string): Partial<T> | undefined {
  const sha256 = cache.joinedFile(name)?.[1];
  const blob = sha256 === undefined ? undefined : cache.read(sha256);
  try {
    return blob && (JSON.parse(blob.toString("utf8")) as Partial<T>);
  } catch {
    return undefined;
  }
}

/** Keeps `value` under `name` for the next build. */
export function storeJoinedBlob(cache: BuildCache, name: string, value: unknown): void {
  const sha256 = cache.storeBytes(Buffer.from(JSON.stringify(value)));
  cache.setJoinedFile(name, [sha256, sha256]);
}
