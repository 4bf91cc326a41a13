/**
 * The walk of content/ (src/content/walk.ts has its rules and types): plain JavaScript, so the
 * build's content scan lists the folder on its worker thread with the very same function
 * (src/build/cache/content-scan-worker.mjs; workers do not inherit tsx's loader).
 */
import path from "node:path";
import { treeEntries } from "./tree-entries.mjs";

/** Folders of content/ that hold no content files of their own. */
export const NON_CONTENT_FOLDERS = new Set(["media"]);

function kindOf(entry) {
  if (entry.isFile() || entry.isDirectory()) return undefined;
  if (entry.isSymbolicLink()) return "符号链接";
  if (entry.isFIFO()) return "命名管道（FIFO）";
  if (entry.isSocket()) return "套接字";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "设备文件";
  return "特殊文件";
}

const byPath = (a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);

/**
 * Whether a regular file at `rel` (under content/, forward slashes) is one content/media publishes:
 * under media/, neither the file nor a folder above it hidden (.DS_Store, .git). The one rule for
 * this walk and src/check/media-index.ts's own listing.
 */
export const isPublishedMedia = (rel) => rel.startsWith("media/") && !rel.includes("/.");

/**
 * The walk. With `{ media: true }` it also gives what src/check/media-index.ts would list of
 * content/media from the same entries: the site paths of its regular files outside hidden files
 * and folders (`{ url: "/media/2025/a.pdf", abs }`), sorted by site path as it sorts them.
 */
export function listContentTree(contentDir, { media: withMedia = false } = {}) {
  const media = withMedia ? [] : undefined;
  const files = [];
  const strays = [];
  const specials = [];
  // Listed from the resolved folder, every parentPath is a normalized absolute path, so a join
  // is a concatenation (path.join per entry cost ~0.3 s at 50k items).
  const resolved = path.resolve(contentDir);
  // A link is reported as a link (lstat semantics), never descended into.
  const entries = treeEntries(resolved);
  // Every entry is under contentDir: slicing is what path.relative gives, without its cost per file.
  const root = resolved.endsWith(path.sep) ? resolved : resolved + path.sep;
  for (const entry of entries) {
    const parent = entry.parentPath;
    const abs = parent.endsWith(path.sep) ? parent + entry.name : parent + path.sep + entry.name;
    const under = abs.startsWith(root) ? abs.slice(root.length) : path.relative(resolved, abs);
    const rel = path.sep === "/" ? under : under.split(path.sep).join("/");
    const kind = kindOf(entry);
    if (kind) specials.push({ abs, rel, kind });
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const top = rel.indexOf("/");
    if (NON_CONTENT_FOLDERS.has(top === -1 ? rel : rel.slice(0, top))) {
      // A file of content/media (not in a hidden folder), as media-index.ts lists it.
      if (media && isPublishedMedia(rel)) media.push({ url: `/${rel}`, abs });
      continue;
    }
    (rel.endsWith(".md") ? files : strays).push({ abs, rel });
  }
  const listing = { files: files.sort(byPath), strays: strays.sort(byPath), specials: specials.sort(byPath) };
  if (!media) return listing;
  media.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return { ...listing, media };
}
