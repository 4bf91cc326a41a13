/**
 * The saves `npm start` could miss while it starts. The first build does not wait for the file
 * watcher (chokidar takes seconds to watch 50k files, on the thread the build needs), so a file
 * saved after the build read it but before the watcher was ready would be seen by neither. Once
 * both are done, one pass finds them: a content file whose stat is not the one its record was
 * read with (src/content/record-cache.ts), or that appeared or went; any other file (media,
 * files that do not belong in content/) changed since the build began. Anything changed after
 * this pass, the ready watcher reports. (A media file deleted in that window stays in the
 * output until the next build.)
 */
import { lstatSync } from "node:fs";
import path from "node:path";
import { listContentFiles } from "../content/walk.ts";
import { stampFrom } from "../content/record-cache.ts";

/** How each content file was when its record was read. */
export type ReadStamps = ReadonlyMap<string, { mtimeMs: number; size: number; ino: number }>;

/** File change times come from the kernel's coarse clock: a save just after `sinceMs` may read a little earlier. */
const SLACK_MS = 1000;

/**
 * Paths under `contentDir` (relative, forward slashes) changed since they were read (`read`,
 * when the first build succeeded) or since `sinceMs`.
 */
export function missedChanges(
  contentDir: string,
  read: ReadStamps | undefined,
  sinceMs: number,
): Set<string> {
  const changed = new Set<string>();
  const stat = (abs: string) => {
    try {
      return lstatSync(abs);
    } catch {
      return undefined;
    }
  };
  const { files, strays, specials } = listContentFiles(contentDir);
  const others = [...strays, ...specials];
  // No records (the first build failed): content files by their change time too.
  if (!read) others.push(...files);
  const unseen = new Set(read?.keys());
  for (const { abs, rel } of read ? files : []) {
    unseen.delete(abs);
    const was = read?.get(abs);
    const st = stat(abs);
    // As the record cache stamps it: the later of mtime and ctime.
    const now = st && stampFrom(st);
    if (!was || !now || now.mtimeMs !== was.mtimeMs || now.size !== was.size || now.ino !== was.ino)
      changed.add(rel);
  }
  for (const abs of unseen) changed.add(path.relative(contentDir, abs).split(path.sep).join("/"));
  try {
    const media = listContentFiles(path.join(contentDir, "media"));
    others.push(...media.files, ...media.strays);
  } catch {
    // no media folder
  }
  for (const { abs } of others)
    if ((stat(abs)?.ctimeMs ?? Infinity) >= sinceMs - SLACK_MS)
      changed.add(path.relative(contentDir, abs).split(path.sep).join("/"));
  return changed;
}
