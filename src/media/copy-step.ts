/**
 * Publishes the media files the build decided on (src/media/embargo.ts): each one checked again to
 * be a regular file right before it is copied (it may have been swapped for a link since the
 * check), so a link is never followed. Runs after each dev-server edit too: it copies what is
 * new or changed and removes what is no longer published from the served folder.
 */
import { copyFileSync, lstatSync, mkdirSync, rmSync } from "node:fs";
import { treeEntries } from "../content/tree-entries.mjs";
import path from "node:path";
import type { BuildStep } from "../build/steps.ts";
import { ContentError } from "../problems/problems.ts";
import { contentFolderName } from "../content/content-folder.ts";
import { sessionOf } from "../build/cache/session.ts";
import { placeMedia, reuseMedia } from "../build/cache/media.ts";
import { stampFrom, type FileStamp } from "../content/record-cache.ts";

/**
 * Places one checked media file (`rel` under `outDir`) some other way than by copying: from the
 * build cache (src/build/cache/media.ts).
 */
export type PlaceMedia = (rel: string, from: string, to: string, checked: FileStamp) => void;

/**
 * Places the `index`th media file (`rel` at `to`) before its source is checked here, from what
 * was found of it already (the build cache's stat taken on a worker, src/build/cache/media-scan.ts);
 * false when it must be checked and placed as any other.
 */
export type PlaceChecked = (index: number, rel: string, to: string) => boolean;

export function copyMedia(
  contentDir: string,
  outDir: string,
  urls: readonly string[],
  place?: PlaceMedia,
  placeChecked?: PlaceChecked,
): void {
  const wanted = new Set(urls);
  const target = path.join(outDir, "media");
  // With the cache, the staging folder holds only what this build claims (src/build/cache/spare.ts).
  if (!place && lstatSync(target, { throwIfNoEntry: false })?.isDirectory()) {
    for (const entry of treeEntries(target)) {
      if (entry.isDirectory()) continue;
      const abs = path.join(entry.parentPath, entry.name);
      if (!wanted.has(`/${path.relative(outDir, abs).split(path.sep).join("/")}`))
        rmSync(abs, { force: true });
    }
  }
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i];
    const to = path.join(outDir, url.slice(1));
    if (placeChecked?.(i, url.slice(1), to)) continue;
    const from = path.join(contentDir, url.slice(1));
    const source = lstatSync(from, { throwIfNoEntry: false });
    if (!source?.isFile()) {
      throw new ContentError([
        {
          severity: "error",
          file: `${contentFolderName(contentDir)}${url}`,
          message: source ? "检查后被换成了符号链接或特殊文件，未发布" : "检查后被删除，未发布",
        },
      ]);
    }
    // Its time the later of mtime and ctime: an edit whose mtime was put back still moves it.
    const stamp = stampFrom(source);
    if (place) {
      place(url.slice(1), from, to, stamp);
      continue;
    }
    const copied = lstatSync(to, { throwIfNoEntry: false });
    if (copied?.isFile() && copied.size === stamp.size && copied.mtimeMs >= stamp.mtimeMs) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    // Never copied onto the old file: it may be a hard link of a build-cache blob (the dev
    // server copies into the published folder), and writing through it would change the blob.
    if (copied) rmSync(to, { force: true });
    copyFileSync(from, to);
  }
}

export const mediaStep: BuildStep = {
  name: "media",
  outputs: (state) => state.media,
  onEdit: true,
  run: async (state, outDir) => {
    const session = sessionOf(state);
    const place: PlaceMedia | undefined =
      session && ((rel, from, to, checked) => placeMedia(session, rel, from, to, checked));
    const scanned = await session?.mediaScan?.statsOf(state.media);
    const placeChecked: PlaceChecked | undefined =
      session &&
      scanned &&
      ((index, rel, to) => {
        const stat = scanned(index);
        return stat !== undefined && reuseMedia(session, rel, to, stat);
      });
    copyMedia(state.options.contentDir, outDir, state.media, place, placeChecked);
  },
};
