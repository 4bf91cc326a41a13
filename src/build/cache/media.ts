/**
 * The media files with the build cache: each published file is a blob like a page, keyed by its
 * source file's size, mtime and inode. An unchanged file is placed from its blob, which in the
 * staging folder taken from the output before last (spare.ts) is the very file already there, so
 * at 50k items a one-edit build no longer removes 14k media files when it sorts that folder,
 * copies them all again and has the manifest read and hash them all again.
 *
 * A changed or new file is read once, hashed, written (the folder's file at its path removed
 * first: `claim`, never a copy onto a kept link, which would write through to the blob and the
 * published site) and stored. A file modified in the last two seconds is read every time, as the
 * record store does (records.ts): an edit within the mtime's resolution keeps its stat.
 */
import { lstatSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CacheSession } from "./session.ts";
import { sha256Of } from "./store.ts";
import { RECENT_MS, stampFrom, type FileStamp } from "../../content/record-cache.ts";

/** Younger than this, a file's stat does not vouch for its bytes. */
const SETTLED_MS = RECENT_MS;

/**
 * Index key of a media file: its source's stamp (record-cache.ts `stampFrom`: the time is the later
 * of mtime and ctime; the index is per build fingerprint already).
 */
const keyOf = (stat: FileStamp) => `media\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`;

/**
 * Places the media file `rel` at `to` from its blob when `checked` (its source's lstat, a regular
 * file's) is the stat the cache recorded for it and the file has settled; false otherwise (the
 * caller copies it: `placeMedia`).
 */
export function reuseMedia(session: CacheSession, rel: string, to: string, checked: FileStamp): boolean {
  const { cache, known, report } = session;
  // By its row in the cached index: no entry object per file (~14k at 50k items).
  const row = cache.pageRow(rel);
  const settled = Date.now() - checked.mtimeMs > SETTLED_MS;
  if (!settled || row === undefined || cache.rowKey(row) !== keyOf(checked)) return false;
  const sha256 = cache.rowSha256(row);
  if (!cache.place(sha256, to)) return false;
  cache.keepPage(rel, row);
  known.set(rel, sha256);
  report.mediaReused = (report.mediaReused ?? 0) + 1;
  return true;
}

/**
 * Publishes `url` (a site path under /media/) from `from` into `to`. `checked` is the source's
 * lstat, taken right before (a regular file: links are never followed).
 */
export function placeMedia(
  session: CacheSession,
  rel: string,
  from: string,
  to: string,
  checked: FileStamp,
): void {
  if (reuseMedia(session, rel, to, checked)) return;
  const { cache, known, report } = session;
  const key = keyOf(checked);
  const bytes = readFileSync(from);
  // Changed between the check and the read: the next build must not trust this stat for these bytes.
  const after = lstatSync(from, { throwIfNoEntry: false });
  const sha256 = sha256Of(bytes);
  if (!cache.claim(to, sha256)) {
    cache.folder(path.dirname(to));
    writeFileSync(to, bytes);
  }
  known.set(rel, sha256);
  cache.store(to, sha256);
  report.mediaStored = (report.mediaStored ?? 0) + 1;
  if (after?.isFile() && keyOf(stampFrom(after)) === key) cache.setPage(rel, { key, sha256, deps: [] });
}
