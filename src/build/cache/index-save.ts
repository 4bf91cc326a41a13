/**
 * Saving the build cache's index (store.ts `save`): the blobs the new index uses, the index
 * written atomically, and the blobs no index uses removed.
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { INDEX_FILE, isSha256, writeIndex, type Index } from "./index-file.ts";

/**
 * The blobs `next` uses (its pages, its joined search files, its shards), each with its stat:
 * those this build placed, checked or stored are in `next.blobs` already; the others are taken
 * from `previous`.
 */
export function usedBlobs(next: Index, previous: Index): Set<string> {
  const used = new Set<string>();
  // Most are in `next.blobs` already (placed, checked or stored by this build): only the others are
  // looked up. Indexed loops: ~110k SHA-256s at 50k items, where a destructuring `for … of` made an
  // iterator result per pair.
  const use = (sha256: string): void => {
    if (used.has(sha256)) return;
    used.add(sha256);
    if (next.blobs.has(sha256)) return;
    const known = previous.blobs.get(sha256);
    if (known) next.blobs.set(sha256, known);
  };
  const { sha256s } = next.pages;
  for (let i = 0; i < sha256s.length; i++) use(sha256s[i]);
  for (const rel in next.joined) use(next.joined[rel][1]);
  for (const key in next.shards) {
    const files = next.shards[key];
    for (let i = 0; i < files.length; i++) use(files[i][1]);
  }
  return used;
}

/** Writes `next` as the cache's index (atomically); returns the rows carried (column-carry.ts). */
export function writeIndexFile(dir: string, next: Index, previous: Index): number | undefined {
  const file = path.join(dir, INDEX_FILE);
  const carried = writeIndex(`${file}.tmp`, next, previous.pages, previous);
  renameSync(`${file}.tmp`, file);
  rmSync(path.join(dir, "index.json"), { force: true }); // format 4's index, never read again
  return carried;
}

/**
 * Removes the blobs not in `used`: every blob in the folder when `all` (a failed or killed build
 * may have left blobs no index names), else only the `candidates` (the blobs the previous index
 * used and those this build stored: no listing of ~100k blobs at 50k items).
 */
export function sweepBlobs(
  dir: string,
  used: ReadonlySet<string>,
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
