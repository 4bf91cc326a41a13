/** Lists the Markdown files under content/ in a stable order (byte order of their paths). */
import { readdirSync } from "node:fs";
import path from "node:path";

/** Folders of content/ that hold no content files of their own. */
export const NON_CONTENT_FOLDERS = new Set(["media"]);

export interface ContentFile {
  /** Absolute path. */
  abs: string;
  /** Path under content/ with forward slashes: news/2025/a.md. */
  rel: string;
}

export function listContentFiles(contentDir: string): { files: ContentFile[]; strays: ContentFile[] } {
  const files: ContentFile[] = [];
  const strays: ContentFile[] = [];
  const entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith(".")) continue;
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(contentDir, abs).split(path.sep).join("/");
    if (NON_CONTENT_FOLDERS.has(rel.split("/")[0])) continue;
    (rel.endsWith(".md") ? files : strays).push({ abs, rel });
  }
  const byPath = (a: ContentFile, b: ContentFile) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  return { files: files.sort(byPath), strays: strays.sort(byPath) };
}
