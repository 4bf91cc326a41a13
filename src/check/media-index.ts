/**
 * The files of content/media as the site will serve them (/media/…), listed once per check.
 * Editors often work on Windows or macOS, where A.pdf and a.pdf are the same file but the web
 * server tells them apart: names that differ only in case are reported.
 */
import { lstatSync } from "node:fs";
import { treeEntries } from "../content/tree-entries.mjs";
import path from "node:path";
import type { Problem } from "../problems/problems.ts";
import { type ListedMedia } from "../content/loader.ts";
import { contentFolderName } from "../content/content-folder.ts";
import { isPublishedMedia } from "../content/walk-list.mjs";
import type { FileStamp } from "../content/record-cache.ts";

export interface MediaIndex {
  /** Site paths of every file: /media/2025/a.pdf. */
  files: Set<string>;
  /** Lower-cased site path → the real one, to suggest the right case. */
  byLowerCase: Map<string, string>;
  problems: Problem[];
  /** The content folder as problems name it (src/content/loader.ts `contentFolderName`). */
  folder: string;
  /** An SVG's stat taken with the listing (the media check stats it when undefined). */
  stat?: (url: string) => FileStamp | undefined;
}

/**
 * `listed`: the folder as the content walk listed it with content/ (on the build's content scan
 * thread, src/build/cache/content-scan.ts), the same files in the same order: not listed again.
 */
export function indexMedia(contentDir: string, listed?: ListedMedia): MediaIndex {
  const files = new Set<string>();
  const byLowerCase = new Map<string, string>();
  const problems: Problem[] = [];
  const folder = contentFolderName(contentDir);
  if (listed) {
    indexFiles(listed.files, files, byLowerCase, problems, folder);
    return { files, byLowerCase, problems, folder, stat: listed.stat };
  }
  const root = path.join(contentDir, "media");
  // A media folder that is a link is reported by the content walk (src/content/walk.ts), and
  // links, devices and FIFOs inside it too: only regular files are indexed, so only they publish.
  // Hidden files (.DS_Store, Thumbs.db's cousins) are neither published nor reported.
  if (!lstatSync(root, { throwIfNoEntry: false })?.isDirectory())
    return { files, byLowerCase, problems, folder };
  // Listed from the resolved folder, every parentPath is root or below it: the site path is a
  // slice and a concatenation (path.relative and path.join per file cost ~0.3 s at 20k items).
  const resolved = path.resolve(root);
  const entries: string[] = [];
  for (const e of treeEntries(resolved)) {
    if (!e.isFile()) continue;
    const parent = e.parentPath;
    const url = `/media${parent === resolved ? "" : sitePathOf(resolved, parent)}/${e.name}`;
    if (isPublishedMedia(url.slice(1))) entries.push(url);
  }
  entries.sort();
  indexFiles(entries, files, byLowerCase, problems, folder);
  return { files, byLowerCase, problems, folder };
}

/** Indexes sorted site paths, reporting those that differ from an earlier one only in case. */
function indexFiles(
  entries: readonly string[],
  files: Set<string>,
  byLowerCase: Map<string, string>,
  problems: Problem[],
  folder: string,
): void {
  for (const url of entries) {
    files.add(url);
    const lower = url.toLowerCase();
    const first = byLowerCase.get(lower);
    if (first) {
      problems.push({
        severity: "error",
        file: `${folder}${url}`,
        message: `与 ${folder}${first} 只有大小写不同；在 Windows 和 macOS 上两者是同一个文件，请改名`,
      });
    } else byLowerCase.set(lower, url);
  }
}

/** `/a/b` for the folder `parent` below `resolved` (a hidden segment is then `/.`). */
function sitePathOf(resolved: string, parent: string): string {
  const under = parent.startsWith(resolved + path.sep)
    ? parent.slice(resolved.length)
    : path.sep + path.relative(resolved, parent);
  return path.sep === "/" ? under : under.split(path.sep).join("/");
}

/** Why a /media/ path does not resolve, or undefined when the file exists. */
export function missingMedia(index: MediaIndex, url: string): string | undefined {
  if (index.files.has(url)) return undefined;
  const other = index.byLowerCase.get(url.toLowerCase());
  const { folder } = index;
  if (other)
    return `文件 ${folder}${url} 不存在；大小写不一致，实际文件为 ${folder}${other}（网站区分大小写）`;
  return `文件 ${folder}${url} 不存在；请把文件放到 ${folder}${path.posix.dirname(url)}/ 中，或改正路径`;
}
