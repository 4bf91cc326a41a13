/**
 * Saving the build cache's index (store.ts `save`): the blobs the new index uses, the index
 * written atomically, and the blobs no index uses removed.
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { INDEX_FILE, isSha256, writeIndex, type Index, type NewIndex } from "./index-file.ts";
import { usedBlobRows } from "./index-blobs.ts";
import type { UsedBlobs } from "./used-blobs.ts";

/**
 * Makes `next.blobs` the blobs `next` uses (its pages, its joined search files, its shards): adds
 * those this build did not place, check or store, with their stats in `previous`, and drops the
 * `checked` (blobs this build checked or stored, not placed as an output file's bytes) that it
 * does not use. No set of every used blob is made (~110k SHA-256s at 50k items): nearly all are
 * in `next.blobs` already, and a lookup there is all they need.
 */
export function keepUsedBlobs(next: NewIndex, previous: Index, checked: ReadonlySet<string>): void {
  const { blobs } = next;
  const hit = new Set<string>();
  // Indexed loops: a destructuring `for … of` made an iterator result per pair.
  const use = (sha256: string): void => {
    if (checked.has(sha256)) hit.add(sha256);
    if (blobs.has(sha256)) return;
    const known = previous.blobs.get(sha256);
    if (known) blobs.set(sha256, known);
  };
  const { sha256s } = next.pages;
  for (let i = 0; i < sha256s.length; i++) use(sha256s[i]);
  for (const rel in next.joined) use(next.joined[rel][1]);
  for (const key in next.shards) {
    const files = next.shards[key];
    for (let i = 0; i < files.length; i++) use(files[i][1]);
  }
  for (const sha256 of checked) if (!hit.has(sha256)) blobs.delete(sha256);
}

/**
 * Writes `next` as the cache's index (atomically: written beside it, then renamed over it);
 * returns the rows carried (column-carry.ts) and the previous index's blobs it no longer lists.
 * `stored`: the blobs this build stored (index-blobs.ts); `readsFrom`: index-file.ts `writeIndex`.
 */
export function writeIndexFile(
  dir: string,
  next: Index & { blobs: UsedBlobs },
  previous: Index,
  stored: Iterable<string>,
  readsFrom?: Int32Array,
): { carried: number | undefined; gone: string[] } {
  const file = path.join(dir, INDEX_FILE);
  const blobs = usedBlobRows(next.blobs, previous.blobRows, stored);
  const carried = writeIndex(`${file}.tmp`, next, previous.pages, previous, { blobs, readsFrom });
  renameSync(`${file}.tmp`, file);
  rmSync(path.join(dir, "index.json"), { force: true }); // format 4's index, never read again
  return { carried, gone: blobs.gone };
}

/**
 * Removes the blobs not in `used` (the new index's): every blob in the folder when `all` (a failed
 * or killed build may have left blobs no index names), else only the `candidates` (the blobs the
 * previous index listed and the new one does not, and those this build stored: no listing of
 * ~100k blobs at 50k items). Called once the new index is in place: a crash before leaves the
 * previous index and its blobs as they were.
 */
export function sweepBlobs(
  dir: string,
  used: { has(sha256: string): boolean },
  all: boolean,
  candidates: Iterable<string>[],
  blobPath: (sha256: string) => string,
): void {
  const blobs = path.join(dir, "blobs");
  if (all) {
    for (const prefix of readdirSync(blobs))
      for (const name of readdirSync(path.join(blobs, prefix)))
        if (isSha256(name) && !used.has(name)) rmSync(path.join(blobs, prefix, name), { force: true });
    return;
  }
  for (const list of candidates)
    for (const sha256 of list) if (!used.has(sha256)) rmSync(blobPath(sha256), { force: true });
}
