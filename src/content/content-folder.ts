/**
 * The content folder as problems name it: "content" for content/, "texts" for `--content x/texts`.
 * Files are named relative to the folder above it (src/content/loader.ts `displayPathOf`), and
 * src/problems/placed.ts shows them from the working directory. Messages about the folder or its
 * subfolders derive it from this, never from a literal "content".
 */
import path from "node:path";

export const contentFolderName = (contentDir: string): string => path.basename(path.resolve(contentDir));

/**
 * The content folder as a record's problems name it, from its file and id: "content" for
 * content/news/2025/a.md (id news/2025/a). A copy another site of a platform shares in is named
 * from the working directory (sites/edu/content/news/2026/a.md, id news/edu/2026/a): the part
 * before its type's folder.
 */
export function contentFolderOf(record: { file: string; id: string }): string {
  const tail = `/${record.id}.md`;
  if (record.file.endsWith(tail)) return record.file.slice(0, -tail.length);
  const at = record.file.lastIndexOf(`/${record.id.split("/")[0]}/`);
  return at > 0 ? record.file.slice(0, at) : path.posix.dirname(record.file);
}

/**
 * The site config as problems name it, like a content file: relative to the folder above the
 * content folder ("site.config.ts" in the usual layout, whatever `--config` names otherwise).
 */
export const configFileName = (contentDir: string, configPath?: string): string =>
  configPath
    ? path.relative(path.dirname(path.resolve(contentDir)), configPath).split(path.sep).join("/")
    : "site.config.ts";
