/** The files of a built folder, as sorted "/"-separated relative paths (same order on every machine). */
import { readdirSync } from "node:fs";
import path from "node:path";

export function outputFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Site URL of an HTML file: "news/index.html" → "/news/", "404.html" → "/404.html". */
export function urlOfHtmlFile(rel: string): string {
  return "/" + (rel === "index.html" ? "" : rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel);
}
