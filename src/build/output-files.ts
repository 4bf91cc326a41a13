/**
 * The files of a built folder, as sorted "/"-separated relative paths (same order on every
 * machine); without the top-level entries named in `skip`.
 */
import { readdirSync } from "node:fs";
import { treeEntries } from "../content/tree-entries.mjs";
import path from "node:path";

export function outputFiles(dir: string, skip?: ReadonlySet<string>): string[] {
  const root = path.resolve(dir);
  const files: string[] = [];
  // `skip`: names at the top of the folder left out, with all they hold.
  const entries = skip
    ? readdirSync(root, { withFileTypes: true })
        .filter((entry) => !skip.has(entry.name))
        .flatMap((entry) => (entry.isDirectory() ? treeEntries(path.join(root, entry.name)) : [entry]))
    : treeEntries(root);
  // Relative paths by slicing, not path.relative: a third of the listing's time at 131k files.
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const rel =
      entry.parentPath === root
        ? entry.name
        : `${entry.parentPath.slice(root.length + 1)}${path.sep}${entry.name}`;
    files.push(path.sep === "/" ? rel : rel.split(path.sep).join("/"));
  }
  // Default sort: UTF-16 code unit order, the same on every machine and locale.
  return files.sort();
}

/** Site URL of an HTML file: "news/index.html" → "/news/", "404.html" → "/404.html". */
export function urlOfHtmlFile(rel: string): string {
  return (
    "/" + (rel === "index.html" ? "" : rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel)
  );
}
