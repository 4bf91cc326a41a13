/**
 * The build cache's index (index-file.ts) read and parsed before the cache opens. The content
 * scan's stats reach a one-edit build's main thread after the record store is open, and the main
 * thread waited for them with nothing to do (load, 2 cores); the index's read and parse, which
 * needs neither the records nor the state, is done in that wait instead of in cache open
 * (src/build/build-site.ts). The same bytes, parsed by the same function, are used only while the
 * file still has the stat they were read under.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync, type Stats } from "node:fs";
import { CACHE_FORMAT } from "./fingerprint.ts";
import { indexOf, type Index } from "./index-file.ts";

/**
 * The index file read and parsed before the cache is opened (`readIndexEarly`), with the stat its
 * bytes were read under; the parse's outcome, to be given back as a read then would give it.
 */
let early: { file: string; stat: Stats; index: () => Index | undefined } | undefined;

/** Same file, same inode, size and times: the bytes a read now would give. */
const sameStat = (a: Stats, b: Stats): boolean =>
  a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/**
 * Reads and parses the index in `file` now, for `readIndex` to take when the cache opens: a
 * one-edit build does it while its main thread would wait for the content scan's stats
 * (src/build/build-site.ts), instead of after load+validate. Taken once, and only while the file
 * has the stat it was read under (nothing else writes it under the cache's lock; a save renames
 * a new file into place).
 */
export function readIndexEarly(file: string): void {
  early = undefined;
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return;
  }
  try {
    const stat = fstatSync(fd);
    const bytes = readFileSync(fd);
    let index: Index | undefined;
    let failed: Error | undefined;
    try {
      index = indexOf(bytes, CACHE_FORMAT);
    } catch (err) {
      failed = err instanceof Error ? err : new Error(String(err));
    }
    early = {
      file,
      stat,
      index: () => {
        if (failed !== undefined) throw failed;
        return index;
      },
    };
  } catch {
    // Not read: the cache reads it when it opens.
  } finally {
    closeSync(fd);
  }
}

/** The early read of `file`, if it is still the file's bytes (given once: `readIndex` takes it). */
export function takeEarlyIndex(file: string): { index: () => Index | undefined } | undefined {
  const read = early;
  early = undefined;
  if (read?.file !== file) return undefined;
  try {
    return sameStat(read.stat, statSync(file)) ? read : undefined;
  } catch {
    return undefined;
  }
}
